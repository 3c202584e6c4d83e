#!/usr/bin/env bash
# Builds the static libcurl that `make static` links into policy, into .build-curl/prefix (lib/libcurl.a,
# include/curl, lib/pkgconfig/libcurl.pc). The source is Debian's package pinned in scripts/curl-source.pin,
# fetched by `apt-get source` through a private apt directory (.build-curl/apt: its own deb-src list, package
# lists and cache; the machine's /etc/apt is only read for its keyring), so apt verifies it against Debian's
# signed Sources index; dpkg-source applies Debian's patches. HTTP and HTTPS only, with OpenSSL (libssl-dev),
# nghttp2 (HTTP/2), c-ares (DNS without NSS: no getaddrinfo, no /etc/nsswitch.conf modules) and zlib, all as
# static archives from their Debian -dev packages.
#
# A second run reuses the prefix: nothing is fetched or rebuilt while the pin and this script are unchanged.
#   scripts/build-curl.sh [TRIPLE]            build (or reuse) the prefix
#   scripts/build-curl.sh --prefix [TRIPLE]   print the prefix only
# TRIPLE defaults to this machine's (x86_64-unknown-linux-gnu here). Another one (aarch64-unknown-linux-gnu) is
# cross-compiled with clang into .build-curl/TRIPLE/prefix against SWIFT_SDK_SYSROOT, the sysroot of the Swift
# SDK for it, which must hold that architecture's libssl-dev, libnghttp2-dev, libc-ares-dev and zlib1g-dev.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pin=scripts/curl-source.pin
work=$root/.build-curl
print_prefix=false
if [ "${1:-}" = --prefix ]; then
    print_prefix=true
    shift
fi
host_triple=$(uname -m)-unknown-linux-gnu
triple=${1:-$host_triple}
cross=()
if [ "$triple" = "$host_triple" ]; then
    prefix=$work/prefix
else
    prefix=$work/$triple/prefix
fi
if $print_prefix; then
    echo "$prefix"
    exit 0
fi
if [ "$triple" != "$host_triple" ]; then
    sysroot=${SWIFT_SDK_SYSROOT:?building libcurl for $triple needs SWIFT_SDK_SYSROOT, the sysroot of its Swift SDK}
    multiarch=${triple%%-*}-linux-gnu
    export CC="clang --target=$triple --sysroot=$sysroot"
    export PKG_CONFIG_LIBDIR=$sysroot/usr/lib/$multiarch/pkgconfig:$sysroot/usr/share/pkgconfig
    export PKG_CONFIG_SYSROOT_DIR=$sysroot
    cross=(--host="$multiarch")
fi

pinned() { sed -n "s/^$1=//p" "$pin"; }
package=$(pinned package)
version=$(pinned version)
[ -n "$package" ] && [ -n "$version" ] || { echo "$pin: no package= or version= line" >&2; exit 1; }

# What the prefix was built from: the pin and this script. The same stamp means nothing to do.
stamp=$( (cat "$pin" "$0"; echo "$triple") | sha256sum | cut -d' ' -f1)
if [ -f "$prefix/lib/libcurl.a" ] && [ "$(cat "$prefix/.stamp" 2>/dev/null)" = "$stamp" ]; then
    echo "libcurl $version: reusing $prefix"
    exit 0
fi

# 1. The source, through apt only.
apt_dir=$work/apt
rm -rf "$apt_dir" "$work/src" "$prefix"
mkdir -p "$apt_dir/sources.list.d" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$work/src"
keyring=$(pinned keyring)
{
    echo "Types: deb-src"
    echo "URIs: $(pinned mirror)"
    echo "Suites: $(pinned suites)"
    echo "Components: main"
    echo "Signed-By: $keyring"
    echo
    echo "Types: deb-src"
    echo "URIs: $(pinned security_mirror)"
    echo "Suites: $(pinned security_suites)"
    echo "Components: main"
    echo "Signed-By: $keyring"
} > "$apt_dir/sources.list.d/debian-src.sources"
# Root's apt downloads as the _apt user, which must be able to write the partial directories.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then
    chown _apt "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$work/src"
