#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ with swiftc (outside SwiftPM) and runs them, in one of two modes.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]       explore (make fuzz): each target for SECONDS (default 300) from a
#                                               random seed, printed; what libFuzzer learns goes to
#                                               .build-fuzz/corpus/<target>/, crashes to fuzz-artifacts/
#   scripts/fuzz.sh --smoke RUNS [TARGET...]    decide (make test): replay every file of Fuzz/corpus/<target>/ (the
#                                               seeds and every input that ever crashed, as named regression files),
#                                               then RUNS executions with a fixed seed from a fresh copy of those
#                                               files only, so the same code always gets the same verdict
#
# Each target names the modules it exercises, Platform (our layer over the C library) before those that use
# it; every module is compiled from its own Sources/<Module>/ with -sanitize=fuzzer,address, in order, and
# Fuzz/<target>/main.swift imports them. A module's files that import what swiftc cannot see outside SwiftPM
# (swift-subprocess), and the files that use what those declare, are left out, so the lists follow the modules
# without being written down. Exits non-zero when any target crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=explore
if [ "${1:-}" = --smoke ]; then
    mode=smoke
    runs=${2:?fuzz.sh --smoke needs a number of runs}
    shift 2
else
    seconds=${1:-300}
    shift || true
fi
# The fixed seed of the smoke run; any number works, as long as it never changes by chance.
smoke_seed=1

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
            # Not grep -q: it stops reading at the first match, and under pipefail the first grep's SIGPIPE then
            # reads as "no match" (a large file would be kept at random).
            if grep -v '^[[:space:]]*//' "$file" | grep -Ew "$types" > /dev/null; then newly+=("$file"); else still+=("$file"); fi
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
    log=.build-fuzz/$target.log
    options=(-timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 -artifact_prefix="fuzz-artifacts/$target-")
    status=0
    if [ "$mode" = smoke ]; then
        # Replay: each committed file once, by name, so a regression file that crashes again is named.
        SWIFT_BACKTRACE=enable=no "$binary" "${options[@]}" Fuzz/corpus/"$target"/* > "$log" 2>&1 || status=$?
        replayed=$(find "Fuzz/corpus/$target" -type f | wc -l)
        if [ "$status" -eq 0 ]; then
            scratch=.build-fuzz/smoke-corpus/$target
            rm -rf "$scratch" && mkdir -p "$scratch" && cp Fuzz/corpus/"$target"/* "$scratch"/
            # Same seed, same path: no address-space randomisation (libFuzzer learns from compared values,
            # pointers among them), Swift's per-process hash seed fixed, and no time-based corpus reload.
            SWIFT_BACKTRACE=enable=no SWIFT_DETERMINISTIC_HASHING=1 setarch "$(uname -m)" -R \
                "$binary" "$scratch" "${options[@]}" -seed="$smoke_seed" -runs="$runs" -reload=0 >> "$log" 2>&1 || status=$?
            grep -m1 '^#[0-9]*[[:space:]]*DONE' "$log" | sed "s/[[:space:]]*exec\/s.*//; s/^/fuzz $target: /; s/\t/ /g" || true
        fi
        echo "fuzz $target: replayed $replayed corpus files, then $runs runs from seed $smoke_seed, exit $status"
    else
        mkdir -p ".build-fuzz/corpus/$target"
        SWIFT_BACKTRACE=enable=no "$binary" ".build-fuzz/corpus/$target" "Fuzz/corpus/$target" "${options[@]}" \
            -max_total_time="$seconds" > "$log" 2>&1 || status=$?
        executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        seed=$(sed -n 's/^INFO: Seed: *//p' "$log" | head -1)
        echo "fuzz $target: ${seconds}s from seed ${seed:-?} (rerun: .build-fuzz/$target -seed=${seed:-N} ...), ${executed:-?} executions, exit $status"
    fi
    if [ "$status" -ne 0 ]; then
        grep -E 'ERROR|Fatal error|Test unit written|SUMMARY' "$log" | head -20 >&2 || true
        failed+=("$target")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]}; reproduce with .build-fuzz/<target> <file> (fuzz-artifacts/ or Fuzz/corpus/)" >&2
    exit 1
fi
