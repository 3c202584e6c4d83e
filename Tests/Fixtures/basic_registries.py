#!/usr/bin/env python3
"""Many tiny registries on 127.0.0.1 for storage tests, one process, one port each, plain HTTP.

    basic_registries.py COUNT USER PASSWORD_FILE PORTS_FILE [LIFETIME_SECONDS]

Each port answers GET /v2/ with 401 and `WWW-Authenticate: Basic realm="policy-test"`, or with 200 when
the request carries the right Basic credentials. The ports are written to PORTS_FILE (one per line,
renamed into place once every port listens). The password is read from a file, never from the command line.
The process stops by itself after LIFETIME_SECONDS (default 300), or on SIGTERM.
"""
import base64
import http.server
import os
import signal
import sys
import threading


def handler_for(expected):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            if self.path.split("?")[0] not in ("/v2/", "/v2"):
                self.reply(404, b'{"errors":[{"code":"NOT_FOUND"}]}')
            elif self.headers.get("Authorization") == expected:
                self.reply(200, b"{}")
            else:
                self.reply(401, b'{"errors":[{"code":"UNAUTHORIZED"}]}',
                           [("WWW-Authenticate", 'Basic realm="policy-test"')])

        def reply(self, status, body, headers=()):
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Docker-Distribution-API-Version", "registry/2.0")
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def main():
    count, user, password_file, ports_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    lifetime = float(sys.argv[5]) if len(sys.argv) > 5 else 300.0
    # Bytes, not text: a password need not be UTF-8, and must arrive exactly as stored.
    with open(password_file, "rb") as f:
        password = f.read().rstrip(b"\r\n")
    expected = "Basic " + base64.b64encode(user.encode() + b":" + password).decode()
    servers = []
    for _ in range(count):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_for(expected))
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    with open(ports_file + ".tmp", "w") as f:
        f.write("".join(f"{s.server_address[1]}\n" for s in servers))
    os.rename(ports_file + ".tmp", ports_file)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait(lifetime)


if __name__ == "__main__":
    main()