fi
apt_options=(
    -o "Dir::Etc::SourceList=/dev/null"
    -o "Dir::Etc::SourceParts=$apt_dir/sources.list.d"
    -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir/cache"
    -o "Dir::Etc::Preferences=/dev/null"
    -o "Dir::Etc::PreferencesParts=/dev/null"
    -o "Debug::NoLocking=true"
)
echo "libcurl $version: fetching Debian's source package with apt-get source"
apt-get "${apt_options[@]}" -qq update
# apt checks each downloaded file (.dsc, .orig.tar, .debian.tar) against the hashes in the signed Sources index
# and refuses a mismatch; dpkg-source then unpacks it and applies debian/patches in series order.
(cd "$work/src" && apt-get "${apt_options[@]}" -qq source "$package=$version" >/dev/null)
source_dir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name "$package-*" | sed -n 1p)
[ -d "$source_dir" ] || { echo "apt-get source left no $package-* directory in $work/src" >&2; exit 1; }
cd "$source_dir"
# The series ends with the patches that make the GnuTLS and NSS flavours (libcurl-gnutls, libcurl-nss); Debian's
# rules take them off again (`quilt pop` twice) for the OpenSSL flavour, and so does this script.
for flavour in 99_nss 90_gnutls; do
    patch -R -p1 -s < "debian/patches/$flavour.patch"
done

# 2. The build. Debian's patches touch configure.ac and Makefile.am, so the build system is regenerated. What is
# left out or off, and why (README, "Static build"): every protocol but HTTP(S); netrc (its getpwuid_r would need
# NSS); OpenSSL's configuration file (no engine or provider module is ever dlopen'ed); the threaded resolver
# (c-ares resolves instead of getaddrinfo, which would need NSS); NTLM, IDN, PSL, brotli, zstd, SSH, GSSAPI, QUIC.
echo "libcurl $version: building in $source_dir"
autoreconf -fi >/dev/null 2>&1
# Debian's own hardening and optimisation flags, as its package build uses.
CFLAGS=$(dpkg-buildflags --get CFLAGS) CPPFLAGS=$(dpkg-buildflags --get CPPFLAGS) \
./configure --quiet --prefix="$prefix" "${cross[@]}" \
    --disable-shared --enable-static --with-pic \
    --with-openssl --with-nghttp2 --enable-ares --with-zlib \
    --with-ca-bundle=/etc/ssl/certs/ca-certificates.crt --with-ca-path=/etc/ssl/certs \
    --enable-http --enable-proxy --enable-ipv6 \
    --disable-ftp --disable-file --disable-ldap --disable-ldaps --disable-rtsp --disable-dict --disable-telnet \
    --disable-tftp --disable-pop3 --disable-imap --disable-smb --disable-smtp --disable-gopher --disable-mqtt \
    --disable-ntlm --disable-ntlm-wb --disable-manual --disable-libcurl-option --disable-threaded-resolver \
    --disable-netrc --disable-openssl-auto-load-config \
    --without-libpsl --without-brotli --without-zstd --without-libidn2 --without-librtmp --without-libssh2 \
    --without-libssh --without-gssapi --without-nghttp3 --without-ngtcp2 --without-hyper --without-libgsasl \
    --without-msh3 --without-quiche
make -j"$(nproc)" -C lib >/dev/null
make -C lib install >/dev/null
make -C include install >/dev/null
make install-pkgconfigDATA install-binSCRIPTS >/dev/null

# 3. The prefix holds only the static library, so its libcurl.pc names the whole static link (what
# `pkg-config --static --libs` gives): SwiftPM reads Libs, not Libs.private, when it resolves CCurl.
pc=$prefix/lib/pkgconfig/libcurl.pc
private=$(sed -n 's/^Libs.private: *//p' "$pc")
sed -i "s|^Libs: .*|Libs: -L\${libdir} -lcurl $private|" "$pc"
# CURL_STATICLIB only changes Windows builds (no dllimport); SwiftPM refuses -D flags from pkg-config with a warning.
sed -i "s|^Cflags: .*|Cflags: -I\${includedir}|" "$pc"
echo "$stamp" > "$prefix/.stamp"
echo "libcurl $version: built $prefix/lib/libcurl.a ($(pkg-config --modversion "$pc"); $(sed -n 's/^Libs: //p' "$pc"))"
