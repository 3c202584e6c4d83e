#!/usr/bin/env bash
# make bench: times `policy login` against its peers on local TLS registries (Basic and token auth),
# side by side in one run, and writes bench/results.md. Exits 0 whatever the numbers are: goals are
# ratios to read, not assertions.
#
# Peers: docker login (client side, if the docker CLI is installed), skopeo login (if installed), and
# bare curl issuing the same requests (the floor for any libcurl program). Secrets travel through files
# and stdin only. Each row: median wall time from hyperfine (warm-up, many runs), median peak RSS from
# /usr/bin/time over separate runs.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${BENCH_RUNS:-40}
rss_runs=${BENCH_RSS_RUNS:-15}
work=$(mktemp -d)
policy="$root/.build/release/policy"
results="$root/bench/results.md"
cleanup() {
    for mode in basic token token-front; do "$root/Tests/Fixtures/registry.sh" stop "$work/$mode" 2>/dev/null; done
    [ -n "${certs_dir:-}" ] && rm -rf "$certs_dir"/127.0.0.1:*
    rm -rf "$work"
}
trap cleanup EXIT

printf 'bench-password\n' > "$work/password"
for mode in basic token token-front; do
    "$root/Tests/Fixtures/registry.sh" start "$work/$mode" "$mode" bench "$work/password" >/dev/null
done
ca="$work/basic/ca.pem"   # both registries share the directory layout; each has its own CA
declare -A server
for mode in basic token token-front; do server[$mode]="127.0.0.1:$(cat "$work/$mode/port")"; done

# docker login verifies against /etc/docker/certs.d/<host:port>/ca.crt; a PATH without credential helpers
# keeps it on its file store so every tool does the same work.
mkdir -p "$work/bin"
have_docker=false
if command -v docker >/dev/null && mkdir -p /etc/docker/certs.d 2>/dev/null && [ -w /etc/docker/certs.d ]; then
    have_docker=true
    ln -s "$(command -v docker)" "$work/bin/docker"
    certs_dir=/etc/docker/certs.d
    for mode in basic token token-front; do
        mkdir -p "$certs_dir/${server[$mode]}" && cp "$work/$mode/ca.pem" "$certs_dir/${server[$mode]}/ca.crt"
    done
elif command -v docker >/dev/null; then
    echo "bench: docker is installed but /etc/docker/certs.d is not writable; leaving docker out" >&2
fi
have_skopeo=false
command -v skopeo >/dev/null && have_skopeo=true && ln -s "$(command -v skopeo)" "$work/bin/skopeo"

