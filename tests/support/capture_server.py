#!/usr/bin/env python3
"""A stand-in for the SMS endpoint that records every request it gets.

Usage: capture_server.py LOG_FILE [IDLE_SECONDS]

Listens on 127.0.0.1 on a port the system picks and prints that port as the first line of
stdout. Each request is appended to LOG_FILE as one JSON line (method, path, headers as a list
of [name, value] pairs, body as base64) and flushed *before* the answer goes out, so once a
client has its answer the line is on disk. Every request gets HTTP 200 with a fixed
CreateReplicationJob result.

The server stops on its own when its stdin is closed (the test that started it has ended) or
after IDLE_SECONDS (default 300) without a request, so nothing is ever left running.
"""

import base64
import http.server
import json
import sys
import threading
import time

ANSWER = b'{"replicationJobId": "sms-job-0123456789abcdef0"}'


def main():
    log_path = sys.argv[1]
    idle_limit = float(sys.argv[2]) if len(sys.argv) > 2 else 300.0
    lock = threading.Lock()
    last_seen = [time.monotonic()]

    class Recorder(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _record(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            entry = {
                "method": self.command,
                "path": self.path,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body_b64": base64.b64encode(body).decode("ascii"),
            }
            with lock:
                last_seen[0] = time.monotonic()
                with open(log_path, "a", encoding="utf-8") as log:
                    log.write(json.dumps(entry) + "\n")
                    log.flush()
            self.send_response(200)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(ANSWER)))
            self.end_headers()
            self.wfile.write(ANSWER)

        do_POST = _record
        do_GET = _record
        do_PUT = _record

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)

    def stop_when_stdin_closes():
        sys.stdin.buffer.read()
        server.shutdown()

    def stop_when_idle():
        while True:
            time.sleep(1.0)
            with lock:
                idle = time.monotonic() - last_seen[0]
            if idle > idle_limit:
                server.shutdown()
                return

    threading.Thread(target=stop_when_stdin_closes, daemon=True).start()
    threading.Thread(target=stop_when_idle, daemon=True).start()
    server.serve_forever(poll_interval=0.2)
    server.server_close()


if __name__ == "__main__":
    main()
