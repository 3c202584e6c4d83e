#!/usr/bin/env bash
# make bench: times `policy login` against its peers on local TLS registries (Basic, token auth with the token
# service on its own port, token auth with it on the registry's own host and port), once over loopback and
# once over a BENCH_RTT_MS (default 50) round trip, counts the connections each login opens, and writes
# bench/results.md and the README's copy of it. The numbers are ratios to read, not assertions; but a
# benchmark that did not run is an error: a registry or proxy that does not start, a login that fails, or a
# timing run that fails exits non-zero and leaves README.md and bench/results.md as they were.
#
# Peers: docker login (client side, if the docker CLI is installed), skopeo login (if installed), and bare
# curl issuing the same requests (the floor for any libcurl program). policy runs twice: the dynamic build
# (policy, make release) and the static one (policy-static, make static: libcurl, OpenSSL, glibc inside);
# the table gives both sizes — the stripped static binary and the release tarball (make dist). Secrets travel through files and stdin
# only. Each row: median wall time from hyperfine, median peak RSS from /usr/bin/time over separate runs,
# connections accepted by the delaying proxy during one login, and the size of the tool's executable.
#
# The round trip comes from scripts/delay_proxy.py (these kernels have no netem), one per port a login talks
# to; a token registry's realm is pointed at the proxy in front of its token service, so every request of a
# login crosses the delay. Each proxy runs in its own process group with a lifetime limit.
#
# The ecr flow (issue 20) times the native `policy login -s <ECR host>` (GetAuthorizationToken signed by
# libcurl) against the seed's `aws ecr get-login-password | policy login … --password-stdin` (the AWS CLI
# from PyPI, installed with pip when missing), both against the same fixtures on loopback: named_registry.py
# as ECR under its real name (resolved in a private mount namespace, as the tests do; needs root) and
# aws_fixture.py (every signature checked with botocore), reached through AWS_ENDPOINT_URL_ECR. Both read the
# AWS keys from one shared credentials file; instance metadata is disabled.
#
# Environment: BENCH_RUNS (timed runs per tool, default 40), BENCH_RTT_RUNS (the same over the delayed path,
# default BENCH_RUNS), BENCH_RSS_RUNS (default 15), BENCH_RTT_MS (default 50), BENCH_POLICY (the binary,
# default .build/release/policy), BENCH_STATIC (the static binary, default .build-static/release/policy),
# BENCH_TARBALL (default the dist/policy-*-linux-*.tar.gz that make dist wrote), BENCH_PROXY_LIFETIME (seconds, default 3600), BENCH_FLOWS (the flows to run,
# default "basic token token-front ecr"; any other selection prints its tables and leaves README.md and
# bench/results.md as they were, which record full runs only).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${BENCH_RUNS:-40}
rtt_runs=${BENCH_RTT_RUNS:-$runs}
rss_runs=${BENCH_RSS_RUNS:-15}
rtt_ms=${BENCH_RTT_MS:-50}
proxy_lifetime=${BENCH_PROXY_LIFETIME:-3600}
policy=${BENCH_POLICY:-$root/.build/release/policy}
static_policy=${BENCH_STATIC:-$root/.build-static/release/policy}
tarball=${BENCH_TARBALL:-$(find "$root/dist" -maxdepth 1 -name 'policy-*-linux-*.tar.gz' 2>/dev/null | sed -n 1p)}
results="$root/bench/results.md"
readme="$root/README.md"
registry="$root/Tests/Fixtures/registry.sh"
all_flows="basic token token-front ecr"
certs_dir=/etc/docker/certs.d

die() { echo "bench: $*" >&2; exit 1; }

read -r -a selected <<< "${BENCH_FLOWS:-$all_flows}"
modes=()
run_ecr=false
for flow in "${selected[@]}"; do
    case "$flow" in
        basic|token|token-front) modes+=("$flow") ;;
        ecr) run_ecr=true ;;
        *) die "unknown flow '$flow' in BENCH_FLOWS (known: $all_flows)" ;;
    esac
done
full_run=false
[ "${selected[*]}" = "$all_flows" ] && full_run=true