# curl's requests, from config files (no secret in argv): probe; then credentials; for token auth the
# token request and a Bearer probe with a token fetched beforehand (same bytes on the wire).
curl_config() {
    local mode=$1 url="https://${server[$mode]}/v2/"
    {
        echo "silent"; echo "cacert = \"$work/$mode/ca.pem\""; echo "output = /dev/null"; echo "url = \"$url\""
        echo "next"; echo "cacert = \"$work/$mode/ca.pem\""; echo "output = /dev/null"
        if [ "$mode" = basic ]; then
            echo "user = \"bench:bench-password\""; echo "url = \"$url\""
        else
            local realm="https://127.0.0.1:$(cat "$work/token/token-port")/token?service=policy-test-registry"
            local token
            token=$(curl -s --cacert "$work/token/ca.pem" -K <(echo "user = \"bench:bench-password\"") "$realm" \
                | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
            echo "user = \"bench:bench-password\""; echo "url = \"$realm\""
            echo "next"; echo "cacert = \"$work/$mode/ca.pem\""; echo "output = /dev/null"
            echo "header = \"Authorization: Bearer $token\""; echo "url = \"$url\""
        fi
    } > "$work/curl-$mode.cfg"
}

commands() {  # mode → lines "name<TAB>command"
    local mode=$1 s=${server[$1]}
    printf 'policy\t%s\n' "$policy login -s $s -u bench --password-stdin --ca-file $work/$mode/ca.pem -c $work/policy-$mode < $work/password"
    printf 'curl\t%s\n' "curl -K $work/curl-$mode.cfg"
    $have_docker && printf 'docker\t%s\n' "PATH=$work/bin DOCKER_CONFIG=$work/docker-$mode docker login $s -u bench --password-stdin < $work/password"
    $have_skopeo && printf 'skopeo\t%s\n' "PATH=$work/bin skopeo login --authfile $work/skopeo-$mode.json --cert-dir $work/$mode $s -u bench --password-stdin < $work/password"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

peak_rss_kib() {  # command → median peak RSS in KiB
    for _ in $(seq "$rss_runs"); do
        /usr/bin/time -f '%M' -o "$work/rss" bash -c "$1" >/dev/null 2>&1
        tail -1 "$work/rss"
    done | median
}

mkdir -p "$root/bench"
{
    echo "| flow | tool | median wall | peak RSS | vs policy (time) |"
    echo "|---|---|---|---|---|"
} > "$work/table"
declare -A ms rss
for mode in basic token token-front; do
    curl_config "$mode"
    names=() cmds=()
    while IFS=$'\t' read -r name cmd; do names+=("$name"); cmds+=("$cmd"); done < <(commands "$mode")
    for i in "${!cmds[@]}"; do bash -c "${cmds[$i]}" >/dev/null 2>&1 || echo "warning: ${names[$i]} failed once for $mode" >&2; done
    args=()
    for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
    hyperfine --style none --warmup 5 --runs "$runs" --export-json "$work/$mode.json" "${args[@]}" >/dev/null 2>&1
    for i in "${!names[@]}"; do
        name=${names[$i]}
        ms[$mode.$name]=$(python3 -c 'import json,sys; r=[x for x in json.load(open(sys.argv[1]))["results"] if x["command"]==sys.argv[2]][0]; print("%.1f" % (r["median"]*1000))' "$work/$mode.json" "$name")
        rss[$mode.$name]=$(peak_rss_kib "${cmds[$i]}")
    done
    for name in "${names[@]}"; do
        ratio=$(python3 -c "print('%.2f×' % (${ms[$mode.policy]} / ${ms[$mode.$name]}))")
        printf '| %s | %s | %s ms | %.1f MiB | policy = %s |\n' "$mode" "$name" "${ms[$mode.$name]}" \
            "$(python3 -c "print(${rss[$mode.$name]}/1024)")" "$ratio" >> "$work/table"
    done
done

size=$(stat -c %s "$policy")
{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores by \`make bench\` ($runs timed runs after 5 warm-ups per tool, hyperfine"
    echo "medians; peak RSS is the median of $rss_runs runs under /usr/bin/time). Registries: docker-registry over TLS on 127.0.0.1."
    echo
    cat "$work/table"
    echo
    echo "Release binary: $(python3 -c "print('%.1f MiB' % ($size/1048576))"), dynamic libraries: $(readelf -d "$policy" | awk -F'[][]' '/NEEDED/ {printf "%s ", $2}')"
    echo
    echo "Goals (issue 5): policy ≤ 0.80× docker login and ≤ 1.15× bare curl in wall time, ≤ 0.6× docker's peak RSS."
    for mode in basic token token-front; do
        line="- $mode:"
        [ -n "${ms[$mode.docker]:-}" ] && line+=" $(python3 -c "print('%.2f' % (${ms[$mode.policy]}/${ms[$mode.docker]}))")× docker time, $(python3 -c "print('%.2f' % (${rss[$mode.policy]}/${rss[$mode.docker]}))")× docker RSS;"
        line+=" $(python3 -c "print('%.2f' % (${ms[$mode.policy]}/${ms[$mode.curl]}))")× curl time"
        echo "$line"
    done
} > "$results"
cat "$results"
# Quote the table in the README between its markers.
python3 - "$root/README.md" "$results" <<'PY'
import sys
readme, results = sys.argv[1], sys.argv[2]
text = open(readme).read()
start, end = "<!-- bench:start -->", "<!-- bench:end -->"
if start in text and end in text:
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    open(readme, "w").write(head + start + "\n" + open(results).read() + end + tail)
PY
exit 0
