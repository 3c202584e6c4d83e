#!/usr/bin/env python3
"""Hostile registry fixture: one misbehaving server per port on 127.0.0.1, for the hardening tests.

    hostile_server.py DIR BEHAVIOUR...

Binds one port per named behaviour (plain HTTP or TLS, see BEHAVIOURS), then writes DIR/ports.json
({behaviour: port}). TLS ports use a certificate made per run with openssl (DIR/ca.pem, for --ca-file).
Every request is appended to DIR/requests.log as one JSON line: behaviour, path, and the scheme of any
Authorization header (never its value). Responses are written as raw bytes, so headers may carry anything.
Huge bodies are streamed in chunks until the client hangs up; nothing large is ever held in memory.
The process exits when its stdin reaches end of file (the test that started it is gone) or on SIGTERM.
"""
import json, os, socket, ssl, subprocess, sys, threading, time

DIR = sys.argv[1]
NAMES = sys.argv[2:]
TOKEN = "hostile-token-7Qm2xV9pL4"   # the token the Bearer behaviours issue; tests grep output for it
TWO_GIB = 2 << 30
CHUNK = b"\0" * 65536
log_lock = threading.Lock()
ports = {}


def log(behaviour, path, authorization):
    entry = {"behaviour": behaviour, "path": path,
             "authorization": authorization.split(" ")[0] if authorization else None}
    with log_lock, open(os.path.join(DIR, "requests.log"), "a") as f:
        f.write(json.dumps(entry) + "\n")


def read_request(conn):
    """The request line's path and the headers (lower-cased names), or None when the client sent nothing."""
    data = b""
    while b"\r\n\r\n" not in data and len(data) < 65536:
        chunk = conn.recv(4096)
        if not chunk:
            return None
        data += chunk
    head = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
    parts = head[0].split(" ")
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return (parts[1] if len(parts) > 1 else "/"), headers


def respond(conn, status, headers=(), body=b""):
    lines = [b"HTTP/1.1 " + status.encode()]
    lines += [name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()) for name, value in headers]
    lines += [b"Content-Length: " + str(len(body)).encode(), b"Connection: close"]
    conn.sendall(b"\r\n".join(lines) + b"\r\n\r\n" + body)


def wait_for_hangup(conn):
    while conn.recv(4096):
        pass


def stream_zeros(conn, chunked):
    sent = 0
    while sent < TWO_GIB:
        conn.sendall((b"10000\r\n" + CHUNK + b"\r\n") if chunked else CHUNK)
        sent += len(CHUNK)


def challenge(conn, value):
    respond(conn, "401 Unauthorized", [("WWW-Authenticate", value), ("Content-Type", "application/json")],
            b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')


def url(name, path, scheme="http"):
    return "%s://127.0.0.1:%d%s" % (scheme, ports[name], path)


# --- behaviours: (tls, handler(conn, path, headers)) -------------------------------------------------

def silent(conn, path, headers):
    wait_for_hangup(conn)


def drip(conn, path, headers):
    conn.sendall(b"HTTP/1.1 401 Unauthorized\r\nX-Drip: ")
    while True:
        conn.sendall(b"a")
        time.sleep(0.5)


def huge_headers(conn, path, headers):
    filler = [("X-Filler-%d" % i, "f" * 100) for i in range(2000)]
    respond(conn, "401 Unauthorized", [("WWW-Authenticate", 'Basic realm="r"')] + filler)


def huge_body(chunked):
    def handler(conn, path, headers):
        framing = b"Transfer-Encoding: chunked" if chunked else b"Content-Length: %d" % TWO_GIB
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + b"\r\n\r\n")
        stream_zeros(conn, chunked)
    return handler


def fixed_challenge(value):
    return lambda conn, path, headers: challenge(conn, value)


def status(line, body=b"", content_type="text/plain"):
    return lambda conn, path, headers: respond(conn, line, [("Content-Type", content_type)], body)


def bearer(name, token_reply, scheme="http"):
    """A registry whose realm is its own /token, answered by token_reply(conn, headers)."""
    def handler(conn, path, headers):
        auth = headers.get("authorization", "")
        if path.startswith("/token"):
            return token_reply(conn, headers)
        if auth == "Bearer " + TOKEN:
            return respond(conn, "200 OK", [("Content-Type", "application/json")], b"{}")
        challenge(conn, 'Bearer realm="%s",service="hostile"' % url(name, "/token", scheme))
    return handler


def token_json(body):
    return lambda conn, headers: respond(conn, "200 OK", [("Content-Type", "application/json")], body)


def token_huge(conn, headers):
    huge_body(True)(conn, "/token", headers)