work=$(mktemp -d)
registries=()   # directories given to registry.sh start
proxies=()      # process-group ids of the delay proxies
created=()      # paths under /etc/docker this run made, in the order it made them
cleanup() {
    local status=$?
    if [ -n "${timing:-}" ]; then kill "$timing" 2>/dev/null || true; fi
    for pgid in "${proxies[@]}"; do kill -TERM -- "-$pgid" 2>/dev/null || true; done
    for dir in "${registries[@]}"; do "$registry" stop "$dir" 2>/dev/null || true; done
    for ((i = ${#created[@]} - 1; i >= 0; i--)); do
        rm -f "${created[$i]}/ca.crt"
        rmdir "${created[$i]}" 2>/dev/null || echo "bench: left ${created[$i]} in place: it is not empty" >&2
    done
    rm -f "$results.tmp.$$" "$readme.tmp.$$"
    rm -rf "$work"
    if [ "$status" -ne 0 ]; then
        echo "bench: FAILED (exit $status); README.md and bench/results.md are unchanged" >&2
    fi
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

[ -x "$policy" ] || die "no policy binary at $policy (make release builds it)"
[ -x "$static_policy" ] || die "no static policy binary at $static_policy (make static builds it)"
[ -f "$tarball" ] || die "no release tarball in dist/ (make dist writes it)"
for tool in hyperfine curl python3 openssl docker-registry htpasswd setsid /usr/bin/time; do
    command -v "$tool" >/dev/null || die "$tool is missing (make deps installs it)"
done
! $full_run || { grep -q '<!-- bench:start -->' "$readme" && grep -q '<!-- bench:end -->' "$readme"; } \
    || die "README.md has no <!-- bench:start --> … <!-- bench:end --> markers to put the table between"

printf 'bench-password\n' > "$work/password"
load_at_start=$(cut -d' ' -f1 /proc/loadavg)

start_registry() {  # DIR MODE [REALM]
    registries+=("$1")
    REGISTRY_REALM=${3:-} "$registry" start "$1" "$2" bench "$work/password" > "$1.log" 2>&1 \
        || { cat "$1.log" >&2; die "the $2 registry in $1 did not start"; }
}

start_proxy() {  # DIR → a delaying proxy, its port in DIR/port; it forwards to what DIR/target names
    mkdir -p "$1"
    setsid python3 "$root/scripts/delay_proxy.py" "$1" "$rtt_ms" "$proxy_lifetime" 2> "$1/log" &
    proxies+=("$!")
    for _ in $(seq 100); do
        [ -s "$1/port" ] && return 0
        kill -0 "$!" 2>/dev/null || break
        sleep 0.1
    done
    cat "$1/log" >&2
    die "the delay proxy in $1 did not start"
}

# Loopback flows: one registry per mode, reached directly. Delayed flows ("<mode>@rtt"): a proxy in front of
# every port the login talks to; the token registries announce the proxied realm, so they are their own.
declare -A server ca proxied
for mode in "${modes[@]}"; do
    start_registry "$work/$mode" "$mode"
    server[$mode]="127.0.0.1:$(cat "$work/$mode/port")"
    ca[$mode]="$work/$mode/ca.pem"
    flow="$mode@rtt"
    start_proxy "$work/proxy-$mode"
    front="127.0.0.1:$(cat "$work/proxy-$mode/port")"
    case "$mode" in
        basic)
            echo "${server[basic]}" > "$work/proxy-$mode/target"
            ca[$flow]=${ca[basic]}
            proxied[$flow]="$work/proxy-$mode" ;;
        token)
            start_proxy "$work/proxy-$mode-realm"
            realm_front="127.0.0.1:$(cat "$work/proxy-$mode-realm/port")"
            start_registry "$work/$flow" token "https://$realm_front/token"
            echo "127.0.0.1:$(cat "$work/$flow/port")" > "$work/proxy-$mode/target"
            echo "127.0.0.1:$(cat "$work/$flow/token-port")" > "$work/proxy-$mode-realm/target"
            ca[$flow]="$work/$flow/ca.pem"
            proxied[$flow]="$work/proxy-$mode $work/proxy-$mode-realm" ;;
        token-front)
            start_registry "$work/$flow" token-front "https://$front/token"
            echo "127.0.0.1:$(cat "$work/$flow/port")" > "$work/proxy-$mode/target"
            ca[$flow]="$work/$flow/ca.pem"
            proxied[$flow]="$work/proxy-$mode" ;;
    esac
    server[$flow]=$front
done
flows=()
for mode in "${modes[@]}"; do flows+=("$mode" "$mode@rtt"); done

# docker login verifies against /etc/docker/certs.d/<host:port>/ca.crt. Only entries this run makes are
# removed again: an existing entry for one of our ports stops the run rather than being overwritten.
# A PATH without credential helpers keeps docker on its file store so every tool does the same work.
mkdir -p "$work/bin"
have_docker=false
make_dir() {  # DIR: mkdir, recorded for cleanup when it did not exist
    [ -d "$1" ] && return 0
    mkdir "$1" 2>/dev/null || return 1
    created+=("$1")
}
if ! command -v docker >/dev/null; then
    echo "bench: no docker CLI; leaving docker out" >&2
elif make_dir /etc/docker && make_dir "$certs_dir" && [ -w "$certs_dir" ]; then
    have_docker=true
    docker_bin=$(readlink -f "$(command -v docker)")
    ln -s "$docker_bin" "$work/bin/docker"
    for flow in "${flows[@]}"; do
        entry="$certs_dir/${server[$flow]}"
        [ -e "$entry" ] && die "$entry already exists and is not this run's; remove it or run again"
        make_dir "$entry" && cp "${ca[$flow]}" "$entry/ca.crt"
    done
else
    echo "bench: docker is installed but $certs_dir is not writable; leaving docker out" >&2
fi
# skopeo reads a directory of *.crt files.
have_skopeo=false
if command -v skopeo >/dev/null; then
    have_skopeo=true
    ln -s "$(command -v skopeo)" "$work/bin/skopeo"
    for flow in "${flows[@]}"; do mkdir -p "$work/certs-${flow//@/-}" && cp "${ca[$flow]}" "$work/certs-${flow//@/-}/ca.crt"; done
fi

# curl's requests, from config files (no secret in argv): probe; then credentials; for token auth the token
# request at the realm the registry's challenge names, and a Bearer probe with a token fetched beforehand
# (same bytes on the wire).
curl_config() {
    local flow=$1 url="https://${server[$1]}/v2/"
    local challenge
    challenge=$(curl -s --cacert "${ca[$flow]}" -o /dev/null -D - "$url" | tr -d '\r' \
        | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: //p')
    [ -n "$challenge" ] || die "no challenge from $url"
    {
        echo "silent"; echo "cacert = \"${ca[$flow]}\""; echo "output = /dev/null"; echo "url = \"$url\""
        echo "next"; echo "fail"; echo "cacert = \"${ca[$flow]}\""; echo "output = /dev/null"
        echo "user = \"bench:bench-password\""
        if [[ $challenge == Basic* ]]; then
            echo "url = \"$url\""
        else
            local realm token
            realm=$(python3 -c '
import re, sys
params = dict(re.findall(r"(\w+)=\"([^\"]*)\"", sys.argv[1]))
print(params["realm"] + "?service=" + params["service"])' "$challenge")
            token=$(curl -sf --cacert "${ca[$flow]}" -K <(echo "user = \"bench:bench-password\"") "$realm" \
                | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') \
                || die "no token from $realm"
            echo "url = \"$realm\""
            echo "next"; echo "fail"; echo "cacert = \"${ca[$flow]}\""; echo "output = /dev/null"
            echo "header = \"Authorization: Bearer $token\""; echo "url = \"$url\""
        fi
    } > "$work/curl-$flow.cfg"
}

commands() {  # flow → lines "name<TAB>command"
    local flow=$1 s=${server[$1]} c=${ca[$1]} tag=${1//@/-}
    printf 'policy\t%s\n' "$policy login -s $s -u bench --password-stdin --ca-file $c -c $work/policy-$tag < $work/password"
    printf 'policy-static\t%s\n' "$static_policy login -s $s -u bench --password-stdin --ca-file $c -c $work/static-$tag < $work/password"
    printf 'curl\t%s\n' "curl --fail-early -K $work/curl-$flow.cfg"
    $have_docker && printf 'docker\t%s\n' "PATH=$work/bin DOCKER_CONFIG=$work/docker-$tag docker login $s -u bench --password-stdin < $work/password"
    $have_skopeo && printf 'skopeo\t%s\n' "PATH=$work/bin skopeo login --authfile $work/skopeo-$tag.json --cert-dir $work/certs-$tag $s -u bench --password-stdin < $work/password"
    return 0
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

peak_rss_kib() {  # command → median peak RSS in KiB
    : > "$work/rss-all"
    for _ in $(seq "$rss_runs"); do
        /usr/bin/time -f '%M' -o "$work/rss" bash -c "$1" >/dev/null 2>&1 || die "failed under /usr/bin/time: $1"
        tail -1 "$work/rss" >> "$work/rss-all"
    done
    median < "$work/rss-all"
}

connections() {  # flow command → connections the proxies of flow accepted during one run of command
    local before=0 after=0 dir
    for dir in ${proxied[$1]}; do before=$((before + $(cat "$dir/connections" 2>/dev/null | wc -l))); done
    bash -c "$2" >/dev/null 2>&1 || die "failed while counting connections: $2"
    sleep 0.2   # let the proxies log any connection still in their accept queue
    for dir in ${proxied[$1]}; do after=$((after + $(cat "$dir/connections" 2>/dev/null | wc -l))); done
    echo $((after - before))
}

declare -A ms rss conns tools
for flow in "${flows[@]}"; do
    curl_config "$flow"
    names=() cmds=()
    while IFS=$'\t' read -r name cmd; do names+=("$name"); cmds+=("$cmd"); done < <(commands "$flow")
    tools[$flow]="${names[*]}"
    for i in "${!cmds[@]}"; do
        bash -c "${cmds[$i]}" > "$work/once.log" 2>&1 \
            || { cat "$work/once.log" >&2; die "${names[$i]} failed on $flow: ${cmds[$i]}"; }
    done
    if [[ $flow == *@rtt ]]; then n=$rtt_runs warmup=2; else n=$runs warmup=5; fi
    args=()
    for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
    echo "bench: timing $flow (${names[*]}; $n runs each)" >&2
    # In the background, so that a signal to this script runs the cleanup at once (a trap waits for a
    # foreground command) and the cleanup stops hyperfine.
    hyperfine --style none --warmup "$warmup" --runs "$n" --export-json "$work/$flow.json" "${args[@]}" \
        > "$work/hyperfine.log" 2>&1 &
    timing=$!
    wait "$timing" || { cat "$work/hyperfine.log" >&2; die "hyperfine failed on $flow"; }
    timing=""
    while read -r name value; do ms[$flow.$name]=$value; done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], r["median"] * 1000)' "$work/$flow.json")
    for i in "${!names[@]}"; do
        [ -n "${ms[$flow.${names[$i]}]:-}" ] || die "hyperfine reported no time for ${names[$i]} on $flow"
        if [[ $flow == *@rtt ]]; then
            counts=$(for _ in 1 2 3; do connections "$flow" "${cmds[$i]}"; done | sort -n | uniq | paste -sd/)
            conns[${flow%@rtt}.${names[$i]}]=$counts
        else
            rss[$flow.${names[$i]}]=$(peak_rss_kib "${cmds[$i]}")
        fi
    done
done

# ECR without the AWS CLI: the native login against the seed's pipe, on the same fixtures (see the header).
declare -A ecr_ms ecr_rss
if $run_ecr; then
    [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null \
        || die "the ecr flow needs root and unshare (the registry's real name resolves in a private mount namespace)"
    /usr/bin/python3 -c 'import botocore' 2>/dev/null || die "the ecr flow needs python3-botocore (make deps)"
    if ! command -v aws >/dev/null; then
        echo "bench: installing the AWS CLI from PyPI (pip install awscli)" >&2
        python3 -m pip install --quiet awscli >&2 || die "the AWS CLI is missing and 'pip install awscli' failed"
    fi
    ecr_name=123456789012.dkr.ecr.eu-west-1.amazonaws.com
    mkdir -p "$work/ecr-registry" "$work/ecr-aws"
    # The password has ECR's own form (policy shows its expiry); keys and password only ever in files.
    python3 - "$work" "$ecr_name" <<'PY'
import base64, json, os, sys, time
work, name = sys.argv[1:3]
expires = int(time.time()) + 43200
password = base64.b64encode(json.dumps({"payload": "bench", "datakey": "bench", "version": "2", "type": "DATA_KEY",
                                        "expiration": expires}).encode()).decode()
json.dump({"password": password}, open(os.path.join(work, "ecr-registry", "credentials.json"), "w"))
json.dump({"region": "eu-west-1", "password": password, "expires_at": expires, "proxy_endpoint": "https://" + name,
           "keys": {"AKIABENCHMARK0000001": {"secret": "bench-secret-key"}}},
          open(os.path.join(work, "ecr-aws", "config.json"), "w"))
open(os.path.join(work, "aws-credentials"), "w").write(
    "[default]\naws_access_key_id = AKIABENCHMARK0000001\naws_secret_access_key = bench-secret-key\n")
open(os.path.join(work, "aws-config"), "w").write("")
PY
    start_fixture() {  # DIR PYTHON SCRIPT ARGS…: in its own process group, ended when its stdin (a sleep) ends
        local dir=$1
        shift
        setsid bash -c 'sleep "$0" | exec "$@"' "$proxy_lifetime" "$@" > "$dir/fixture.log" 2>&1 &
        proxies+=("$!")
    }
    start_fixture "$work/ecr-registry" python3 "$root/Tests/Fixtures/named_registry.py" "$work/ecr-registry" ecr "$ecr_name"
    start_fixture "$work/ecr-aws" /usr/bin/python3 "$root/Tests/Fixtures/aws_fixture.py" "$work/ecr-aws"
    for _ in $(seq 200); do
        [ -s "$work/ecr-registry/address" ] && [ -s "$work/ecr-aws/port" ] && break
        sleep 0.1
    done
    [ -s "$work/ecr-registry/address" ] || { cat "$work/ecr-registry/fixture.log" >&2; die "named_registry.py did not start"; }
    [ -s "$work/ecr-aws/port" ] || { cat "$work/ecr-aws/fixture.log" >&2; die "aws_fixture.py did not start"; }
    printf '127.0.0.1 localhost\n%s %s\n' "$(cat "$work/ecr-registry/address")" "$ecr_name" > "$work/ecr-hosts"
    # Both commands run in the same kind of private mount namespace, so the wrapper costs them the same.
    for variant in native piped; do
        {
            echo "export AWS_SHARED_CREDENTIALS_FILE=$work/aws-credentials AWS_CONFIG_FILE=$work/aws-config"
            echo "export AWS_ENDPOINT_URL_ECR=http://127.0.0.1:$(cat "$work/ecr-aws/port") AWS_EC2_METADATA_DISABLED=true"
            echo "unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE AWS_ENDPOINT_URL"
            if [ "$variant" = native ]; then
                echo "exec unshare -m --propagation private sh -c 'mount --bind \"\$0\" /etc/hosts && exec \"\$@\"' $work/ecr-hosts" \
                     "$policy login -s $ecr_name --ca-file $work/ecr-registry/ca.pem -c $work/policy-ecr-native"
            else
                echo "exec unshare -m --propagation private sh -c 'mount --bind \"\$0\" /etc/hosts && aws ecr get-login-password --region eu-west-1 | \"\$@\"' $work/ecr-hosts" \
                     "$policy login -s $ecr_name -u AWS --password-stdin --ca-file $work/ecr-registry/ca.pem -c $work/policy-ecr-piped"
            fi
        } > "$work/ecr-$variant.sh"
        bash "$work/ecr-$variant.sh" > "$work/once.log" 2>&1 || { cat "$work/once.log" >&2; die "the $variant ECR login failed"; }
        grep -q "Login Succeeded" "$work/once.log" || { cat "$work/once.log" >&2; die "the $variant ECR login did not succeed"; }
    done
    python3 - "$work/ecr-aws/requests.log" <<'PY' || die "aws_fixture.py did not verify every GetAuthorizationToken signature"
import json, sys
calls = [json.loads(line) for line in open(sys.argv[1])]
sys.exit(0 if calls and all(c.get("signature") == "valid" and c.get("status") == 200 for c in calls) else 1)
PY
    echo "bench: timing ecr (native, piped; $runs runs each)" >&2
    hyperfine --style none --warmup 2 --runs "$runs" --export-json "$work/ecr.json" \
        -n native "bash $work/ecr-native.sh" -n piped "bash $work/ecr-piped.sh" > "$work/hyperfine.log" 2>&1 &
    timing=$!
    wait "$timing" || { cat "$work/hyperfine.log" >&2; die "hyperfine failed on ecr"; }
    timing=""
    while read -r name value; do ecr_ms[$name]=$value; done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(r["command"], r["median"] * 1000)' "$work/ecr.json")
    for variant in native piped; do
        [ -n "${ecr_ms[$variant]:-}" ] || die "hyperfine reported no time for the $variant ECR login"
        ecr_rss[$variant]=$(peak_rss_kib "bash $work/ecr-$variant.sh")
    done
fi

mib() { python3 -c 'import sys; print("%.1f MiB" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
declare -A binary
binary[policy]=$(stat -c %s "$policy")
binary[policy-static]=$(stat -c %s "$static_policy")
tarball_bytes=$(stat -c %s "$tarball")
binary[curl]=$(stat -c %s "$(readlink -f "$(command -v curl)")")
$have_docker && binary[docker]=$(stat -c %s "$docker_bin")
$have_skopeo && binary[skopeo]=$(stat -c %s "$(readlink -f "$(command -v skopeo)")")

{
  if [ ${#modes[@]} -gt 0 ]; then
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores by \`make bench\`: hyperfine medians of $runs timed runs after 5"
    echo "warm-ups per tool over loopback, $rtt_runs after 2 over a $rtt_ms ms round trip (scripts/delay_proxy.py holds each"
    echo "direction $((rtt_ms / 2)) ms, and a connection's first bytes one round trip more for its TCP handshake; the token"
    echo "service is behind its own delaying proxy). Peak RSS: median of $rss_runs runs under /usr/bin/time. Connections:"
    echo "accepted by the proxies during one login (three logins; differing counts are shown as 2/3). Registries:"
    echo "docker-registry over TLS on 127.0.0.1; token-front has the token service on the registry's own host and port."
    echo "Load average when the run started: $load_at_start (other work on the machine moves the loopback times most)."
    echo
    echo "| flow | tool | loopback | $rtt_ms ms RTT | connections | peak RSS | executable |"
    echo "|---|---|---|---|---|---|---|"
    for mode in "${modes[@]}"; do
        for name in ${tools[$mode]}; do
            printf '| %s | %s | %.1f ms | %.0f ms | %s | %s | %s |\n' "$mode" "$name" "${ms[$mode.$name]}" \
                "${ms[$mode@rtt.$name]}" "${conns[$mode.$name]}" "$(mib "${rss[$mode.$name]}" 1024)" \
                "$(mib "${binary[$name]}" 1048576)"
        done
    done
    echo
    echo "policy's dynamic libraries: $(readelf -d "$policy" | awk -F'[][]' '/NEEDED/ {printf "%s ", $2}')(curl, too, loads libcurl)."
    if grep -q INTERP <<< "$(readelf -lW "$static_policy")" || grep -q NEEDED <<< "$(readelf -dW "$static_policy")"; then
        die "$static_policy is not static"
    fi
    echo "policy-static: no program interpreter and no dynamic library; $("$static_policy" --version)."
    echo "Sizes: policy-static stripped $(mib "${binary[policy-static]}" 1048576), its tarball $(basename "$tarball")" \
        "$(mib "$tarball_bytes" 1048576) (goals, issue 26: ≤ 16 MiB and ≤ 7 MiB); the dynamic policy $(mib "${binary[policy]}" 1048576)."
    echo
    echo "Goals (issue 5): policy ≤ 0.80× docker login and ≤ 1.15× bare curl in wall time, ≤ 0.6× docker's peak RSS."
    for mode in "${modes[@]}"; do
        line="- $mode: loopback"
        $have_docker && line+=" $(ratio "${ms[$mode.policy]}" "${ms[$mode.docker]}")× docker,"
        line+=" $(ratio "${ms[$mode.policy]}" "${ms[$mode.curl]}")× curl; $rtt_ms ms RTT"
        $have_docker && line+=" $(ratio "${ms[$mode@rtt.policy]}" "${ms[$mode@rtt.docker]}")× docker,"
        line+=" $(ratio "${ms[$mode@rtt.policy]}" "${ms[$mode@rtt.curl]}")× curl"
        $have_docker && line+="; peak RSS $(ratio "${rss[$mode.policy]}" "${rss[$mode.docker]}")× docker"
        echo "$line"
    done
    echo
    echo "Goals (issue 26): policy-static peak RSS ≤ 12 MiB (docker 24.4 MiB); its wall time beside the dynamic build's and docker's."
    for mode in "${modes[@]}"; do
        line="- $mode: peak RSS $(mib "${rss[$mode.policy-static]}" 1024)"
        $have_docker && line+=" ($(mib "${rss[$mode.docker]}" 1024) docker)"
        line+="; loopback $(ratio "${ms[$mode.policy-static]}" "${ms[$mode.policy]}")× dynamic"
        $have_docker && line+=", $(ratio "${ms[$mode.policy-static]}" "${ms[$mode.docker]}")× docker"
        line+="; $rtt_ms ms RTT $(ratio "${ms[$mode@rtt.policy-static]}" "${ms[$mode@rtt.policy]}")× dynamic"
        $have_docker && line+=", $(ratio "${ms[$mode@rtt.policy-static]}" "${ms[$mode@rtt.docker]}")× docker"
        echo "$line"
    done
  fi
  if $run_ecr; then
    [ ${#modes[@]} -eq 0 ] || echo
    echo "ECR without the AWS CLI (issue 20), measured $(date -u +%Y-%m-%d) on $(nproc) cores: hyperfine medians of $runs"
    echo "runs after 2 warm-ups over loopback, peak RSS the median of $rss_runs runs (of the largest process). Both logins"
    echo "run in a private mount namespace that maps the ECR name to named_registry.py, with aws_fixture.py (botocore"
    echo "checks each signature) as ECR's API through AWS_ENDPOINT_URL_ECR and the keys in a shared credentials file;"
    echo "the AWS CLI is $(aws --version 2>&1 | cut -d' ' -f1). Load average when the run started: $load_at_start."
    echo
    echo "| flow | command | loopback | peak RSS |"
    echo "|---|---|---|---|"
    printf '| ecr | policy login -s HOST (native) | %.1f ms | %s |\n' "${ecr_ms[native]}" "$(mib "${ecr_rss[native]}" 1024)"
    printf '| ecr | aws ecr get-login-password \\| policy login -s HOST -u AWS --password-stdin | %.1f ms | %s |\n' \
        "${ecr_ms[piped]}" "$(mib "${ecr_rss[piped]}" 1024)"
    echo
    echo "- ecr: the native login takes $(ratio "${ecr_ms[native]}" "${ecr_ms[piped]}")× the pipe's wall time."
  fi
} > "$work/results.md"

if ! $full_run; then
    echo "bench: BENCH_FLOWS=\"${selected[*]}\" is not a full run; README.md and bench/results.md are unchanged" >&2
    cat "$work/results.md"
    exit 0
fi

# Quote the table in the README between its markers; both files are replaced only now that all went well.
python3 - "$readme" "$work/results.md" "$work/README.md" <<'PY'
import sys
readme, results, out = sys.argv[1:4]
text = open(readme).read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
open(out, "w").write(head + start + "\n" + open(results).read() + end + tail)
PY
mkdir -p "$root/bench"
cp "$work/results.md" "$results.tmp.$$" && cp "$work/README.md" "$readme.tmp.$$"
chmod --reference="$readme" "$readme.tmp.$$"
mv "$results.tmp.$$" "$results"
mv "$readme.tmp.$$" "$readme"
cat "$results"
