#!/usr/bin/env bash
# make bench: times `policy login` against its peers on local TLS registries (Basic, token auth with the token
# service on its own port, token auth with it on the registry's own host and port), once over loopback and
# once over a BENCH_RTT_MS (default 50) round trip, counts the connections each login opens, and writes
# bench/results.md and the README's copy of it. The numbers are ratios to read, not assertions; but a
# benchmark that did not run is an error: a registry or proxy that does not start, a login that fails, or a
# timing run that fails exits non-zero and leaves README.md and bench/results.md as they were.
#
# Peers: docker login (client side, if the docker CLI is installed), skopeo login (if installed), and bare
# curl issuing the same requests (the floor for any libcurl program). Secrets travel through files and stdin
# only. Each row: median wall time from hyperfine, median peak RSS from /usr/bin/time over separate runs,
# connections accepted by the delaying proxy during one login, and the size of the tool's executable.
#
# The round trip comes from scripts/delay_proxy.py (these kernels have no netem), one per port a login talks
# to; a token registry's realm is pointed at the proxy in front of its token service, so every request of a
# login crosses the delay. Each proxy runs in its own process group with a lifetime limit.
#
# Environment: BENCH_RUNS (timed runs per tool, default 40), BENCH_RTT_RUNS (the same over the delayed path,
# default BENCH_RUNS), BENCH_RSS_RUNS (default 15), BENCH_RTT_MS (default 50), BENCH_POLICY (the binary,
# default .build/release/policy), BENCH_PROXY_LIFETIME (seconds, default 3600).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${BENCH_RUNS:-40}
rtt_runs=${BENCH_RTT_RUNS:-$runs}
rss_runs=${BENCH_RSS_RUNS:-15}
rtt_ms=${BENCH_RTT_MS:-50}
proxy_lifetime=${BENCH_PROXY_LIFETIME:-3600}
policy=${BENCH_POLICY:-$root/.build/release/policy}
results="$root/bench/results.md"
readme="$root/README.md"
registry="$root/Tests/Fixtures/registry.sh"
modes=(basic token token-front)
certs_dir=/etc/docker/certs.d

die() { echo "bench: $*" >&2; exit 1; }

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
for tool in hyperfine curl python3 openssl docker-registry htpasswd setsid /usr/bin/time; do
    command -v "$tool" >/dev/null || die "$tool is missing (make deps installs it)"
done
grep -q '<!-- bench:start -->' "$readme" && grep -q '<!-- bench:end -->' "$readme" \
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

mib() { python3 -c 'import sys; print("%.1f MiB" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }
declare -A binary
binary[policy]=$(stat -c %s "$policy")
binary[curl]=$(stat -c %s "$(readlink -f "$(command -v curl)")")
$have_docker && binary[docker]=$(stat -c %s "$docker_bin")
$have_skopeo && binary[skopeo]=$(stat -c %s "$(readlink -f "$(command -v skopeo)")")

{
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
} > "$work/results.md"

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
