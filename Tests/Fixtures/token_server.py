#!/usr/bin/env python3
"""Token-service fixture for the integration tests: a distribution-style token endpoint over TLS.

GET /token?service=…[&scope=…] with HTTP Basic credentials checked against a JSON file of
{user: password} or {user: {"password": …, "actions": ["pull"]}}; answers {"token": JWT, "access_token": JWT}
where the JWT is signed RS256 with an x5c header whose certificate is the registry's rootcertbundle, and its
`access` claim grants, for each `repository:NAME:ACTIONS` scope asked, the actions the user may have (all of
pull and push unless "actions" limits them). With offline_token=true the reply also carries a refresh_token
(what docker stores as `identitytoken`); POST /token with grant_type=refresh_token exchanges one for an
access token (400 invalid_grant for one it never issued). Signing uses the openssl command line, so only the
Python standard library is needed. Every request is appended to a log file as one JSON line (no secrets).

With a ninth argument, a plain-HTTP registry URL, it also fronts that registry: every other path is
forwarded there, so the token service lives on the registry's own host and port (as ghcr.io/token does).
"""
import base64, http.client, json, os, socket, socketserver, ssl, subprocess, sys, threading, time, uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import urlparse, parse_qs

PORT, CERT, KEY, SIGN_KEY, SIGN_CERT_DER, USERS, ISSUER, LOG = sys.argv[1:9]
BACKEND = urlparse(sys.argv[9]) if len(sys.argv) > 9 else None


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign(payload: bytes) -> bytes:
    return subprocess.run(["openssl", "dgst", "-sha256", "-sign", SIGN_KEY], input=payload,
                          capture_output=True, check=True).stdout


_tokens = {}
_tokens_lock = threading.Lock()
_refresh_tokens = {}


def token_for(subject: str, audience: str, access=()) -> str:
    """One token per (subject, audience, access) for the server's lifetime: signing spawns openssl, which would
    otherwise dominate the timing of every login (the benchmark measures clients, not this fixture)."""
    with _tokens_lock:
        key = (subject, audience, json.dumps(access, sort_keys=True))
        if key not in _tokens:
            _tokens[key] = make_token(subject, audience, list(access))
        return _tokens[key]


def load_users():
    with open(USERS) as f:
        users = json.load(f)
    return {name: entry if isinstance(entry, dict) else {"password": entry} for name, entry in users.items()}


def granted(user_entry, scopes):
    """The access claim for the scopes asked: each repository scope with the actions the user may have."""
    allowed = set(user_entry.get("actions", ["pull", "push"]))
    access = []
    for scope in scopes:
        for item in scope.split(" "):
            parts = item.split(":")
            if len(parts) < 3 or parts[0] != "repository":
                continue
            name, actions = ":".join(parts[1:-1]), parts[-1].split(",")
            access.append({"type": "repository", "name": name,
                           "actions": [action for action in actions if action in allowed or "*" in allowed]})
    return access


def make_token(subject: str, audience: str, access) -> str:
    with open(SIGN_CERT_DER, "rb") as f:
        der = f.read()
    header = {"typ": "JWT", "alg": "RS256", "x5c": [base64.b64encode(der).decode()]}
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": subject, "aud": audience, "exp": now + 3600, "nbf": now - 10,
              "iat": now, "jti": uuid.uuid4().hex, "access": access}
    signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
    return signing_input.decode() + "." + b64url(sign(signing_input))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        super().setup()
        # Headers and body leave in one segment; with Nagle on, a second small write would wait for the
        # client's delayed ACK (40 ms) and the fixture, not the client, would set the pace.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, *args):
        pass

    def reply(self, status: int, body: bytes, content_type="application/json", extra=()):
        lines = [f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}", f"Content-Type: {content_type}",
                 f"Content-Length: {len(body)}"] + [f"{name}: {value}" for name, value in extra]
        self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    def do_GET(self):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        auth = self.headers.get("Authorization", "")
        entry = {"path": url.path, "query": query, "client_port": self.client_address[1],
                 "authorization_scheme": auth.split(" ")[0] if auth else None}
        with open(LOG, "a") as log:
            log.write(json.dumps(entry) + "\n")
        if url.path != "/token" and BACKEND is not None:
            return self.forward()
        if url.path != "/token":
            return self.reply(404, b'{"errors":[{"code":"NOT_FOUND","message":"no such endpoint"}]}')
        users = load_users()
        user = password = None
        if auth.startswith("Basic "):
            try:
                user, _, password = base64.b64decode(auth[6:]).decode().partition(":")
            except Exception:
                pass
        if user is None or users.get(user, {}).get("password") != password:
            return self.reply(401, b'{"details":"incorrect username or password"}',
                              extra=[("WWW-Authenticate", 'Basic realm="token"')])
        token = token_for(user, query.get("service", [""])[0], granted(users[user], query.get("scope", [])))
        with open(LOG, "a") as log:
            log.write(json.dumps({"issued": token}) + "\n")
        reply = {"token": token, "access_token": token, "expires_in": 300}
        if query.get("offline_token", [""])[0] == "true":
            refresh = "refresh-" + uuid.uuid4().hex
            with _tokens_lock:
                _refresh_tokens[refresh] = user
            reply["refresh_token"] = refresh
        self.reply(200, json.dumps(reply).encode())

    def do_POST(self):
        url = urlparse(self.path)
        length = int(self.headers.get("Content-Length", "0") or 0)
        form = parse_qs(self.rfile.read(length).decode(errors="replace"))
        with open(LOG, "a") as log:
            log.write(json.dumps({"method": "POST", "path": url.path, "fields": sorted(form),
                                  "grant_type": form.get("grant_type", [None])[0],
                                  "authorization_scheme": (self.headers.get("Authorization") or " ").split(" ")[0] or None}) + "\n")
        if url.path != "/token":
            return self.reply(404, b'{"errors":[{"code":"NOT_FOUND","message":"no such endpoint"}]}')
        if form.get("grant_type", [""])[0] != "refresh_token":
            return self.reply(400, b'{"error":"unsupported_grant_type"}')
        with _tokens_lock:
            user = _refresh_tokens.get(form.get("refresh_token", [""])[0])
        users = load_users()
        if user is None or user not in users:
            return self.reply(400, b'{"error":"invalid_grant","details":"refresh token is not valid"}')
        token = token_for(user, form.get("service", [""])[0], granted(users[user], form.get("scope", [])))
        self.reply(200, json.dumps({"access_token": token, "expires_in": 300,
                                    "refresh_token": form["refresh_token"][0]}).encode())


    def forward(self):
        backend = http.client.HTTPConnection(BACKEND.hostname, BACKEND.port, timeout=10)
        headers = {name: value for name, value in self.headers.items() if name.lower() != "connection"}
        backend.request("GET", self.path, headers=headers)
        answer = backend.getresponse()
        body = answer.read()
        skip = {"content-length", "connection", "transfer-encoding", "content-type"}
        extra = [(name, value) for name, value in answer.getheaders() if name.lower() not in skip]
        backend.close()
        self.reply(answer.status, body, answer.getheader("Content-Type", "application/json"), extra)


class Server(socketserver.ThreadingMixIn, HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


server = Server(("127.0.0.1", int(PORT)), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(CERT, KEY)
server.socket = context.wrap_socket(server.socket, server_side=True)
with open(os.path.join(os.path.dirname(LOG), "token.ready"), "w") as ready:
    ready.write(str(os.getpid()))
server.serve_forever()
