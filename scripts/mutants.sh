#!/usr/bin/env bash
# Plants each known bug, one at a time, in a scratch copy of the tree and runs the tests that must catch it.
# Prints CAUGHT or SURVIVED per mutant and exits 1 if any survived (or a pattern no longer matches).
#
#   scripts/mutants.sh [NAME...]        (default: every mutant in the table; `make mutants`)
#
# Each mutant replaces a literal piece of a line of Sources/ (every occurrence in that file: the fixed timeout
# is both libcurl timeouts). When Sources change, a piece may no longer be there: the script then stops before building anything with "mutant NAME: pattern not found in FILE" —
# update that row of the table to the new line. MUTANTS_DIR (default /tmp/policy-mutants) keeps the scratch
# build between runs, so later runs are incremental.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${MUTANTS_DIR:-/tmp/policy-mutants}

# name | file under Sources/ | literal piece of a line (must occur) | replacement (of every occurrence) | tests (swift test --filter)
TABLE=$(cat <<'ROWS'
header-check-removed | RegistryAuth/HTTPHeaderField.swift | if !canCarry(value) { throw .unsafeHeaderValue(field: field) } | _ = field | AWSHeaderSafetyTests/aControlByteIsRefusedAndNeverSent
logout-misses-spellings | CredentialStore/CredentialStorage.swift | for (key, holder) in try otherSpellings(of: keys, in: config, besides: candidates) { | for (key, holder) in try otherSpellings(of: keys, in: config, besides: candidates).prefix(0) { | LogoutSpellingTests|PassHelperTests/logoutErasesWhatPass
no-lock | Platform/FileLock.swift | flock(descriptor.rawValue, LOCK_EX | LOCK_NB) | Int32(0) | ConcurrentLoginTests
lock-wait-unbounded | Platform/FileLock.swift | flock(descriptor.rawValue, LOCK_EX | LOCK_NB) | flock(descriptor.rawValue, LOCK_EX) | ConfigLockTests
lock-wait-unannounced | Platform/FileLock.swift | wait.announce(path) | _ = path | ConfigLockTests
output-errors-ignored | PolicyCLI/Output/Output.swift | failures[stream] = error | _ = error | OutputErrorTests
redirect-userinfo-kept | RegistryAuth/CurlTransport.swift | effectiveURL.map { URLParts.withoutUserInfo(String(cString: $0)) } | effectiveURL.map { String(cString: $0) } | HostileServerTests/aRedirectWithinTheSameServer
stored-scheme-as-transport | PolicyCLI/Commands/StoredRegistry.swift | RegistryAddress(storedKey: login.key) | RegistryAddress(parsing: login.key) | StoredKeySchemeTests
spelling-as-redirect | RegistryAuth/RegistryLogin.swift | URLParts(response.requestURL ?? request.url) | URLParts(request.url) | RealCauseTests/aHostSpelling
big-credentials-over-http2 | RegistryAuth/CurlTransport.swift | authorizationBytes > Self.http2HeaderLimit ? CURL_HTTP_VERSION_1_1 | false ? CURL_HTTP_VERSION_1_1 | RealCauseTests/credentialsTooLongForHTTP2
ca-file-unchecked | PolicyCLI/Arguments/NetworkOptions.swift | try Self.expectCertificates(in: caFile, "--ca-file") | _ = caFile | RealCauseTests/aCAFile
status-untraced | PolicyCLI/Commands/StatusCommand.swift | for exchange in exchanges { trace.exchange(exchange.request, exchange.result) } | _ = trace | DebugTraceTests/statusVerify
helper-outlives-signal | CredentialStore/BoundedProcess.swift | ChildProcessGroups.started(execution.processIdentifier.value, in: slot) | _ = execution | InterruptTests
echo-left-on | Platform/Terminal.swift | silent.c_lflag &= ~tcflag_t(ECHO) | silent.c_lflag |= tcflag_t(ECHO) | TerminalTests
fixed-timeout | RegistryAuth/CurlTransport.swift | TIMEOUT, options.timeoutSeconds) | TIMEOUT, 12) | TransportTests/aSilentServerEndsWithinTheTimeout|HostileServerTests/endsInOneSentenceAndExit4
fixed-transfer-timeout | RegistryAuth/CurlTransport.swift | try set(CURLOPT_TIMEOUT, options.timeoutSeconds) | try set(CURLOPT_TIMEOUT, 12) | HostileServerTests/endsInOneSentenceAndExit4
credentials-across-redirect | RegistryAuth/CurlTransport.swift | try set(CURLOPT_UNRESTRICTED_AUTH, 0) | try set(CURLOPT_UNRESTRICTED_AUTH, 1) | HostileServerTests/credentialsNeverReachTheOtherPort
corrupt-config-overwritten | CredentialStore/ConfigFile.swift | throw .notJSONObject(path: path, error) | return ConfigDocument() | ConfigFileRulesTests|InputAndLocationTests/aCorruptConfig
helper-secret-in-argv | CredentialStore/HelperProcess.swift | arguments: [verb.rawValue], | arguments: [verb.rawValue, String(decoding: input, as: UTF8.self)], | CredentialHelperTests/loginStoresThroughTheHelper
helper-timeout-ignored | PolicyCLI/Commands/StorageSettings.swift | try helperTimeout(context.environment[helperTimeoutVariable]) | try helperTimeout(nil) | CredentialHelperTests/aHangingHelper|HelperLimitsTests/anOutOfBounds
helper-output-uncapped | CredentialStore/CredentialHelper.swift | outputLimit: Int = 1 << 20 | outputLimit: Int = 1 << 30 | HelperLimitsTests/moreThan1MiB
stdin-uncapped | PolicyCLI/Input/SecretInput.swift | static let maxBytes = 1 << 20 | static let maxBytes = 1 << 30 | InputAndLocationTests/moreThan1MiBOnStdin
stdin-read-unasked | PolicyCLI/Commands/LoginCommand.swift | guard context.standardInputIsTerminal else { throw InputError.noPasswordNoTTY } | guard context.standardInputIsTerminal else { _ = try? SecretInput.readStandardInput(); throw InputError.noPasswordNoTTY } | InputAndLocationTests/anOpenStdinPipe
config-dir-variable-ignored | PolicyCLI/Arguments/ConfigLocation.swift | environment[environmentVariable] | environment["POLICY_CONFIG_DIR_IGNORED"] | InputAndLocationTests/policyConfigDir
http-scheme-ignored | RegistryAuth/RegistryAddress.swift | plain = scheme == "http" | plain = false | InputAndLocationTests/anHTTPServerAddress
ecr-expiry-not-told | PolicyCLI/Errors/RegistryHints.swift | if text.contains("expired") { | if text.contains("no registry says this") { | ECRTests
hub-one-key | RegistryAuth/RegistryAddress.swift | isDockerHub ? ["https://index.docker.io/v1/", Self.dockerHubAPIHost] : [key] | [key] | DockerHubTests|PeerLookupTests
aliases-kept | RegistryAuth/RegistryAddress.swift | return isDockerHub ? Self.dockerHubHosts.contains(String(rest)) : rest == key | return storedKey == key | StoredLoginTests/newCredentials|PeerLookupTests
reverify-skipped | PolicyCLI/Commands/LoginCommand.swift | if options.username == nil && options.passwordSource == .prompt, let stored | if options.username == "", let stored | StoredLoginTests
access-denial-ignored | PolicyCLI/Commands/LoginCommand.swift | if report.access.contains(where: { !$0.allGranted }) { | if report.access.contains(where: { !$0.allGranted && $0.granted.count < 0 }) { | CheckAccessLoginTests|GHCRAccessTests|AccessCheckTests
upload-not-cancelled | RegistryAuth/RegistryLogin+Access.swift | answer.values(of: "Location").first | answer.values(of: "X-Not-Location").first | CheckAccessLoginTests/aBasicRegistryIsProbed|GHCRAccessTests/aWritePAT
expiry-not-checked | PolicyCLI/Commands/CredentialVerifier.swift | expires <= now { | expires < 0 { | ExpiryTests
default-domain-not-written | CredentialStore/DefaultDomainFile.swift | with: Array(server.utf8), | with: Array("".utf8), | DefaultDomainTests
aws-wrong-region | RegistryAuth/AWS/AWSClient+ECR.swift | signing: AWSSigning(region: registry.region, | signing: AWSSigning(region: "us-east-1", | AWSCredentialSourceTests/environmentKeysLogIn|AWSClientTests
aws-session-token-not-sent | RegistryAuth/AWS/AWSCurlTransport.swift | fields.append(HTTPHeaderField("X-Amz-Security-Token", token)) | fields.append(HTTPHeaderField("X-Amz-Unsigned-Token", token)) | AWSCredentialSourceTests/aSessionToken|AWSCredentialSourceTests/webIdentityLogsIn
aws-imds-put-as-post | RegistryAuth/AWS/AWSCurlTransport.swift | if request.method == .put { try set(CURLOPT_CUSTOMREQUEST, "PUT") } | if request.method == .get { try set(CURLOPT_CUSTOMREQUEST, "PUT") } | AWSCredentialSourceTests/instanceMetadataLogsIn
ecr-public-wrong-target | RegistryAuth/AWS/AWSService.swift | case .ecrPublic: "SpencerFrontendService.GetAuthorizationToken" | case .ecrPublic: "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken" | AWSCredentialSourceTests/ecrPublicLogsIn|AWSClientTests
aws-chain-order | PolicyCLI/Commands/AWSCredentialChain.swift | for step in [environmentKeys, webIdentity, | for step in [webIdentity, environmentKeys, | AWSCredentialSourceTests/environmentKeysBeatWebIdentity|AWSChainTests
aws-metadata-disabled-ignored | PolicyCLI/Commands/AWSCredentialChain.swift | if value("AWS_EC2_METADATA_DISABLED")?.lowercased() == "true" | if value("AWS_EC2_METADATA_DISABLED")?.lowercased() == "never" | AWSLoginFailureTests/disabledInstanceMetadata|AWSChainTests
aws-profile-precedence | CredentialStore/AWS/AWSSharedFiles.swift | if let keys = try staticKeys(fromCredentials, profile: profile, file: credentialsPath) { | if let keys = try staticKeys(fromConfig, profile: profile, file: credentialsPath) { | AWSCredentialSourceTests/aProfileInTheSharedCredentialsFile|AWSSharedFilesTests
aws-given-password-ignored | PolicyCLI/Commands/ECRLogin.swift | guard options.passwordSource == .prompt, options.username | guard options.username | AWSLoginFailureTests/aGivenPassword|ECRLoginInProcessTests|AWSChainTests
aws-key-id-in-trace | PolicyCLI/Output/AWSTrace.swift | how.append("SigV4 for \(signing.service) in \(signing.region)" | how.append("SigV4 for \(signing.service) in \(signing.region) as \(signing.credentials.accessKeyID)" | AWSLoginFailureTests/debugShowsNoSecret
aws-refresh-skipped | PolicyCLI/Commands/LoginCommand.swift | if let ecr, let fetched = try ecr.fetch(required: false, refreshing: true) { | if let ecr, ecr.server.key.isEmpty, let fetched = try ecr.fetch(required: false, refreshing: true) { | AWSLoginFailureTests/anExpiredStoredLoginIsRefreshed
aws-skew-not-told | PolicyCLI/Errors/ECRTokenFailure.swift | if let skew = refusal.clockSkew(now: now) { | if let skew = refusal.clockSkew(now: now), skew == 1 { | AWSLoginFailureTests/aSkewedClock|AWSErrorWordingTests
aws-status-advice-missing | PolicyCLI/Errors/StatusProblem.swift | && ECRRegistry(host: $0.name) != nil | && ECRRegistry(host: $0.name) == nil | AWSLoginFailureTests/anExpiredStoredLoginIsRefreshed|AWSErrorWordingTests/statusAdvises
ROWS
)

field() { awk -F ' [|] ' -v n="$2" '{print $n}' <<< "$1"; }
# The filter may itself contain '|' (a regex alternation); it is everything after the fourth separator.
filter_of() { awk -F ' [|] ' '{s=$5; for (i=6; i<=NF; i++) s=s" | "$i; print s}' <<< "$1" | sed 's/ | /|/g'; }

selected=("$@")
rows=()
while IFS= read -r row; do
    [ -n "$row" ] || continue
    name=$(field "$row" 1)
    if [ ${#selected[@]} -gt 0 ] && [[ ! " ${selected[*]} " == *" $name "* ]]; then continue; fi
    rows+=("$row")
done <<< "$TABLE"
[ ${#rows[@]} -gt 0 ] || { echo "mutants.sh: no mutant named ${selected[*]}" >&2; exit 2; }

# Every pattern must match exactly once before anything is built.
missing=0
for row in "${rows[@]}"; do
    name=$(field "$row" 1) file=$(field "$row" 2) piece=$(field "$row" 3)
    count=$(grep -cF -- "$piece" "$root/Sources/$file" 2>/dev/null || true)
    if [ "${count:-0}" -lt 1 ]; then
        echo "mutant $name: pattern not found in Sources/$file: $piece" >&2
        missing=1
    fi
done
[ "$missing" -eq 0 ] || { echo "mutants.sh: update the table in scripts/mutants.sh to the current Sources" >&2; exit 2; }

echo "Copying the tree to $scratch/src"
mkdir -p "$scratch/src"
# A fresh copy of everything but the build products, which stay for an incremental build.
find "$scratch/src" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
tar -C "$root" --exclude='./.build*' --exclude='./.git' --exclude='./fuzz-artifacts' -cf - . | tar -C "$scratch/src" -xf -
cd "$scratch/src"
bin=$(swift build --show-bin-path)/policy
export POLICY_BIN=$bin

build() { swift build --build-tests > "$scratch/build.log" 2>&1 || { tail -30 "$scratch/build.log" >&2; return 1; }; }
run_tests() { swift test --skip-build --filter "$1" > "$scratch/test-$2.log" 2>&1; }

echo "Building the unmutated tree"
build
# The chosen tests must pass without a mutant, or a failure with one would prove nothing.
all_filters=$(for row in "${rows[@]}"; do filter_of "$row"; done | paste -sd'|')
run_tests "$all_filters" baseline || { echo "mutants.sh: the tests fail without any mutant; see $scratch/test-baseline.log" >&2; exit 1; }

results=()
survived=0
for row in "${rows[@]}"; do
    name=$(field "$row" 1) file=$(field "$row" 2) piece=$(field "$row" 3) replacement=$(field "$row" 4)
    filter=$(filter_of "$row")
    target="Sources/$file"
    cp "$target" "$scratch/pristine"
    PIECE=$piece REPLACEMENT=$replacement python3 -c '
import os, sys
path = sys.argv[1]
text = open(path).read()
open(path, "w").write(text.replace(os.environ["PIECE"], os.environ["REPLACEMENT"]))' "$target"
    started=$(date +%s)
    if ! build; then
        verdict="BUILD FAILED"
        survived=1
    elif run_tests "$filter" "$name"; then
        verdict=SURVIVED
        survived=1
    else
        verdict=CAUGHT
    fi
    cp "$scratch/pristine" "$target"
    line=$(printf '%-28s %-13s %4ss  %s' "$name" "$verdict" "$(( $(date +%s) - started ))" "$filter")
    echo "$line"
    results+=("$line")
done
build  # leave the scratch build unmutated for the next run

echo
echo "mutant                       result        time  tests"
printf '%s\n' "${results[@]}"
[ "$survived" -eq 0 ] || { echo "mutants.sh: a mutant survived (or did not build); logs in $scratch" >&2; exit 1; }
echo "mutants.sh: every mutant was caught"
