#!/bin/sh
# A scripted docker-credential-<name> for tests: link it into a temporary PATH directory as
# docker-credential-<name>. Its state lives in the directory of the link ($0), so each test has its own:
#   mode       what to do, words separated by spaces; none: behave like a real helper.
#              fail-at-once: print an error and exit 1 without reading stdin, for every verb;
#              store-refused: read stdin, refuse the store; hang: never finish;
#              flood: read stdin, print 2 MiB on stdout and exit 0 (more than policy's 1 MiB output cap);
#              no-list: `list` is not implemented (exit 1), as containers/image's test helper;
#              fail-list: `list` fails (exit 1); fail-get: `get` fails (exit 1) for every server;
#              get-empty-object: `get` of an unknown server answers {} with exit 0 (containers/image's helper);
#              get-empty-fields: ... answers empty Username and Secret with exit 0 (docker-credential-pass);
#              strict-erase: `erase` of an unknown server fails (exit 1), as docker-credential-pass does
#              slow-store: on store, read stdin, touch store-started, start a child that writes late-child after
#              2 s, sleep 2 s itself and then write stored (a store that finishes after policy was interrupted)
#   verbs      one line per call: the verb;     argv  one line per call: "$#: $*"
#   stdin.V    what call V received on stdin;   env.V the environment call V received
#   stored     what the last `store` received; entries/ holds every stored server (the "keychain")
#   child.pid  the background process a `hang` call started (it must not outlive the call)
set -u
dir=$(dirname "$0")
mode=" $(cat "$dir/mode" 2>/dev/null || true) "
verb=${1:-}
has() { case "$mode" in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
if has fail-at-once; then
    echo "the keychain is locked"
    exit 1
fi
if has hang; then
    sleep 120 &
    echo $! > "$dir/child.pid"
    wait
    exit 0
fi
input=$(cat)
if has slow-store && [ "$verb" = store ]; then
    (sleep 2; echo late > "$dir/late-child") &
    echo $! > "$dir/child.pid"
    touch "$dir/store-started"
    sleep 2
    printf '%s' "$input" > "$dir/stored"
    exit 0
fi
if has flood; then
    echo "$verb" >> "$dir/verbs"
    head -c 2097152 /dev/zero | tr '\0' x
    exit 0
fi
echo "$verb" >> "$dir/verbs"
echo "$#: $*" >> "$dir/argv"
printf '%s' "$input" > "$dir/stdin.$verb"
env > "$dir/env.$verb"
# One file per server in entries/ (named by the server's hex bytes), so several servers can be stored.
entry() { printf '%s/entries/%s' "$dir" "$(printf '%s' "$1" | od -An -tx1 | tr -d ' \n')"; }
field() { printf '%s' "$2" | sed -n "s/.*\"$1\": \"\([^\"]*\)\".*/\\1/p" | head -n 1; }
case "$verb" in
    store)
        if has store-refused; then
            echo "store refused: quota exceeded for $(printf '%s' "$input" | grep -o '"ServerURL": "[^"]*"')"
            exit 1
        fi
        mkdir -p "$dir/entries"
        printf '%s' "$input" > "$dir/stored"
        printf '%s' "$input" > "$(entry "$(field ServerURL "$input")")" ;;
    get)
        if has fail-get; then
            echo "program failed"
            exit 1
        elif [ -f "$(entry "$input")" ]; then
            cat "$(entry "$input")"
        elif has get-empty-object; then
            echo "{}"
        elif has get-empty-fields; then
            printf '{"ServerURL":"%s","Username":"","Secret":""}\n' "$input"
        else
            echo "credentials not found in native keychain"
            exit 1
        fi ;;
    erase)
        if [ ! -f "$(entry "$input")" ] && has strict-erase; then
            echo "Error: $input is not in the password store."
            exit 1
        fi
        rm -f "$(entry "$input")" ;;
    list)
        if has no-list; then
            echo "not implemented"
            exit 1
        fi
        if has fail-list; then
            echo "the keychain is locked"
            exit 1
        fi
        printf '{'
        separator=""
        for file in "$dir"/entries/*; do
            [ -f "$file" ] || continue
            content=$(cat "$file")
            printf '%s"%s": "%s"' "$separator" "$(field ServerURL "$content")" "$(field Username "$content")"
            separator=", "
        done
        printf '}\n' ;;
    *)
        echo "unknown verb $verb"
        exit 1 ;;
esac
