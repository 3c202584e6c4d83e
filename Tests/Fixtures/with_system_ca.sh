#!/usr/bin/env bash
# Runs a command with a test CA trusted by the system: the CA goes into /etc/ssl/certs as one hash link
# (<hash>.<n>, the form libcurl's CA directory lookup reads) and is removed again by a trap when the command
# ends, fails, or this script is interrupted — a test killed mid-run leaves no CA behind. Needs root.
#
#   with_system_ca.sh CA_FILE COMMAND [ARGS...]      → the command's exit status
set -euo pipefail
ca=$1; shift
certs=${SYSTEM_CERT_DIR:-/etc/ssl/certs}
hash=$(openssl x509 -hash -noout -in "$ca")
link=""
for n in $(seq 0 99); do
    [ -e "$certs/$hash.$n" ] || { link="$certs/$hash.$n"; break; }
done
[ -n "$link" ] || { echo "with_system_ca.sh: no free slot for $hash in $certs" >&2; exit 1; }
trap 'rm -f "$link"' EXIT
trap 'exit 143' TERM INT HUP
cp "$ca" "$link"
status=0
"$@" || status=$?
exit "$status"
