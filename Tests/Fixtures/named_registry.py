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
  ecr        Basic realm="https://<host>/",service="ecr.amazonaws.com"; 401 "Not Authorized" for a wrong
             password, 403 "denied: Your authorization token has expired. …" for credentials["expired"].
  dockerhub  registry-1.docker.io answers Bearer realm="https://auth.docker.io/token",service="registry.docker.io";
             auth.docker.io/token takes Basic credentials["user"]/["password"] and issues a JWT-shaped token whose
             access claim grants pull and push on what the scope asks.
  ecrpublic  ECR Public (public.ecr.aws): Bearer realm="https://public.ecr.aws/token/",service="public.ecr.aws",
             scope="aws"; /token/ takes Basic AWS/credentials["password"] and issues an opaque token.
  ghcr       GHCR: Bearer realm="https://ghcr.io/token",service="ghcr.io"; /token issues opaque tokens for
             credentials["password"] (may push) and credentials["readonly"] (may only pull); the repositories in
             credentials["repositories"] (comma-separated) exist; GET /v2/<repo>/tags/list, POST
             /v2/<repo>/blobs/uploads/ (202 with a Location, or 403 DENIED) and DELETE of that location answer
             as GHCR does.
"""
import base64, json, os, random, socket, ssl, subprocess, sys, threading, uuid
from urllib.parse import urlparse, parse_qs
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


def ecrpublic(request, host):
    """ECR Public: a token service on the registry's own host; the password is GetAuthorizationToken's."""
    url = urlparse(request.path)
    auth = request.headers.get("Authorization") or ""
    if url.path == "/token/":
        if auth != basic("AWS", CREDENTIALS["password"]):
            return json_reply(401, {"errors": [{"code": "DENIED", "message": "Your authorization token is invalid."}]})
        token = base64.b64encode(("v1:" + uuid.uuid4().hex).encode()).decode()
        ISSUED.add(token)
        return json_reply(200, {"token": token})
    if auth.startswith("Bearer ") and auth[7:] in ISSUED:
        return json_reply(200, {})
    challenge = 'Bearer realm="https://%s/token/",service="public.ecr.aws",scope="aws"' % host
    return json_reply(401, {"errors": [{"code": "DENIED", "message": "Not Authorized"}]}, [("WWW-Authenticate", challenge)])


def json_reply(status, value, extra=()):
    return status, [("Content-Type", "application/json")] + list(extra), json.dumps(value).encode()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def scoped_access(query):
    access = []
    for scope in query.get("scope", []):
        parts = scope.split(":")
        if len(parts) >= 3 and parts[0] == "repository":
            access.append({"type": "repository", "name": ":".join(parts[1:-1]), "actions": parts[-1].split(",")})
    return access


def dockerhub(request, host):
    """Docker Hub: the API on registry-1.docker.io, its token service on auth.docker.io."""
    url = urlparse(request.path)
    auth = request.headers.get("Authorization") or ""
    if host == "auth.docker.io" and url.path == "/token":
        if auth != basic(CREDENTIALS["user"], CREDENTIALS["password"]):
            return json_reply(401, {"details": "incorrect username or password"})
        claims = {"iss": "auth.docker.io", "sub": CREDENTIALS["user"], "exp": 4102444800,
                  "access": scoped_access(parse_qs(url.query))}
        token = b64url(b'{"alg":"RS256","typ":"JWT"}') + "." + b64url(json.dumps(claims).encode()) + ".c2ln"
        ISSUED.add(token)
        return json_reply(200, {"token": token, "access_token": token, "expires_in": 300})
    if host == "registry-1.docker.io" and url.path == "/v2/":
        if auth.startswith("Bearer ") and auth[7:] in ISSUED:
            return json_reply(200, {})
        challenge = 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"'
        return json_reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]},
                          [("WWW-Authenticate", challenge)])
    return json_reply(404, {"errors": [{"code": "NOT_FOUND", "message": "not here"}]})


def ghcr(request, host):
    """GitHub Container Registry: opaque tokens; what a token may do is only learned by trying."""
    url = urlparse(request.path)
    auth = request.headers.get("Authorization") or ""
    if url.path == "/token":
        for password, may_push in ((CREDENTIALS["password"], True), (CREDENTIALS.get("readonly", ""), False)):
            if password and auth == basic(CREDENTIALS["user"], password):
                token = base64.b64encode(("v1:" + uuid.uuid4().hex).encode()).decode()
                GHCR_TOKENS[token] = may_push
                return json_reply(200, {"token": token})
        return json_reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]})
    token = auth[7:] if auth.startswith("Bearer ") else None
    if token not in GHCR_TOKENS:
        challenge = 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:user/image:pull"'
        return json_reply(401, {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]},
                          [("WWW-Authenticate", challenge)])
    if url.path == "/v2/":
        return json_reply(200, {})
    repositories = [r for r in CREDENTIALS.get("repositories", "").split(",") if r]
    if url.path.endswith("/tags/list") and request.command == "GET":
        name = url.path[len("/v2/"):-len("/tags/list")]
        if name not in repositories:
            return json_reply(404, {"errors": [{"code": "NAME_UNKNOWN", "message": "repository name not known to registry"}]})
        return json_reply(200, {"name": name, "tags": ["latest"]})
    if url.path.endswith("/blobs/uploads/") and request.command == "POST":
        if not GHCR_TOKENS[token]:
            return json_reply(403, {"errors": [{"code": "DENIED", "message": "permission_denied: write_package"}]})
        location = url.path + uuid.uuid4().hex
        UPLOADS.add(location)
        return 202, [("Location", location)], b""
    if request.command == "DELETE" and url.path in UPLOADS:
        UPLOADS.discard(url.path)
        return 204, [], b""
    return json_reply(404, {"errors": [{"code": "NOT_FOUND", "message": "not here"}]})


ISSUED, GHCR_TOKENS, UPLOADS = set(), {}, set()
FLAVOURS = {"ecr": ecr, "ecrpublic": ecrpublic, "dockerhub": dockerhub, "ghcr": ghcr}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        auth = self.headers.get("Authorization")
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        with log_lock, open(os.path.join(DIR, "requests.log"), "a") as f:
            f.write(json.dumps({"host": host, "path": self.path, "method": self.command,
                                "authorization": auth.split(" ")[0] if auth else None}) + "\n")
        status, headers, body = FLAVOURS[FLAVOUR](self, host)
        self.send_response(status)
        for name, value in headers + [("Docker-Distribution-Api-Version", "registry/2.0"),
                                      ("Content-Length", str(len(body)))]:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET
    do_DELETE = do_GET

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
