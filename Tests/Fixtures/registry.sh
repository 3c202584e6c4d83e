#!/usr/bin/env bash
# Starts or stops a throwaway docker-registry over TLS on 127.0.0.1, for tests, the demo and the benchmark.
#
#   registry.sh start DIR basic|token|token-front|none USER PASSWORD_FILE    → DIR/port, DIR/ca.pem, DIR/pids
#   registry.sh stop DIR
#
# Certificates are made per run with openssl (a CA, and a server certificate for 127.0.0.1 and localhost).
# basic: htpasswd (bcrypt). token: `auth: token` plus Tests/Fixtures/token_server.py on its own port, which
# signs RS256 JWTs whose x5c certificate is the registry's rootcertbundle. token-front: the token service
# serves TLS on DIR/port itself and forwards /v2/ to the registry on a plain backend port, so the realm is on
# the registry's own host and port. REGISTRY_REALM, when set, is the realm a token registry announces instead
# (the benchmark points it at a delaying proxy). The password is read from a file, never from the command line.
#
# Environment: REGISTRY_TLS=tls (default) | mtls (client certificates required: DIR/client.pem, client-key.pem)
# | none (plain HTTP); REGISTRY_HOST (listen address, default 127.0.0.1); REGISTRY_CERT_SAN (the server
# certificate's subjectAltName, default IP:127.0.0.1,DNS:localhost); REGISTRY_LIFETIME (seconds each server
# may live at most, default 3600); REGISTRY_BINARY (default docker-registry; tests use /bin/false to make a
# start fail on purpose).
#
# Nothing outlives a failure: each server runs under `timeout` (its lifetime limit) as the leader of its own
# process group, whose id goes to DIR/pids; `stop` and any failed `start` (an EXIT trap) kill those groups.
set -euo pipefail
tls=${REGISTRY_TLS:-tls}
host=${REGISTRY_HOST:-127.0.0.1}
san=${REGISTRY_CERT_SAN:-IP:127.0.0.1,DNS:localhost}
lifetime=${REGISTRY_LIFETIME:-3600}
registry_binary=${REGISTRY_BINARY:-docker-registry}
here=$(cd "$(dirname "$0")" && pwd)
command=$1 dir=$2

# Starts "$@" in the background under a lifetime limit; `timeout` makes itself a process-group leader, so
# its pid is the group to kill. The pid is recorded before anything else can fail.
launch() {  # LOG COMMAND...
    local log=$1; shift
    timeout -k 5 "$lifetime" "$@" > "$log" 2>&1 &
    echo $! >> "$dir/pids"
    last_pid=$!
}

free_port() {
    python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "$host"
}