def basic_then(after):
    """401 Basic to anonymous requests; `after(conn, auth)` once credentials arrive."""
    def handler(conn, path, headers):
        auth = headers.get("authorization")
        if not auth:
            return challenge(conn, 'Basic realm="hostile"')
        after(conn, auth)
    return handler


def redirect_to_recorder(path):
    return lambda conn, *rest: respond(conn, "307 Temporary Redirect", [("Location", url("recorder", path))])


def same_host_redirect(location):
    """Basic; an authenticated /v2/ is sent on to /v2/ok on this same server (`location(path)` spells it),
    which answers 200 only to a request that still carries the credentials."""
    def handler(conn, path, headers):
        if not headers.get("authorization"):
            return challenge(conn, 'Basic realm="hostile"')
        if path == "/v2/":
            return respond(conn, "302 Found", [("Location", location("/v2/ok"))])
        respond(conn, "200 OK", [("Content-Type", "application/json")], b"{}")
    return handler


def same_host_realm_redirect(conn, path, headers):
    """Bearer; the realm /token sends the token request on to /token2 on this same server, which issues the
    token only to a request that still carries the Basic credentials."""
    auth = headers.get("authorization", "")
    if path.startswith("/token2"):
        if auth.startswith("Basic "):
            return echo_token(conn, headers)
        return respond(conn, "401 Unauthorized", [("Content-Type", "text/plain")], b"credentials were dropped")
    if path.startswith("/token"):
        return respond(conn, "302 Found", [("Location", "/token2" + path[len("/token"):])])
    if auth == "Bearer " + TOKEN:
        return respond(conn, "200 OK", [("Content-Type", "application/json")], b"{}")
    challenge(conn, 'Bearer realm="%s",service="hostile"' % url("redirect-same-realm", "/token"))


def echo(conn, auth):
    # Reflects what it was sent into the error message, decoded, as a careless server might.
    import base64
    decoded = base64.b64decode(auth.split(" ", 1)[1]).decode("utf-8", "replace") if auth.startswith("Basic ") else auth
    message = "bad credentials %s (%s)" % (decoded, auth)
    respond(conn, "401 Unauthorized", [("Content-Type", "application/json")],
            json.dumps({"errors": [{"code": "UNAUTHORIZED", "message": message}]}).encode())


def echo_token(conn, headers):
    respond(conn, "200 OK", [("Content-Type", "application/json")], json.dumps({"token": TOKEN}).encode())


def bearer_echo(conn, path, headers):
    auth = headers.get("authorization", "")
    if path.startswith("/token"):
        return echo_token(conn, headers)
    if auth.startswith("Bearer "):
        return echo(conn, auth)
    challenge(conn, 'Bearer realm="%s",service="hostile"' % url("echo-token", "/token"))


def recorder(conn, path, headers):
    # The "other port" of the redirect cases: answers as a happy registry and token service would.
    if path.startswith("/token"):
        return echo_token(conn, headers)
    respond(conn, "200 OK", [("Content-Type", "application/json")], b"{}")


