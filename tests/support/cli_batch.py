"""Runs many calls through the real AWS CLI v1 in one process, and says for each what the CLI
would send or print.

Each line of stdin is a JSON object, one of:

- {"op": "<cli name>", "doc": "<document>"}: `aws sms <op> --cli-input-json <document>`;
- {"argv": ["sms", "<op>", ...]}: `aws` with exactly these words (no shell in between);
- {"argv": [...], "skeleton": true}: the same, for `--generate-cli-skeleton`: "stdout" is what
  the CLI printed, and "normalized" the same JSON with every enum placeholder of an input
  skeleton set to the enum's first value (CLI v1 picks one at random), dumped as the CLI dumps
  it (an output skeleton is left as printed);
- {"op": "<cli name>", "yaml": "<document>"}: what CLI v2 makes of a `--cli-input-yaml`
  document: "yaml12" and "yaml11" are the documents as ruamel.yaml's safe loader (YAML 1.2,
  what v2 uses) and PyYAML (YAML 1.1) load them, as JSON ("error" when they refuse it), and
  "body" what botocore (the venv's release) validates and serializes from the YAML 1.2 load.

Each line of stdout answers the line in the same place: {"rc": <exit code>, "requests": <how
many>, "target": "<X-Amz-Target>" or null, "body": "<body>" or null, "stderr": "..."} (plus
the keys above). The CLI runs as it does from a terminal (its own driver: argument parsing,
`--cli-input-json`, parameter validation, the botocore serializer); only the network is
replaced: a `before-send` handler records the prepared request and answers `{}` with status
200, so nothing leaves the process.
"""

import collections
import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout

import botocore.session
from awscli.clidriver import create_clidriver
from botocore.awsrequest import AWSResponse
from botocore.serialize import create_serializer

_MODEL = []


def model():
    if not _MODEL:
        _MODEL.append(botocore.session.get_session().get_service_model("sms"))
    return _MODEL[0]


def operation(cli_name):
    for name in model().operation_names:
        if botocore.xform_name(name, "-") == cli_name:
            return model().operation_model(name)
    raise KeyError(cli_name)


def normalized(value, shape):
    """A skeleton with every enum placeholder set to the enum's first value."""
    if shape is None:
        return value
    if shape.type_name == "structure" and isinstance(value, dict):
        return type(value)((k, normalized(v, shape.members.get(k))) for k, v in value.items())
    if shape.type_name == "list" and isinstance(value, list):
        return [normalized(v, shape.member) for v in value]
    if shape.type_name == "string" and shape.enum:
        return shape.enum[0]
    return value


def yaml_case(case):
    import datetime

    import yaml as pyyaml
    from ruamel.yaml import YAML

    def plain(value):
        if isinstance(value, (datetime.date, datetime.datetime)):
            return {"date": value.isoformat()}
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    def ruamel(text):
        return YAML(typ="safe", pure=True).load(io.StringIO(text))

    out = {}
    for key, load in (("yaml12", ruamel), ("yaml11", pyyaml.safe_load)):
        try:
            out[key] = plain(load(case["yaml"]))
        except Exception as error:  # a refusal is a result to report
            out[key] = {"error": "%s: %s" % (type(error).__name__, error)}
    try:
        serializer = create_serializer("json", include_validation=True)
        request = serializer.serialize_to_request(ruamel(case["yaml"]) or {}, operation(case["op"]))
        out["body"] = request["body"].decode("utf-8")
    except Exception as error:
        out["body"] = None
        out["stderr"] = "%s: %s" % (type(error).__name__, error)
    return out


class Answer:
    """The raw response `AWSResponse` reads its body from."""

    def __init__(self, body):
        self._body = body

    def stream(self, **_):
        yield self._body

    def read(self, *_):
        body, self._body = self._body, b""
        return body


def main():
    os.environ.update(
        AWS_ACCESS_KEY_ID="AKIDEXAMPLE",
        AWS_SECRET_ACCESS_KEY="dummy-secret",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_CONFIG_FILE="/dev/null",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
    )
    # One driver for every call that sends (a fresh one costs a tenth of a second, and a corpus
    # has over a thousand calls): it keeps the loaded models and parses each call's words
    # afresh; the corpus's refused calls show that no call's state lets the next one through.
    drivers = []
    sent = []

    def record(request, **_):
        sent.append(request)
        return AWSResponse(request.url, 200, {"Content-Type": "application/x-amz-json-1.1"}, Answer(b"{}"))

    for line in sys.stdin:
        case = json.loads(line)
        if "yaml" in case:
            print(json.dumps(yaml_case(case)), flush=True)
            continue
        sent.clear()
        argv = case.get("argv") or ["sms", case["op"], "--cli-input-json", case["doc"]]
        # `--generate-cli-skeleton` leaves its handlers on the session: a fresh driver each.
        driver = None if case.get("skeleton") or not drivers else drivers[0]
        if driver is None:
            driver = create_clidriver()
            driver.session.register("before-send", record)
            if not case.get("skeleton"):
                drivers.append(driver)
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            try:
                rc = driver.main(list(argv))
            except SystemExit as stop:
                rc = stop.code if isinstance(stop.code, int) else 1
        one = sent[0] if len(sent) == 1 else None
        body = one.body if one is not None else None
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        answer = {
            "rc": rc,
            "requests": len(sent),
            "target": one.headers.get("X-Amz-Target").decode() if one is not None else None,
            "body": body,
            "stderr": err.getvalue(),
        }
        if case.get("skeleton"):
            answer["stdout"] = out.getvalue()
            op = operation(argv[1])
            shape = op.output_shape if "output" in argv else op.input_shape
            if "output" in argv or not out.getvalue():
                # An output skeleton names each string after its member, enums included.
                answer["normalized"] = out.getvalue()
            else:
                data = json.loads(out.getvalue(), object_pairs_hook=collections.OrderedDict)
                answer["normalized"] = json.dumps(normalized(data, shape), indent=4) + "\n"
        print(json.dumps(answer), flush=True)

if __name__ == "__main__":
    main()
