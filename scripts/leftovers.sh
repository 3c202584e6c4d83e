#!/usr/bin/env bash
# Fails when a process started by a test run is still running: everything `make test` starts inherits
# POLICY_TEST_RUN=<token> in its environment (fixtures, servers they start, policy itself, helpers, agents).
# Waits a few seconds for processes that are on their way out, then lists what is left, stops it (it is
# ours) and exits 1.
#
#   scripts/leftovers.sh TOKEN [GRACE_SECONDS]
set -euo pipefail
token=${1:?usage: leftovers.sh TOKEN [GRACE_SECONDS]}
grace=${2:-10}

ours() {  # pids whose environment holds POLICY_TEST_RUN=<token>, except this script and its parents
    local pid
    for environ in /proc/[0-9]*/environ; do
        pid=${environ#/proc/}; pid=${pid%/environ}
        [ "$pid" = $$ ] || [ "$pid" = "$PPID" ] && continue
        grep -qzx "POLICY_TEST_RUN=$token" "$environ" 2>/dev/null || continue
        [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] && continue
        echo "$pid"
    done
}

for _ in $(seq 1 $((grace * 5))); do
    [ -z "$(ours)" ] && { echo "leftovers.sh: no process of test run $token is left"; exit 0; }
    sleep 0.2
done
left=$(ours)
[ -z "$left" ] && { echo "leftovers.sh: no process of test run $token is left"; exit 0; }
echo "leftovers.sh: processes of test run $token are still running:" >&2
# shellcheck disable=SC2086
ps -o pid,pgid,etime,args -p "$(echo $left | tr ' ' ',')" >&2 || true
for pid in $left; do kill -KILL "$pid" 2>/dev/null || true; done
exit 1
