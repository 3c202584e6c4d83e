#!/usr/bin/env bash
# `make dist`: what a release publishes, in dist/ (replaced on each run):
#   policy-VERSION-linux-ARCH.tar.gz   policy-VERSION-linux-ARCH/{policy, policy.1, completions/, README.md, LICENSE,
#                                      COPYRIGHT}
#   policy_VERSION_DEBARCH.deb          /usr/bin/policy, the man page and completions in Debian's standard places
#   SHA256SUMS                          of both, for `sha256sum -c`
# The man page and completions are printed by the binary being shipped, so they match it. Both archives are
# reproducible: entries sorted, owned by root, dated at the last commit (SOURCE_DATE_EPOCH when set).
#   scripts/dist.sh BINARY VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 BINARY VERSION" >&2; exit 2; }
binary=$1 version=$2
[ -x "$binary" ] || { echo "$binary: no such executable; run 'make static'" >&2; exit 1; }
[ -n "$version" ] || { echo "no version given" >&2; exit 2; }
version_line=$("$binary" --version)
[[ $version_line == "policy version $version "* ]] || { echo "$binary says '$version_line', not version $version" >&2; exit 1; }

# The architecture from the binary itself, in the tarball's (uname -m) and Debian's spelling.
case $(readelf -h "$binary" | sed -n 's/^ *Machine: *//p') in
*X86-64*) arch=x86_64 debian_arch=amd64 ;;
*AArch64*) arch=aarch64 debian_arch=arm64 ;;
*) echo "$binary: an architecture this script does not name" >&2; exit 1 ;;
esac
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
# The .deb's Maintainer: DEB_MAINTAINER, else the author of the repository's first commit (the same on every
# release, whoever made the last commit).
maintainer=${DEB_MAINTAINER:-$(git log --reverse --format='%an <%ae>' 2>/dev/null | sed -n 1p)}
[ -n "$maintainer" ] || { echo "no maintainer for the .deb: set DEB_MAINTAINER='Name <address>'" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
generated=$work/generated
mkdir -p "$generated"
"$binary" __man > "$generated/policy.1"
for shell in bash zsh fish; do
    "$binary" completion "$shell" > "$generated/$shell"
done

# An archive from a directory, the same bytes for the same files.
reproducible_tar() { # DIRECTORY MEMBER OUTPUT
    tar -C "$1" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
        --format=gnu -cf - "$2" | gzip -9n > "$3"
}

rm -rf dist
mkdir dist

# 1. The tarball.
name=policy-$version-linux-$arch
tree=$work/tar/$name
install -d -m 0755 "$tree/completions"
install -m 0755 "$binary" "$tree/policy"
install -m 0644 "$generated/policy.1" "$tree/policy.1"
install -m 0644 "$generated/bash" "$tree/completions/policy.bash"
install -m 0644 "$generated/zsh" "$tree/completions/_policy"
install -m 0644 "$generated/fish" "$tree/completions/policy.fish"
install -m 0644 README.md LICENSE "$tree/"
install -m 0644 scripts/dist/copyright "$tree/COPYRIGHT"
reproducible_tar "$work/tar" "$name" "dist/$name.tar.gz"

# 2. The Debian package: dpkg-deb over a staged root, files owned by root.
deb=$work/deb
install -d -m 0755 "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/share/man/man1" "$deb/usr/share/doc/policy" \
    "$deb/usr/share/lintian/overrides" \
    "$deb/usr/share/bash-completion/completions" "$deb/usr/share/zsh/vendor-completions" \
    "$deb/usr/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$deb/usr/bin/policy"
gzip -9n < "$generated/policy.1" > "$deb/usr/share/man/man1/policy.1.gz"
install -m 0644 "$generated/bash" "$deb/usr/share/bash-completion/completions/policy"
install -m 0644 "$generated/zsh" "$deb/usr/share/zsh/vendor-completions/_policy"
install -m 0644 "$generated/fish" "$deb/usr/share/fish/vendor_completions.d/policy.fish"
install -m 0644 scripts/dist/copyright "$deb/usr/share/doc/policy/copyright"
chmod 0644 "$deb/usr/share/man/man1/policy.1.gz"
# What lintian says of any static executable, and why it is meant here.
cat > "$deb/usr/share/lintian/overrides/policy" <<'OVERRIDES'
# One static executable is the point of this package: libcurl, OpenSSL, nghttp2, c-ares, zlib and glibc are
# linked in (from Debian's own packages), so it runs on any Linux without them.
policy: embedded-library curl [usr/bin/policy]
policy: embedded-library zlib [usr/bin/policy]
# A static PIE: an ELF of type DYN that needs no shared library, not even libc.
policy: shared-library-lacks-prerequisites [usr/bin/policy]
OVERRIDES
chmod 0644 "$deb/usr/share/lintian/overrides/policy"
{
    echo "policy ($version) unstable; urgency=medium"
    echo
    echo "  * Release $version: one static executable, libcurl and OpenSSL inside."
    echo
    echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} | gzip -9n > "$deb/usr/share/doc/policy/changelog.gz"
chmod 0644 "$deb/usr/share/doc/policy/changelog.gz"
cat > "$deb/DEBIAN/control" <<CONTROL
Package: policy
Version: $version
Architecture: $debian_arch
Maintainer: $maintainer
Installed-Size: $(du -sk --apparent-size "$deb/usr" | cut -f1)
Section: utils
Priority: optional
Description: log in to OCI container registries and store the credentials
 policy logs in to OCI container registries (GitHub, Docker Hub, AWS ECR,
 Google Artifact Registry, Azure ACR, Quay, GitLab, Harbor, any OCI v2
 registry), checks the credentials with the registry itself, and stores them
 in a docker-format config.json or a docker credential helper.
 .
 One static executable: libcurl, OpenSSL, nghttp2, c-ares and zlib are inside,
 so it depends on no other package.
CONTROL
find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "dist/policy_${version}_$debian_arch.deb" >/dev/null

# 3. The checksums.
(cd dist && sha256sum "$name.tar.gz" "policy_${version}_$debian_arch.deb" > SHA256SUMS)
for file in dist/*; do
    echo "$file: $(stat -c %s "$file") bytes"
done
