#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ with swiftc (outside SwiftPM) and runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 300 seconds each, every target
#
# Each target names the modules it exercises, Platform (our layer over the C library) before those that use
# it; every module is compiled from its own Sources/<Module>/ with -sanitize=fuzzer,address, in order, and
# Fuzz/<target>/main.swift imports them. A module's files that import
# what swiftc cannot see outside SwiftPM (swift-subprocess), and the files that use what those declare, are
# left out, so the lists follow the modules without being written down. Seeds come from Fuzz/corpus/<target>/
# (read only); what libFuzzer learns goes to .build-fuzz/corpus/<target>/, crashes to fuzz-artifacts/. Exits
# non-zero when any target finds a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true

modules_for() {
    case "$1" in
        challenge-parser|token-reply) echo Platform PolicyBase RegistryAuth ;;
        config-json) echo Platform PolicyBase CredentialStore ;;
        argument-parser) echo Platform PolicyBase PolicyCLI ;;
        *) echo "fuzz.sh: unknown target '$1'" >&2; return 1 ;;
    esac
}

# The Swift files of module $1 that build with only the system modules and the modules in $2.
files_of() {
    local module=$1 allowed="Glibc Musl Darwin Dispatch CCurl $2" kept=() dropped=() file name
    for file in $(find "Sources/$module" -name '*.swift' ! -name main.swift | sort); do
        local ok=true
        for name in $(sed -n 's/^\(@testable \)\{0,1\}import \([A-Za-z_]*\).*/\2/p' "$file"); do
            [[ " $allowed " == *" $name "* ]] || ok=false
        done
        if $ok; then kept+=("$file"); else dropped+=("$file"); fi
    done
    # Leave out, until nothing changes, the files whose code (comments aside) names a type declared in a file left out.
    while [ ${#dropped[@]} -gt 0 ]; do
        local types
        types=$(sed -n 's/^\(public \)\{0,1\}\(final \)\{0,1\}\(struct\|enum\|class\|protocol\|actor\) \([A-Za-z_]*\).*/\4/p' "${dropped[@]}" | sort -u | paste -sd'|')
        [ -n "$types" ] || break
        local still=() newly=()
        for file in "${kept[@]}"; do
            if grep -v '^[[:space:]]*//' "$file" | grep -Eqw "$types"; then newly+=("$file"); else still+=("$file"); fi
        done
        [ ${#newly[@]} -gt 0 ] || break
        kept=("${still[@]}")
        dropped=("${newly[@]}")
    done
    printf '%s\n' "${kept[@]}"
}

build_target() {
    local target=$1 out=.build-fuzz/$1 built="" objects=() module
    rm -rf "$out.modules" && mkdir -p "$out.modules"
    for module in $(modules_for "$target"); do
        # shellcheck disable=SC2046
        swiftc -sanitize=fuzzer,address -parse-as-library -O -g -enable-testing -wmo -module-name "$module" \
            -emit-module -emit-module-path "$out.modules/$module.swiftmodule" -I "$out.modules" -I Sources/CCurl \
            -c $(files_of "$module" "$built") -o "$out.modules/$module.o" || return 1
        objects+=("$out.modules/$module.o")
        built="$built $module"
    done
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld -module-name "Fuzz_${target//-/_}" \
        -I "$out.modules" -I Sources/CCurl "Fuzz/$target/main.swift" "${objects[@]}" -lcurl -o "$out"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(challenge-parser config-json token-reply argument-parser)
mkdir -p .build-fuzz fuzz-artifacts
failed=()
for target in "${targets[@]}"; do
    binary=.build-fuzz/$target
    if ! build_target "$target" > ".build-fuzz/$target.build.log" 2>&1; then
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
