#!/usr/bin/env python3
"""The AWS side of a native ECR login, on loopback, checking every signature with botocore's own SigV4 signer.

    aws_fixture.py DIR

Plays, on one plain-HTTP port of 127.0.0.1 (tests point AWS_ENDPOINT_URL_ECR, _ECR_PUBLIC, _STS,
AWS_CONTAINER_CREDENTIALS_FULL_URI and AWS_EC2_METADATA_SERVICE_ENDPOINT at it):
  ECR         POST / with X-Amz-Target AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken (JSON 1.1),
              signed for service ecr in config["region"]
  ECR Public  POST / with X-Amz-Target SpencerFrontendService.GetAuthorizationToken, signed for ecr-public in
              us-east-1
  STS         POST / form Action=AssumeRoleWithWebIdentity (unsigned), XML reply
  container   GET config["container"]["path"], Authorization checked
  IMDSv2      PUT /latest/api/token, GET /latest/meta-data/iam/security-credentials/[role]

DIR/config.json (written by the test; secrets never on a command line):
  {"region": "eu-west-1", "password": <ECR password handed out>, "expires_at": <epoch seconds>,
   "proxy_endpoint": "https://<account>.dkr.ecr.<region>.amazonaws.com",
   "keys": {<access key id>: {"secret": …, "token": <session token or null>, "expired": bool,
            "deny": bool, "throttle": bool}},
   "web_identity": {"token": …, "role_arn": …, "key": <access key id STS hands out>},
   "container": {"path": "/creds", "authorization": <expected header or null>, "key": …},
   "imds": {"role": …, "key": …, "token": <the IMDSv2 token to hand out, else a random one>,
            "v1_only": <true: the token PUT gets 403 and the GETs need no token>},
   "clock_offset": <seconds added to this server's clock>}
A signed request is checked the way AWS does: the key id must be known, botocore's SigV4Auth must compute the
same signature for the expected region and service over exactly the headers the client listed, the
X-Amz-Date must be within 5 minutes of this server's clock, and the session token must be the key's own.
Refusals are AWS's own codes (UnrecognizedClientException, InvalidSignatureException, ExpiredTokenException,
AccessDeniedException, ThrottlingException; STS: InvalidIdentityToken).

Every request is appended to DIR/requests.log as one JSON line: api, the access key id it was signed with
(never a secret), whether the signature was valid, the signed header names, and the status answered.
Writes DIR/port once it listens; exits when its stdin reaches end of file or on SIGTERM.
"""
import base64, calendar, hmac, json, os, re, secrets, sys, threading, time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

DIR = sys.argv[1]
with open(os.path.join(DIR, "config.json")) as f:
    CONFIG = json.load(f)
KEYS = CONFIG.get("keys", {})
CLOCK_OFFSET = CONFIG.get("clock_offset", 0)
log_lock = threading.Lock()
IMDS_TOKENS = set()

TARGETS = {
    "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken": ("ecr", "ecr", lambda: CONFIG.get("region", "us-east-1")),
    "SpencerFrontendService.GetAuthorizationToken": ("ecr-public", "ecr-public", lambda: "us-east-1"),
}
AUTHORIZATION = re.compile(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request, ?"
                           r"SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$")


