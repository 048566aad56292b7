#!/usr/bin/env python3
"""A stand-in for the deployer's web server and signing proxy, for the browser tests.

Usage: fake_proxy.py DIST_DIR [IDLE_SECONDS]

Listens on 127.0.0.1 on a port the system picks and prints that port as the first line of
stdout. One origin serves everything, as the same-origin deployment in docs/deploy.md does:

  GET  /config.json        the config set through /__fake/config, or 404 when none is set
  GET  anything else       a file from DIST_DIR (`/` gives index.html), or 404
  POST /aws/sms/           recorded, then answered as the current script says
  POST /capture/...        recorded, then answered with a fixed success (for the real AWS CLI)
  OPTIONS any path         a CORS preflight answer when the script allows CORS, else 403

Control endpoints (used by the test, never by the app):

  PUT    /__fake/config    the body becomes config.json; DELETE removes it (back to 404)
  PUT    /__fake/script    a JSON answer script (below) for the next POSTs to /aws/sms/
  GET    /__fake/requests  every recorded request as JSON, oldest first
  DELETE /__fake/requests  forgets them

An answer script is a JSON object:
  status (default 200), headers ({name: value}), body (text), bodyBytes (a body of that many
  `x` bytes instead), delaySeconds (wait before answering), drop (true: read the request, then
  close the connection without answering), cors (true: add Access-Control-* headers for any
  origin, so a cross-origin page may read the answer).

Each recorded request holds method, path, headers ([name, value] pairs in the order received),
the body as base64, and `head_b64`: the request line as received and the headers as parsed.
A request is recorded before it is answered. The server stops when its stdin closes (the test
that started it has ended) or after IDLE_SECONDS (default 300) without a request.
"""

import base64
import http.server
import json
import mimetypes
import os
import sys
import threading
import time

SUCCESS = b'{"replicationJobId":"sms-job-0123456789abcdef0"}'


class State:
    """What the control endpoints set, shared by the handler threads."""

    def __init__(self, dist):
        self.dist = os.path.realpath(dist)
        self.lock = threading.Lock()
        self.config = None
        self.script = {}
        self.requests = []
        self.last_seen = time.monotonic()


def make_handler(state):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def touch(self):
            with state.lock:
                state.last_seen = time.monotonic()

        def read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def answer(self, status, body, content_type, extra=None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def record(self, body):
            head = self.raw_requestline + bytes(self.headers)
            entry = {
                "method": self.command,
                "path": self.path,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body_b64": base64.b64encode(body).decode("ascii"),
                "head_b64": base64.b64encode(head).decode("ascii"),
            }
            with state.lock:
                state.requests.append(entry)

        def cors_headers(self, script):
            if not script.get("cors"):
                return {}
            return {
                "Access-Control-Allow-Origin": self.headers.get("Origin") or "*",
                "Access-Control-Allow-Methods": "POST",
                "Access-Control-Allow-Headers": "content-type, x-amz-target",
                "Access-Control-Expose-Headers": "x-amzn-ErrorType",
            }

        def do_GET(self):
            self.touch()
            path = self.path.split("?", 1)[0]
            if path == "/__fake/requests":
                with state.lock:
                    body = json.dumps(state.requests).encode()
                return self.answer(200, body, "application/json")
            if path == "/config.json":
                with state.lock:
                    config = state.config
                if config is None:
                    return self.answer(404, b"no config.json\n", "text/plain")
                return self.answer(200, config, "application/json")
            if path.endswith("/"):
                path += "index.html"
            file = os.path.realpath(os.path.join(state.dist, path.lstrip("/")))
            if not file.startswith(state.dist + os.sep) or not os.path.isfile(file):
                return self.answer(404, b"not found\n", "text/plain")
            with open(file, "rb") as f:
                body = f.read()
            kind = "application/wasm" if file.endswith(".wasm") else None
            kind = kind or mimetypes.guess_type(file)[0] or "application/octet-stream"
            return self.answer(200, body, kind)

        do_HEAD = do_GET

        def do_PUT(self):
            self.touch()
            body = self.read_body()
            if self.path == "/__fake/config":
                with state.lock:
                    state.config = body
            elif self.path == "/__fake/script":
                with state.lock:
                    state.script = json.loads(body or b"{}")
            else:
                return self.answer(405, b"", "text/plain")
            return self.answer(204, b"", "text/plain")

        def do_DELETE(self):
            self.touch()
            with state.lock:
                if self.path == "/__fake/config":
                    state.config = None
                elif self.path == "/__fake/requests":
                    state.requests.clear()
            return self.answer(204, b"", "text/plain")

        def do_OPTIONS(self):
            self.touch()
            with state.lock:
                script = dict(state.script)
            headers = self.cors_headers(script)
            if not headers:
                return self.answer(403, b"", "text/plain")
            return self.answer(204, b"", "text/plain", headers)

        def do_POST(self):
            self.touch()
            body = self.read_body()
            self.record(body)
            if self.path.startswith("/capture"):
                return self.answer(200, SUCCESS, "application/x-amz-json-1.1")
            if self.path.split("?", 1)[0] != "/aws/sms/":
                return self.answer(405, b"<html><body>405 Not Allowed</body></html>", "text/html")
            with state.lock:
                script = dict(state.script)
            if script.get("delaySeconds"):
                time.sleep(float(script["delaySeconds"]))
            if script.get("drop"):
                self.close_connection = True
                try:
                    self.connection.shutdown(2)
                except OSError:
                    pass
                return None
            if "bodyBytes" in script:
                out = b"x" * int(script["bodyBytes"])
            else:
                out = script.get("body", SUCCESS.decode()).encode()
            headers = dict(script.get("headers", {}))
            headers.update(self.cors_headers(script))
            kind = headers.pop("Content-Type", "application/x-amz-json-1.1")
            try:
                return self.answer(int(script.get("status", 200)), out, kind, headers)
            except (BrokenPipeError, ConnectionResetError):
                return None  # the page gave up (timeout or cancel) before the answer

    return Handler


def main():
    state = State(sys.argv[1])
    idle_limit = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    server.daemon_threads = True
    print(server.server_address[1], flush=True)

    def stop_when_stdin_closes():
        sys.stdin.buffer.read()
        server.shutdown()

    def stop_when_idle():
        while True:
            time.sleep(1.0)
            with state.lock:
                idle = time.monotonic() - state.last_seen
            if idle > idle_limit:
                server.shutdown()
                return

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    threading.Thread(target=stop_when_idle, daemon=True).start()
    server.serve_forever(poll_interval=0.2)
    server.server_close()


if __name__ == "__main__":
    main()
