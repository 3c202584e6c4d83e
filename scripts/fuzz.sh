#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ with swiftc (outside SwiftPM) and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 300 seconds each, every target
#
# Each target compiles the pure source files it exercises plus Fuzz/<target>/main.swift with
# -sanitize=fuzzer,address. Seeds come from Fuzz/corpus/<target>/ (read only); what libFuzzer learns goes to
# .build-fuzz/corpus/<target>/, crashes to fuzz-artifacts/. Exits non-zero when any target finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true

sources_for() {
    case "$1" in
        challenge-parser) echo Sources/RegistryAuth/{Challenge,ChallengeParser,URLParts}.swift ;;
        token-reply) echo Sources/RegistryAuth/{TokenReply,ServerMessage,HTTPTransport,HTTPWhitespace,URLParts}.swift ;;
        config-json) echo Sources/CredentialStore/{ConfigDocument,ConfigFile,FileSystem,JSONParser,JSONValue,JSONWriter,StoreError}.swift ;;
        argument-parser) echo Sources/PolicyCLI/{ArgumentParser,OptionTable}.swift ;;
        *) echo "fuzz.sh: unknown target '$1'" >&2; return 1 ;;
    esac
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(challenge-parser config-json token-reply argument-parser)
mkdir -p .build-fuzz fuzz-artifacts
failed=()
for target in "${targets[@]}"; do
    binary=.build-fuzz/$target
    # shellcheck disable=SC2046
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld -module-name "Fuzz_${target//-/_}" \
        $(sources_for "$target") "Fuzz/$target/main.swift" -o "$binary" > ".build-fuzz/$target.build.log" 2>&1; then
        cat ".build-fuzz/$target.build.log" >&2
        exit 1
    fi
    mkdir -p ".build-fuzz/corpus/$target"
    log=.build-fuzz/$target.log
    status=0
    SWIFT_BACKTRACE=enable=no "$binary" ".build-fuzz/corpus/$target" "Fuzz/corpus/$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 -artifact_prefix="fuzz-artifacts/$target-" \
        > "$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    echo "fuzz $target: ${seconds}s, ${runs:-?} executions, exit $status"
    if [ "$status" -ne 0 ]; then
        grep -E 'ERROR|Fatal error|Test unit written|SUMMARY' "$log" | head -20 >&2 || true
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}; reproduce with .build-fuzz/<target> fuzz-artifacts/<file>" >&2
    exit 1
fi
