#!/usr/bin/env python3
"""A registry that answers under its real name (ECR, later Docker Hub, GHCR), for tests that need the name.

    named_registry.py DIR FLAVOUR NAME...

Makes a CA (DIR/ca.pem, for --ca-file) and a server certificate whose subjectAltName lists every NAME,
then listens with TLS on port 443 of a free private loopback address 127.0.0.N (N random, 2…254, so
fixtures of parallel tests never clash; binding 443 needs root). Writes that address to DIR/address once it
listens. Tests map the NAMEs to it in a private /etc/hosts (see Tests/EndToEndTests/Support/RealNames.swift).
Credentials come from DIR/credentials.json (never the command line): {"user": …, "password": …, and
flavour-specific keys}. Every request is appended to DIR/requests.log as one JSON line: host, path, and
the scheme of any Authorization header (never its value).
Exits when its stdin reaches end of file (the test that started it is gone) or on SIGTERM.

Flavours (add one as a function and a FLAVOURS entry):
  ecr   Basic realm="https://<host>/",service="ecr.amazonaws.com"; 401 "Not Authorized" for a wrong
        password, 403 "denied: Your authorization token has expired. …" for credentials["expired"].
"""
import base64, json, os, random, socket, ssl, subprocess, sys, threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn

DIR, FLAVOUR, NAMES = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(os.path.join(DIR, "credentials.json")) as f:
    CREDENTIALS = json.load(f)
log_lock = threading.Lock()


def basic(user, password):
    return "Basic " + base64.b64encode(("%s:%s" % (user, password)).encode()).decode()


def ecr(request, host):
    """AWS ECR: Basic only, realm is the registry's own URL; the password is a 12-hour token."""
    auth = request.headers.get("Authorization")
    if auth == basic("AWS", CREDENTIALS["password"]):
        return 200, [("Content-Type", "application/json")], b"{}"
    if auth == basic("AWS", CREDENTIALS.get("expired", "")):
        return 403, [("Content-Type", "text/plain; charset=utf-8")], \
            b"denied: Your authorization token has expired. Reauthenticate and try again.\n"
    challenge = 'Basic realm="https://%s/",service="ecr.amazonaws.com"' % host
    return 401, [("Content-Type", "text/plain; charset=utf-8"), ("WWW-Authenticate", challenge)], b"Not Authorized\n"


FLAVOURS = {"ecr": ecr}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        auth = self.headers.get("Authorization")
        with log_lock, open(os.path.join(DIR, "requests.log"), "a") as f:
            f.write(json.dumps({"host": host, "path": self.path, "authorization": auth.split(" ")[0] if auth else None}) + "\n")
        status, headers, body = FLAVOURS[FLAVOUR](self, host)
        self.send_response(status)
        for name, value in headers + [("Docker-Distribution-Api-Version", "registry/2.0"),
                                      ("Content-Length", str(len(body)))]:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingMixIn, HTTPServer):
    daemon_threads = True


def certificate():
    ca, ca_key = os.path.join(DIR, "ca.pem"), os.path.join(DIR, "ca-key.pem")
    cert, key = os.path.join(DIR, "server.pem"), os.path.join(DIR, "server-key.pem")
    run = lambda *args: subprocess.run(["openssl"] + list(args), check=True, capture_output=True)
    run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
        "-subj", "/CN=policy named-registry test CA", "-keyout", ca_key, "-out", ca)
    run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=" + NAMES[0],
        "-keyout", key, "-out", cert + ".csr")
    with open(cert + ".ext", "w") as f:
        f.write("subjectAltName=%s\nextendedKeyUsage=serverAuth\n" % ",".join("DNS:" + n for n in NAMES))
    run("x509", "-req", "-in", cert + ".csr", "-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-days", "2",
        "-extfile", cert + ".ext", "-out", cert)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def listen():
    for n in random.sample(range(2, 255), 253):
        try:
            return Server(("127.0.0.%d" % n, 443), Handler)
        except OSError:
            continue
    raise SystemExit("named_registry.py: no free 127.0.0.N:443")


def main():
    context = certificate()
    server = listen()
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with open(os.path.join(DIR, "address.tmp"), "w") as f:
        f.write(server.server_address[0])
    os.rename(os.path.join(DIR, "address.tmp"), os.path.join(DIR, "address"))
    sys.stdin.buffer.read()  # returns at end of file: whoever started us is gone
    os._exit(0)


if __name__ == "__main__":
    main()
