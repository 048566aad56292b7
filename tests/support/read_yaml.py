#!/usr/bin/env python3
"""Loads rendered --cli-input-yaml documents the way real readers do, for the Rust tests.

Reads from stdin a JSON list of cases, each {"name": ..., "yaml": ..., "json": ...}, and writes
to stdout a JSON list with, per case, what three readers made of it:

  "yaml12": ruamel.yaml's safe loader (YAML 1.2), the reader AWS CLI v2 uses;
  "yaml11": PyYAML's safe_load (YAML 1.1), what older tools use;
  "json":   json.loads of the rendered --cli-input-json document.

Each value is written in a tagged form that keeps the Python type, so that True and 1, 12 and
"12", or a date and its text can never compare equal by accident: ["str", s], ["int", "12"],
["bool", true], ["float", "1000.0"], ["null"], ["date", "2026-11-25"], ["bytes", hex],
["list", [...]], ["map", [[key, value], ...]] (keys in document order). A reader that refuses
the text gives ["error", message].

With "body": true in a case, "body12" is also given: the request body botocore (the same
release as the venv's CLI) validates and serializes from what the YAML 1.2 reader loaded, as
CLI v2 does with a --cli-input-yaml document and no other option; or ["error", message].
"""

import datetime
import io
import json
import sys

import yaml as pyyaml
from ruamel.yaml import YAML


def tagged(value):
    # bool before int: in Python a bool is an int.
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", str(value)]
    if isinstance(value, float):
        return ["float", repr(value)]
    if isinstance(value, str):
        return ["str", str(value)]
    if value is None:
        return ["null"]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return ["date", value.isoformat()]
    if isinstance(value, (bytes, bytearray)):
        return ["bytes", bytes(value).hex()]
    if isinstance(value, dict):
        return ["map", [[tagged(k), tagged(v)] for k, v in value.items()]]
    if isinstance(value, (list, tuple)):
        return ["list", [tagged(v) for v in value]]
    return ["other", type(value).__name__, repr(value)]


def attempt(load, text):
    try:
        return tagged(load(text))
    except Exception as error:  # any refusal is a result to report, not a crash
        return ["error", f"{type(error).__name__}: {error}"]


def ruamel_load(text):
    reader = YAML(typ="safe", pure=True)
    return reader.load(io.StringIO(text))


_OPERATION = []


def operation():
    if not _OPERATION:
        import botocore.session

        model = botocore.session.get_session().get_service_model("sms")
        _OPERATION.append(model.operation_model("CreateReplicationJob"))
    return _OPERATION[0]


def body_of(params):
    from botocore.serialize import create_serializer

    serializer = create_serializer("json", include_validation=True)
    request = serializer.serialize_to_request(params, operation())
    return request["body"].decode("utf-8")


def main():
    cases = json.load(sys.stdin)
    results = []
    for case in cases:
        result = {
            "name": case["name"],
            "yaml12": attempt(ruamel_load, case["yaml"]),
            "yaml11": attempt(pyyaml.safe_load, case["yaml"]),
            "json": attempt(json.loads, case["json"]),
        }
        if case.get("body"):
            try:
                result["body12"] = body_of(ruamel_load(case["yaml"]))
            except Exception as error:  # a refusal is reported, not raised
                result["body12"] = ["error", f"{type(error).__name__}: {error}"]
        results.append(result)
    json.dump(results, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
