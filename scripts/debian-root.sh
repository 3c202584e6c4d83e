#!/usr/bin/env bash
# Prints the path of a minimal Debian root (debootstrap --variant=minbase) for the static-binary tests, making it
# first when it is missing: Debian 11 "bullseye" (glibc 2.31) from Debian's own archive, verified by debootstrap
# against debian-archive-keyring. Kept under .build-roots/ (git-ignored), so a second run costs nothing; made in a
# scratch directory and renamed into place, so an interrupted run leaves no half-made root behind. Needs root.
#   scripts/debian-root.sh [SUITE]        SUITE defaults to bullseye
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:-bullseye}
root=$PWD/.build-roots/$suite
if [ -x "$root/bin/sh" ] && [ -f "$root/.complete" ]; then
    echo "$root"
    exit 0
fi
mkdir -p .build-roots
scratch=$(mktemp -d "$PWD/.build-roots/.$suite.XXXXXX")
trap 'rm -rf --one-file-system "$scratch"' EXIT
debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    "$suite" "$scratch" http://deb.debian.org/debian >"$scratch.log" 2>&1 || {
    tail -n 20 "$scratch.log" >&2
    rm -f "$scratch.log"
    exit 1
}
rm -f "$scratch.log"
touch "$scratch/.complete"
rm -rf --one-file-system "$root"
mv "$scratch" "$root"
trap - EXIT
echo "$root"