BEHAVIOURS = {
    "silent": (False, silent),
    "silent-tls": (False, silent),   # never starts the handshake the client (over https) waits for
    "close": (False, lambda conn, path, headers: None),
    "garbage": (False, lambda conn, path, headers: conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n\x00\xff\xfe garbage\r\n\r\n")),
    "drip": (False, drip),
    "huge-headers": (False, huge_headers),
    "huge-body-length": (False, huge_body(False)),
    "huge-body-chunked": (False, huge_body(True)),
    "challenge-unterminated": (False, fixed_challenge('Basic realm="unterminated')),
    "challenge-control-bytes": (False, fixed_challenge(b'Basic realm="a\x01b\x1b[31m"')),
    "challenge-10k-unterminated": (False, fixed_challenge('Bearer realm="https://x/' + "a" * 10240)),
    "challenge-10k-realm-host": (False, fixed_challenge('Bearer realm="https://' + "a" * 10240 + '/token"')),
    "challenge-10k-realm-text": (False, fixed_challenge('Bearer realm="' + "a" * 10240 + '"')),
    "challenge-10k-scheme": (False, fixed_challenge("X" * 10240)),
    "challenge-stray-commas": (False, fixed_challenge(",, ,\t,")),
    "challenge-stray-equals": (False, fixed_challenge('Basic realm="x", =oops')),
    "challenge-missing": (False, status("401 Unauthorized", b"no")),
    "challenge-bearer-no-realm": (False, fixed_challenge('Bearer service="registry.example"')),
    "challenge-200k": (False, fixed_challenge('Bearer realm="http://x/' + "a" * 204800 + '"')),
    "challenge-negotiate": (False, fixed_challenge("Negotiate")),
    "realm-file": (False, fixed_challenge('Bearer realm="file:///etc/passwd",service="x"')),
    "status-500": (False, status("500 Internal Server Error", b"boom")),
    "status-503-html": (False, status("503 Service Unavailable", b"<html><body>down</body></html>", "text/html")),
    "status-502-10k": (False, status("502 Bad Gateway", b"\x1b[2J\xc2\x9b31m" + b"e" * 10240)),
    "token-missing": (True, None),
    "token-not-json": (True, None),
    "token-huge": (True, None),
    "token-injection": (True, None),
    "token-500": (True, None),
    "token-silent": (True, None),
    "realm-http": (True, None),
    "redirect-basic": (False, basic_then(lambda conn, auth: redirect_to_recorder("/v2/")(conn))),
    "redirect-bearer": (False, None),
    "redirect-token": (False, None),
    "redirect-userinfo": (False, basic_then(lambda conn, auth: respond(
        conn, "307 Temporary Redirect", [("Location", url("recorder", "/v2/").replace("://", "://u@", 1))]))),
    "redirect-anonymous": (False, lambda conn, path, headers: respond(
        conn, "302 Found", [("Location", url("recorder", "/login"))])),
    "redirect-loop": (False, lambda conn, path, headers: respond(conn, "302 Found", [("Location", "/v2/?again")])),
    "redirect-file": (False, lambda conn, path, headers: respond(conn, "302 Found", [("Location", "file:///etc/passwd")])),
    "redirect-same-relative": (False, same_host_redirect(lambda path: path)),
    "redirect-same-absolute": (False, same_host_redirect(lambda path: url("redirect-same-absolute", path))),
    "redirect-same-realm": (False, same_host_realm_redirect),
    "echo-basic": (False, basic_then(echo)),
    "echo-token": (False, bearer_echo),
    "recorder": (False, recorder),
}
# Bearer behaviours name their own port in the realm, so they are built once the names are known.
BEARER_REPLIES = {
    "token-missing": token_json(b'{"expires_in":300,"issued_at":"2026-01-01T00:00:00Z"}'),
    "token-not-json": token_json(b"<html><body>Welcome</body></html>"),
    "token-huge": token_huge,
    "token-injection": token_json(b'{"token":"abc\\r\\nX-Injected: 1"}'),
    "token-500": lambda conn, headers: respond(conn, "500 Internal Server Error", [], b"token service down"),
    "token-silent": lambda conn, headers: wait_for_hangup(conn),
    "redirect-token": lambda conn, headers: redirect_to_recorder("/token")(conn),
}


def handler_for(name):
    tls, handler = BEHAVIOURS[name]
    if name == "realm-http":
        return lambda conn, path, headers: challenge(
            conn, 'Bearer realm="%s",service="hostile"' % url("recorder", "/token"))
    if name == "redirect-bearer":
        inner = bearer(name, echo_token)
        return lambda conn, path, headers: (redirect_to_recorder("/v2/")(conn)
                                            if headers.get("authorization", "").startswith("Bearer ")
                                            else inner(conn, path, headers))
    if name in BEARER_REPLIES:
        return bearer(name, BEARER_REPLIES[name], "https" if tls else "http")
    return handler


def make_certificate():
    cert, key = os.path.join(DIR, "ca.pem"), os.path.join(DIR, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


def serve(name, listener, tls_context):
    handler = handler_for(name)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=connection, args=(name, conn, handler, tls_context), daemon=True).start()


def connection(name, conn, handler, tls_context):
    try:
        if name.startswith("silent"):
            return handler(conn, "/", {})
        if tls_context:
            conn = tls_context.wrap_socket(conn, server_side=True)
        request = read_request(conn)
        if request is None:
            return
        path, headers = request
        log(name, path, headers.get("authorization"))
        handler(conn, path, headers)
    except (OSError, ssl.SSLError):
        pass  # the client hung up, as it should when a cap or timeout is hit
    finally:
        try:
            conn.close()
        except OSError:
            pass


def main():
    names = list(dict.fromkeys(NAMES + (["recorder"] if any(n.startswith(("redirect", "realm-http")) for n in NAMES) else [])))
    tls_context = make_certificate() if any(BEHAVIOURS[n][0] for n in names) else None
    listeners = {}
    for name in names:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        listeners[name] = listener
        ports[name] = listener.getsockname()[1]
    for name, listener in listeners.items():
        threading.Thread(target=serve, args=(name, listener, tls_context if BEHAVIOURS[name][0] else None),
                         daemon=True).start()
    with open(os.path.join(DIR, "ports.json.tmp"), "w") as f:
        json.dump(ports, f)
    os.rename(os.path.join(DIR, "ports.json.tmp"), os.path.join(DIR, "ports.json"))
    sys.stdin.buffer.read()  # returns at end of file: whoever started us is gone
    os._exit(0)


if __name__ == "__main__":
    main()