wait_for() {  # URL PID: wait until something answers with an HTTP status, while PID still runs
    command -v curl > /dev/null || { echo "registry.sh: curl is needed to check that the registry answers" >&2; return 1; }
    for _ in $(seq 1 100); do
        kill -0 "$2" 2>/dev/null || { echo "registry.sh: the server for $1 exited" >&2; cat "$dir"/*.log >&2 || true; return 1; }
        code=$(curl -sk -o /dev/null -w '%{http_code}' "${client_cert[@]}" "$1" || true)
        [[ "$code" =~ ^[1-5][0-9][0-9]$ ]] && return 0
        sleep 0.1
    done
    echo "registry.sh: nothing answered at $1" >&2
    cat "$dir"/*.log >&2 || true
    return 1
}

make_certificates() {
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=policy test CA" \
        -keyout "$dir/ca-key.pem" -out "$dir/ca.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
        -keyout "$dir/server-key.pem" -out "$dir/server.csr" 2>/dev/null
    printf 'subjectAltName=%s\nextendedKeyUsage=serverAuth\n' "$san" > "$dir/server.ext"
    openssl x509 -req -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" -CAcreateserial \
        -days 2 -extfile "$dir/server.ext" -out "$dir/server.pem" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=policy test client" \
        -keyout "$dir/client-key.pem" -out "$dir/client.csr" 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > "$dir/client.ext"
    openssl x509 -req -in "$dir/client.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca-key.pem" -CAcreateserial \
        -days 2 -extfile "$dir/client.ext" -out "$dir/client.pem" 2>/dev/null
}

client_cert=()

start() {
    local mode=$1 user=$2 password_file=$3
    mkdir -p "$dir/storage"
    [ -f "$dir/ca.pem" ] || make_certificates
    local port; port=$(free_port)
    local auth=""
    if [ "$mode" = none ]; then
        :  # anonymous access: no auth section
    elif [ "$mode" = basic ]; then
        htpasswd -iBc "$dir/htpasswd" "$user" < "$password_file" 2>/dev/null
        auth="auth:
  htpasswd:
    realm: policy-test
    path: $dir/htpasswd"
    else
        local token_port; token_port=$(free_port)
        local backend=()
        if [ "$mode" = token-front ]; then
            backend=("http://127.0.0.1:$port")
            tls=none
            token_port_public=$token_port
        fi
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=policy token signer" \
            -keyout "$dir/signer-key.pem" -out "$dir/signer.pem" 2>/dev/null
        openssl x509 -in "$dir/signer.pem" -outform DER -out "$dir/signer.der"
        python3 -c 'import json,sys; print(json.dumps({sys.argv[1]: open(sys.argv[2]).read().rstrip("\r\n")}))' \
            "$user" "$password_file" > "$dir/users.json"
        launch "$dir/token.log" python3 "$here/token_server.py" "$token_port" "$dir/server.pem" "$dir/server-key.pem" \
            "$dir/signer-key.pem" "$dir/signer.der" "$dir/users.json" policy-test-issuer "$dir/token-requests.log" \
            "${backend[@]}"
        echo "$token_port" > "$dir/token-port"
        # Up before the registry starts: a registry that fails then always leaves a running server to clean up.
        wait_for "https://127.0.0.1:$token_port/token" "$last_pid"
        auth="auth:
  token:
    realm: ${REGISTRY_REALM:-https://127.0.0.1:$token_port/token}
    service: policy-test-registry
    issuer: policy-test-issuer
    rootcertbundle: $dir/signer.pem"
    fi
    local tls_section="" scheme=https
    case "$tls" in
        tls) tls_section="  tls:
    certificate: $dir/server.pem
    key: $dir/server-key.pem" ;;
        mtls) tls_section="  tls:
    certificate: $dir/server.pem
    key: $dir/server-key.pem
    clientcas:
      - $dir/ca.pem"
              client_cert=(--cert "$dir/client.pem" --key "$dir/client-key.pem") ;;
        none) scheme=http ;;
    esac
    cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
http:
  addr: $host:$port
$tls_section
$auth
YAML
    launch "$dir/registry.log" "$registry_binary" serve "$dir/config.yml"
    local registry_pid=$last_pid
    echo "$host" > "$dir/host"
    wait_for "$scheme://$host:$port/v2/" "$registry_pid"
    if [ "$mode" = token-front ]; then port=$token_port_public; fi
    echo "$port" > "$dir/port"
}

stop() {
    [ -f "$dir/pids" ] || return 0
    local pid
    while read -r pid; do kill -TERM -- "-$pid" 2>/dev/null || true; done < "$dir/pids"
    sleep 0.2
    while read -r pid; do kill -KILL -- "-$pid" 2>/dev/null || true; done < "$dir/pids"
    rm -f "$dir/pids"
}

case "$command" in
    start)
        # Whatever fails from here on (set -e, a failed readiness check, a signal), no server stays behind.
        trap 'status=$?; [ "$status" -eq 0 ] || stop; exit "$status"' EXIT
        trap 'exit 143' TERM INT HUP
        start "$3" "$4" "$5" ;;
    stop) stop ;;
    *) echo "usage: registry.sh start DIR basic|token|token-front|none USER PASSWORD_FILE | stop DIR" >&2; exit 2 ;;
esac
