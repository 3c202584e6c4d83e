#!/usr/bin/env bash
# The newcomer's demo: a throwaway docker-registry over TLS on 127.0.0.1 with a demo user, a real login
# with the release binary (password piped on stdin), the stored entry with its secret masked, then cleanup.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap '"$root/Tests/Fixtures/registry.sh" stop "$work/registry"; rm -rf "$work"' EXIT
printf 'demo-password\n' > "$work/password"
"$root/Tests/Fixtures/registry.sh" start "$work/registry" basic demo "$work/password"
server="127.0.0.1:$(cat "$work/registry/port")"
echo "A docker-registry is listening on https://$server/ (user: demo)."
echo
echo "\$ cat password | policy login -s $server -u demo --password-stdin --ca-file ca.pem"
"$root/.build/release/policy" login -c "$work/config" -s "$server" -u demo --password-stdin \
    --ca-file "$work/registry/ca.pem" < "$work/password"
echo
echo "Stored in $work/config/config.json (secret masked):"
sed -E 's/("auth": ")[^"]*"/\1********"/' "$work/config/config.json"