class Refusal(Exception):
    def __init__(self, code, message, status=400):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def check_signature(handler, body, service, region, entry):
    """Returns the access key id of a validly signed request; raises Refusal as AWS would."""
    match = AUTHORIZATION.match(handler.headers.get("Authorization") or "")
    if not match:
        raise Refusal("MissingAuthenticationTokenException", "Missing Authentication Token")
    key_id, _, _, _, signed, signature = match.groups()
    entry["key"], entry["signed_headers"] = key_id, signed
    key = KEYS.get(key_id)
    if key is None:
        raise Refusal("UnrecognizedClientException", "The security token included in the request is invalid.")
    amz_date = handler.headers.get("X-Amz-Date") or ""
    try:
        stamp = calendar.timegm(time.strptime(amz_date, "%Y%m%dT%H%M%SZ"))
    except ValueError:
        raise Refusal("IncompleteSignatureException", "X-Amz-Date is missing or malformed.")
    now = time.time() + CLOCK_OFFSET
    if abs(now - stamp) > 300:
        raise Refusal("InvalidSignatureException",
                      "Signature expired: %s is now earlier than %s (%s - 5 min.)" % (
                          amz_date, time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now - 300)),
                          time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(now))), 403)
    names = signed.split(";")
    for required in ("host", "x-amz-date", "x-amz-target", "content-type"):
        if required not in names:
            raise Refusal("InvalidSignatureException", "%s is not signed." % required)
    headers = {}
    for name in names:
        value = handler.headers.get(name)
        if value is None:
            raise Refusal("InvalidSignatureException", "The signed header %s was not sent." % name)
        headers[name] = value
    token = handler.headers.get("X-Amz-Security-Token")
    if token is not None and "x-amz-security-token" not in names:
        raise Refusal("InvalidSignatureException", "x-amz-security-token is sent but not signed.")
    request = AWSRequest(method=handler.command, url="http://%s%s" % (handler.headers["Host"], handler.path),
                         data=body, headers=headers)
    request.context["timestamp"] = amz_date
    signer = SigV4Auth(Credentials(key_id, key["secret"], token), service, region)
    expected = signer.signature(signer.string_to_sign(request, signer.canonical_request(request)), request)
    if not hmac.compare_digest(expected, signature):
        entry["signature"] = "invalid"
        raise Refusal("InvalidSignatureException",
                      "The request signature we calculated does not match the signature you provided. Check your AWS "
                      "Secret Access Key and signing method. Consult the service documentation for details.\n\n"
                      "The Canonical String for this request should have been\n'%s'" % signer.canonical_request(request))
    entry["signature"] = "valid"
    if (key.get("token") or None) != token:
        raise Refusal("UnrecognizedClientException", "The security token included in the request is invalid.")
    if key.get("expired"):
        raise Refusal("ExpiredTokenException", "The security token included in the request is expired")
    if key.get("throttle"):
        raise Refusal("ThrottlingException", "Rate exceeded")
    if key.get("deny"):
        action = "ecr-public:GetAuthorizationToken" if service == "ecr-public" else "ecr:GetAuthorizationToken"
        raise Refusal("AccessDeniedException",
                      "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: %s on resource: * because "
                      "no identity-based policy allows the %s action" % (action, action))
    return key_id


def authorization(api):
    token = base64.b64encode(("AWS:" + CONFIG["password"]).encode()).decode()
    data = {"authorizationToken": token, "expiresAt": CONFIG.get("expires_at", time.time() + 43200)}
    if api == "ecr":
        data["proxyEndpoint"] = CONFIG.get("proxy_endpoint", "")
        return {"authorizationData": [data]}
    return {"authorizationData": data}


def sts(form, entry):
    web = CONFIG.get("web_identity") or {}
    first = lambda name: (form.get(name) or [None])[0]
    entry["role_arn"] = first("RoleArn")
    entry["session_name"] = first("RoleSessionName")
    if first("Action") != "AssumeRoleWithWebIdentity" or first("Version") != "2011-06-15" or not first("RoleSessionName"):
        raise Refusal("InvalidAction", "Could not find operation %s for version %s" % (first("Action"), first("Version")))
    if first("WebIdentityToken") != web.get("token"):
        raise Refusal("InvalidIdentityToken", "Couldn't retrieve verification key from your identity provider")
    if first("RoleArn") != web.get("role_arn"):
        raise Refusal("AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity", 403)
    key_id = web["key"]
    key = KEYS[key_id]
    return ("<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
            "<AssumeRoleWithWebIdentityResult><SubjectFromWebIdentityToken>ci</SubjectFromWebIdentityToken>"
            "<Credentials><SessionToken>%s</SessionToken><SecretAccessKey>%s</SecretAccessKey>"
            "<Expiration>2099-01-01T00:00:00Z</Expiration><AccessKeyId>%s</AccessKeyId></Credentials>"
            "</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>fixture</RequestId></ResponseMetadata>"
            "</AssumeRoleWithWebIdentityResponse>" % (key.get("token") or "", key["secret"], key_id))


