# policy — make help lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Debian packages. BUILD_PACKAGES build the binaries (make build, release, static, dist); TEST_PACKAGES are what
# the tests, the demo and the benchmark add (make test installs both). The static build links libcurl from
# Debian's source (scripts/build-curl.sh: autoconf, automake, libtool) with the static archives of OpenSSL
# (libssl-dev), nghttp2, c-ares and zlib; dpkg-dev gives dpkg-buildflags and dpkg-deb, binutils readelf and strip.
# python3-botocore: aws_fixture.py checks every SigV4 signature with botocore's signer; iproute2 and util-linux:
# `ip`, `unshare` and `nsenter` for the AWS tests' private network namespace. debootstrap: the Debian 11 root the
# static binary is tested in (scripts/debian-root.sh, cached in .build-roots/).
BUILD_PACKAGES := libcurl4-openssl-dev pkg-config ca-certificates binutils dpkg-dev debian-archive-keyring \
                  autoconf automake libtool libssl-dev libnghttp2-dev libc-ares-dev zlib1g-dev
TEST_PACKAGES := docker-registry apache2-utils openssl curl python3 \
                 pass gnupg golang-docker-credential-helpers tinyproxy hyperfine time skopeo \
                 bash-completion zsh fish man-db groff-base python3-botocore iproute2 util-linux debootstrap

# The static binary's target. Another architecture (aarch64-unknown-linux-gnu) needs only a Swift SDK for it.
TARGET_TRIPLE ?= x86_64-unknown-linux-gnu
# The static link's linker: lld; bfd (GNU ld) shows glibc's static-link warnings (README, Platforms).
STATIC_LINKER ?= lld
STATIC_BINARY := .build-static/release/policy
# The version, written once: HelpText.version in the sources.
VERSION := $(shell sed -n 's/^ *static let version = "\(.*\)"$$/\1/p' Sources/PolicyCLI/Output/HelpText.swift)

BIN_DIR = $(shell swift build --show-bin-path)
# Every process `make test` starts carries POLICY_TEST_RUN=$(TEST_RUN); scripts/leftovers.sh checks at the end
# that none is left running.
TEST_RUN := policy-test-$(shell od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
# `make fuzz` explores: each libFuzzer target for FUZZ_SECONDS from a random seed. `make test` decides: it
# replays Fuzz/corpus/ and then runs each target FUZZ_SMOKE_RUNS times from a fixed seed, so the same code
# always gets the same verdict.
FUZZ_SECONDS ?= 300
FUZZ_SMOKE_RUNS ?= 30000
# `make install` puts bin/policy, share/man/man1/policy.1 and the completions under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
DESTDIR ?=
# The binary it installs: the release build (made when missing or older than the sources), or one given,
# e.g. `make install POLICY_BINARY=.build/debug/policy`.
RELEASE_BINARY := .build/release/policy
POLICY_BINARY ?= $(RELEASE_BINARY)

.PHONY: help deps deps-build build release static dist install uninstall test sanitize mutants demo bench fuzz clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

deps: ## install the Debian packages that are missing, to build and to test (apt-get; root or sudo)
	@scripts/install-deps.sh $(BUILD_PACKAGES) $(TEST_PACKAGES)

deps-build: ## install only the Debian packages the build needs
	@scripts/install-deps.sh $(BUILD_PACKAGES)

build: deps-build ## debug build
	swift build

release: deps-build ## the stripped binary at .build/release/policy (static Swift standard library, system libcurl)
	scripts/build-release.sh

static: deps-build ## the fully static, stripped binary at .build-static/release/policy (libcurl from Debian's source)
	STATIC_LINKER=$(STATIC_LINKER) scripts/build-static.sh $(TARGET_TRIPLE)

dist: static ## dist/: the tarball (binary, man page, completions, README, LICENSE), the .deb and SHA256SUMS
	scripts/dist.sh $(STATIC_BINARY) $(VERSION)

$(RELEASE_BINARY): Package.swift $(shell find Sources -type f)
	scripts/build-release.sh

install: $(POLICY_BINARY) ## install policy, its man page and bash, zsh and fish completions under PREFIX (/usr/local) in DESTDIR
	scripts/install.sh install "$(POLICY_BINARY)" "$(DESTDIR)$(PREFIX)"

uninstall: ## remove what make install installed (same PREFIX and DESTDIR)
	scripts/install.sh uninstall "$(DESTDIR)$(PREFIX)"

test: deps lint ## check the format, build and run every test (unit, integration, end to end), the fuzz corpus and a fixed-seed fuzz run, the end-to-end tests again with the static binary, then all under ASan
	swift build --build-tests
	scripts/build-static.sh $(TARGET_TRIPLE)
	@status=0; \
	debian_root=$$(scripts/debian-root.sh bullseye) || status=$$?; \
	POLICY_TEST_RUN=$(TEST_RUN) POLICY_BIN="$(BIN_DIR)/policy" POLICY_STATIC_BIN="$(CURDIR)/$(STATIC_BINARY)" \
		POLICY_DEBIAN_ROOT="$$debian_root" swift test --skip-build || status=$$?; \
	[ $$status -ne 0 ] || scripts/fuzz.sh --smoke $(FUZZ_SMOKE_RUNS) || status=$$?; \
	[ $$status -ne 0 ] || POLICY_TEST_RUN=$(TEST_RUN) POLICY_BIN="$(CURDIR)/$(STATIC_BINARY)" \
		swift test --skip-build --filter EndToEndTests --skip StaticBinaryTests || status=$$?; \
	[ $$status -ne 0 ] || POLICY_TEST_RUN=$(TEST_RUN) $(MAKE) --no-print-directory sanitize || status=$$?; \
	scripts/leftovers.sh $(TEST_RUN) || status=1; \
	exit $$status

# The formatter ships with the toolchain (`swift format`); its settings are in .swift-format.
FORMATTED := Sources Tests Fuzz Package.swift

lint: ## fail on code that `make format` would change (swift format lint --strict)
	swift format lint --strict --recursive $(FORMATTED)

format: ## format the code in place with swift format
	swift format format --in-place --recursive $(FORMATTED)

sanitize: deps ## every test again, tests and the policy binary built with AddressSanitizer (.build-asan)
	swift build --build-tests --sanitize=address --build-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan-suppressions.txt POLICY_BIN="$(CURDIR)/.build-asan/debug/policy" \
		swift test --skip-build --sanitize=address --build-path .build-asan --skip StaticBinaryTests

mutants: deps ## plant each known bug in a scratch copy and check that the tests catch it (scripts/mutants.sh)
	scripts/mutants.sh

fuzz: ## explore: each libFuzzer target (Fuzz/) for FUZZ_SECONDS (default 300) from a random seed; crashes land in fuzz-artifacts/
	scripts/fuzz.sh $(FUZZ_SECONDS)

demo: release ## log in to a throwaway local TLS registry with the release binary
	scripts/demo.sh

bench: release dist ## time policy (dynamic and static) login against docker, skopeo and curl, loopback and 50 ms RTT; writes bench/results.md and README
	scripts/bench.sh

clean: ## remove build products
	rm -rf .build .build-* fuzz-artifacts dist
