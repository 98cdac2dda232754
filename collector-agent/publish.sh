#!/usr/bin/env bash
# Publishes the collector agent for download: what a deployment serves under /agent/.
#
#   collector-agent/publish.sh --out DIR --download-base URL [--arch x64|arm64|all] [--configuration Release] [--no-build]
#
# DIR gets infra-agent-linux-<arch> (NativeAOT, one file each), install.sh with URL written in as where it is
# served from, and SHA256SUMS. URL is the origin that serves DIR as /agent/ (the dashboard's), so the one-line
# install is `curl -fsSL URL/agent/install.sh | sudo bash -s -- --endpoint <api> --key <key>`.
# --arch all (the default) publishes x64 and arm64; an architecture this machine cannot build is reported and
# left out, unless it was asked for by name. --no-build keeps the binaries already in DIR and writes install.sh
# and SHA256SUMS again (for a new URL, say).
set -euo pipefail

here=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
out="" base="" arch=all configuration=Release build=1

usage() { sed -n '2,11p' "$here/publish.sh" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "publish.sh: $*" >&2; exit 2; }
log() { printf '== %s\n' "$*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --download-base) base="${2:?--download-base needs a URL}"; shift 2 ;;
    --arch) arch="${2:?--arch needs x64, arm64 or all}"; shift 2 ;;
    --configuration|-c) configuration="${2:?--configuration needs a value}"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "publish.sh: unknown argument '$1'" >&2; usage 2 ;;
  esac
done

[ -n "$out" ] || die "--out is required (the directory served as /agent/)"
[ -n "$base" ] || die "--download-base is required (the origin that serves --out as /agent/, e.g. https://<dashboard>)"
case "$base" in http://*|https://*) ;; *) die "--download-base must start with http:// or https://, got: $base" ;; esac
case "$base" in *[\'\"\\\ \$\`]*) die "--download-base contains characters not allowed in a URL: $base" ;; esac
base=${base%/}
case "$arch" in x64) arches=(x64) ;; arm64) arches=(arm64) ;; all) arches=(x64 arm64) ;; *) die "--arch must be x64, arm64 or all" ;; esac

mkdir -p "$out"
out=$(cd "$out" && pwd)

# What a NativeAOT publish needs besides the SDK: a C toolchain to link with (the runtime pack brings its own
# zlib and brotli). For the other architecture: clang, which targets any, with that architecture's binutils,
# C runtime and libc, and llvm-objcopy to split the symbols off.
case "$(uname -m)" in
  x86_64|amd64) native=x64 ;;
  aarch64|arm64) native=arm64 ;;
  *) native=none ;;
esac
triple() { [ "$1" = x64 ] && echo x86_64-linux-gnu || echo aarch64-linux-gnu; }
libc_cross() { [ "$1" = x64 ] && echo libc6-dev-amd64-cross || echo libc6-dev-arm64-cross; }

toolchain_missing() { # $1: arch; prints the Debian packages its publish still needs
  local t
  t=$(triple "$1")
  if [ "$1" = "$native" ]; then
    command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || echo clang
    command -v objcopy >/dev/null 2>&1 || command -v llvm-objcopy >/dev/null 2>&1 || echo binutils
    return 0
  fi
  command -v clang >/dev/null 2>&1 || echo clang
  command -v llvm-objcopy >/dev/null 2>&1 || echo llvm
  command -v "$t-ld" >/dev/null 2>&1 || echo "binutils-$t"
  [ -d "/usr/lib/gcc-cross/$t" ] || echo "gcc-$t"
  [ -f "/usr/$t/lib/libc.so" ] || libc_cross "$1"
}

ensure_toolchain() { # $1: arch; 0 when it can be built now
  local missing
  missing=$(toolchain_missing "$1" | sort -u | tr '\n' ' ')
  [ -n "${missing// /}" ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "Installing what the linux-$1 publish needs: $missing"
    # shellcheck disable=SC2086 # one package per word
    if apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; then
      return 0
    fi
    echo "publish.sh: apt-get could not install $missing" >&2
    return 1
  fi
  echo "publish.sh: linux-$1 needs $missing: sudo apt-get install $missing" >&2
  return 1
}

publish_one() { # $1: arch; copies the binary into $out
  local work log_file
  work=$(mktemp -d)
  log_file="$work/publish.log"
  log "Publishing infra-agent for linux-$1 (NativeAOT, $configuration)"
  if ! dotnet publish "$here/InfraFunctions.Agent" -c "$configuration" -r "linux-$1" -p:PublishAot=true \
      -o "$work/bin" -nologo -v q >"$log_file" 2>&1 || [ ! -f "$work/bin/infra-agent" ]; then
    echo "publish.sh: the linux-$1 publish failed; its last lines:" >&2
    tail -n 20 "$log_file" | sed 's/^/    /' >&2
    rm -rf "$work"
    return 1
  fi
  install -m 0755 "$work/bin/infra-agent" "$out/infra-agent-linux-$1.tmp"
  mv -f "$out/infra-agent-linux-$1.tmp" "$out/infra-agent-linux-$1"
  rm -rf "$work"
}

if [ "$build" = 1 ]; then
  built=()
  for a in "${arches[@]}"; do
    if ensure_toolchain "$a" && publish_one "$a"; then
      built+=("$a")
    elif [ "$arch" = all ] && [ "$a" != x64 ]; then
      echo "publish.sh: leaving linux-$a out; install.sh on such a host says that no binary is published for it" >&2
    else
      exit 1
    fi
  done
  # DIR serves what this run built, nothing older.
  for a in x64 arm64; do
    [[ " ${built[*]} " == *" $a "* ]] || rm -f "$out/infra-agent-linux-$a"
  done
fi

# install.sh as served: the same script with the URL it is served from written in.
escaped=$(printf '%s' "$base" | sed 's/[&|]/\\&/g')
sed "s|^served_from=.*$|served_from='$escaped'|" "$here/install.sh" >"$out/install.sh.tmp"
grep -qxF "served_from='$base'" "$out/install.sh.tmp" || die "install.sh has no served_from= line to write the URL into"
chmod 0644 "$out/install.sh.tmp"
mv -f "$out/install.sh.tmp" "$out/install.sh"

(
  cd "$out"
  files=(install.sh)
  for a in x64 arm64; do [ ! -f "infra-agent-linux-$a" ] || files+=("infra-agent-linux-$a"); done
  sha256sum "${files[@]}" >SHA256SUMS.tmp
  mv -f SHA256SUMS.tmp SHA256SUMS
)
log "Published to $out for $base/agent/: $(cd "$out" && ls infra-agent-linux-* 2>/dev/null | tr '\n' ' ')install.sh SHA256SUMS"