def credentials_json(key_id, extra=None):
    key = KEYS[key_id]
    value = {"AccessKeyId": key_id, "SecretAccessKey": key["secret"], "Token": key.get("token") or "",
             "Expiration": "2099-01-01T00:00:00Z"}
    value.update(extra or {})
    return value


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def date_time_string(self, timestamp=None):
        return formatdate((timestamp or time.time()) + CLOCK_OFFSET, usegmt=True)

    def handle_one(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        entry = {"method": self.command, "path": self.path, "key": None, "signature": None}
        target = self.headers.get("X-Amz-Target")
        try:
            if self.command == "POST" and target in TARGETS:
                api, service, region = TARGETS[target]
                entry["api"] = api
                check_signature(self, body, service, region(), entry)
                return self.reply(entry, 200, "application/x-amz-json-1.1", json.dumps(authorization(api)))
            if self.command == "POST" and self.path == "/" and b"Action=" in body:
                entry["api"] = "sts"
                if self.headers.get("Authorization"):
                    raise Refusal("InvalidRequest", "AssumeRoleWithWebIdentity is not signed.")
                return self.reply(entry, 200, "text/xml", sts(parse_qs(body.decode()), entry))
            container = CONFIG.get("container") or {}
            if self.command == "GET" and container and self.path == container.get("path"):
                entry["api"] = "container"
                if container.get("authorization") and self.headers.get("Authorization") != container["authorization"]:
                    return self.reply(entry, 401, "application/json", json.dumps({"message": "invalid token"}))
                return self.reply(entry, 200, "application/json", json.dumps(credentials_json(container["key"])))
            if self.path.startswith("/latest/"):
                return self.imds(entry)
            entry["api"] = "unknown"
            raise Refusal("UnknownOperationException", "Unknown operation", 400)
        except Refusal as refusal:
            entry["error"] = refusal.code
            if entry.get("api") == "sts":
                xml = ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                       "<Code>%s</Code><Message>%s</Message></Error><RequestId>fixture</RequestId></ErrorResponse>"
                       % (refusal.code, refusal.message))
                return self.reply(entry, refusal.status, "text/xml", xml)
            return self.reply(entry, refusal.status, "application/x-amz-json-1.1",
                              json.dumps({"__type": "com.amazonaws.ecr#" + refusal.code, "message": refusal.message}))

    def imds(self, entry):
        imds = CONFIG.get("imds") or {}
        if self.command == "PUT" and self.path == "/latest/api/token":
            entry["api"] = "imds-token"
            if not self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"):
                return self.reply(entry, 400, "text/plain", "Missing TTL")
            if imds.get("v1_only"):
                return self.reply(entry, 403, "text/plain", "Forbidden")
            token = imds.get("token") or secrets.token_hex(16)
            IMDS_TOKENS.add(token)
            return self.reply(entry, 200, "text/plain", token)
        entry["api"] = "imds-role" if self.path.endswith("/security-credentials/") else "imds-credentials"
        if not imds.get("v1_only") and self.headers.get("X-aws-ec2-metadata-token") not in IMDS_TOKENS:
            return self.reply(entry, 401, "text/plain", "Unauthorized")
        prefix = "/latest/meta-data/iam/security-credentials/"
        if not imds or not self.path.startswith(prefix):
            return self.reply(entry, 404, "text/plain", "Not Found")
        role = self.path[len(prefix):]
        if role == "":
            return self.reply(entry, 200, "text/plain", imds["role"])
        if role != imds["role"]:
            return self.reply(entry, 404, "text/plain", "Not Found")
        value = credentials_json(imds["key"], {"Code": "Success", "Type": "AWS-HMAC",
                                               "LastUpdated": "2025-01-01T00:00:00Z"})
        return self.reply(entry, 200, "text/plain", json.dumps(value))

    def reply(self, entry, status, content_type, text):
        entry["status"] = status
        with log_lock, open(os.path.join(DIR, "requests.log"), "a") as f:
            f.write(json.dumps(entry) + "\n")
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "fixture")
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = handle_one

    def log_message(self, *args):
        pass


class Server(ThreadingMixIn, HTTPServer):
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with open(os.path.join(DIR, "port.tmp"), "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(os.path.join(DIR, "port.tmp"), os.path.join(DIR, "port"))
    sys.stdin.buffer.read()  # returns at end of file: whoever started us is gone
    os._exit(0)


if __name__ == "__main__":
    main()
