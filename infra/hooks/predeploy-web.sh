#!/bin/sh
# azd predeploy hook of the web service: publishes the collector agent into the dashboard's build, as
# static-web/dist/agent/ (install.sh, SHA256SUMS, infra-agent-linux-<arch>), so the Static Web App serves the
# one-line install at $DASHBOARD_URL/agent/install.sh. It runs after provisioning, when the dashboard's URL is
# known, and after the build (vite empties dist when it builds), right before dist is uploaded.
#
#   INFRA_AGENT_ARCH (all)   x64, arm64 or all; an arm64 this machine cannot build is left out (see publish.sh)
#   AGENT_BINARIES_DIR       take infra-agent-linux-<arch> from this directory instead of publishing them here
#                            (built on another machine); install.sh and SHA256SUMS are still written here
set -eu

: "${DASHBOARD_URL:?DASHBOARD_URL is not set; run this hook through azd after provisioning}"
case "$DASHBOARD_URL" in
  https://*) ;;
  *) echo "DASHBOARD_URL must be an https:// URL, got: $DASHBOARD_URL" >&2; exit 1 ;;
esac

root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
dist=${STATIC_WEB_DIST:-"$root/static-web/dist"}
[ -d "$dist" ] || { echo "No dashboard build in $dist: azd builds it before deploying; run azd deploy web" >&2; exit 1; }

if [ -n "${AGENT_BINARIES_DIR:-}" ]; then
  mkdir -p "$dist/agent"
  found=0
  for arch in x64 arm64; do
    if [ -f "$AGENT_BINARIES_DIR/infra-agent-linux-$arch" ]; then
      cp "$AGENT_BINARIES_DIR/infra-agent-linux-$arch" "$dist/agent/infra-agent-linux-$arch"
      chmod 755 "$dist/agent/infra-agent-linux-$arch"
      found=1
    fi
  done
  [ "$found" = 1 ] || { echo "AGENT_BINARIES_DIR ($AGENT_BINARIES_DIR) holds no infra-agent-linux-x64 or -arm64" >&2; exit 1; }
  exec bash "$root/collector-agent/publish.sh" --out "$dist/agent" --download-base "$DASHBOARD_URL" --no-build
fi

exec bash "$root/collector-agent/publish.sh" --out "$dist/agent" --download-base "$DASHBOARD_URL" --arch "${INFRA_AGENT_ARCH:-all}"
