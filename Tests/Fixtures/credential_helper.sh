#!/bin/sh
# A scripted docker-credential-<name> for tests: link it into a temporary PATH directory as
# docker-credential-<name>. Its state lives in the directory of the link ($0), so each test has its own:
#   mode       what to do: (empty) behave like a real helper; fail-at-once: print an error and exit 1
#              without reading stdin; store-refused: read stdin, refuse the store; hang: never finish;
#              flood: read stdin, print 2 MiB on stdout and exit 0 (more than policy's 1 MiB output cap)
#   verbs      one line per call: the verb;     argv  one line per call: "$#: $*"
#   stdin.V    what call V received on stdin;   env.V the environment call V received
#   stored     what the last `store` received (the helper's single-entry "keychain")
#   child.pid  the background process a `hang` call started (it must not outlive the call)
set -u
dir=$(dirname "$0")
mode=$(cat "$dir/mode" 2>/dev/null || true)
verb=${1:-}
if [ "$mode" = fail-at-once ]; then
    echo "the keychain is locked"
    exit 1
fi
if [ "$mode" = hang ]; then
    sleep 120 &
    echo $! > "$dir/child.pid"
    wait
    exit 0
fi
input=$(cat)
if [ "$mode" = flood ]; then
    echo "$verb" >> "$dir/verbs"
    head -c 2097152 /dev/zero | tr '\0' x
    exit 0
fi
echo "$verb" >> "$dir/verbs"
echo "$#: $*" >> "$dir/argv"
printf '%s' "$input" > "$dir/stdin.$verb"
env > "$dir/env.$verb"
case "$verb:$mode" in
    store:store-refused)
        echo "store refused: quota exceeded for $(printf '%s' "$input" | grep -o '"ServerURL": "[^"]*"')"
        exit 1 ;;
    store:*)
        printf '%s' "$input" > "$dir/stored" ;;
    get:*)
        if [ -f "$dir/stored" ] && grep -q "\"ServerURL\": \"$input\"" "$dir/stored"; then
            cat "$dir/stored"
        else
            echo "credentials not found in native keychain"
            exit 1
        fi ;;
    erase:*)
        rm -f "$dir/stored" ;;
    list:*)
        echo '{}' ;;
    *)
        echo "unknown verb $verb"
        exit 1 ;;
esac
