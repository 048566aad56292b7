"""Runs many `aws sms <operation> --cli-input-json <document>` calls through the real AWS CLI v1
in one process, and says for each what the CLI would send.

Each line of stdin is a JSON object {"op": "<cli name>", "doc": "<document text>"}; each line of
stdout is {"rc": <exit code>, "target": "<X-Amz-Target>" or null, "body": "<body>" or null,
"stderr": "<what the CLI printed on stderr>"}, in the same order. The CLI runs as it does from a
terminal (its own driver: argument parsing, `--cli-input-json`, parameter validation, the
botocore serializer); only the network is replaced: a `before-send` handler records the
prepared request and answers `{}` with status 200, so nothing leaves the process.
"""

import io
import json
import os
import sys
from contextlib import redirect_stderr, redirect_stdout

from awscli.clidriver import create_clidriver
from botocore.awsrequest import AWSResponse


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
    for line in sys.stdin:
        case = json.loads(line)
        sent = []

        def record(request, **_):
            sent.append(request)
            return AWSResponse(request.url, 200, {"Content-Type": "application/x-amz-json-1.1"}, Answer(b"{}"))

        driver = create_clidriver()
        driver.session.register("before-send", record)
        err = io.StringIO()
        with redirect_stdout(io.StringIO()), redirect_stderr(err):
            try:
                rc = driver.main(["sms", case["op"], "--cli-input-json", case["doc"]])
            except SystemExit as stop:
                rc = stop.code if isinstance(stop.code, int) else 1
        one = sent[0] if len(sent) == 1 else None
        body = one.body if one is not None else None
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        print(
            json.dumps(
                {
                    "rc": rc,
                    "requests": len(sent),
                    "target": one.headers.get("X-Amz-Target").decode() if one is not None else None,
                    "body": body,
                    "stderr": err.getvalue(),
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    main()
