#!/usr/bin/env bash
# Installs, upgrades or removes the InfraFunctions collector agent as a systemd service.
#
#   curl -fsSL <dashboard>/agent/install.sh | sudo bash -s -- --endpoint <api> --key <agent key>
#   curl -fsSL <dashboard>/agent/install.sh | sudo bash -s -- --endpoint <api> --enroll <enrollment token>
#   curl -fsSL <dashboard>/agent/install.sh | sudo bash -s --              (upgrade: keeps the key, spool, host id)
#   sudo bash install.sh --uninstall [--purge]
#
# It downloads infra-agent-linux-<arch> for this machine, checks it against SHA256SUMS, installs it with its
# systemd unit, waits for the first sample to be acknowledged, starts the service and prints the host's page.
#   --host-id ID         the host id to report (default: the one host the key is bound to, else the hostname)
#   --download-base URL  where /agent/ is served (written in when the script is published)
#   --binary PATH        install this binary instead of downloading one
#   --no-start           install only: no first post, no service start
#   --dry-run            print what would be done, change nothing
#   --destdir DIR        (or DESTDIR=DIR) install under DIR as if it were /, systemd left alone
# The key (or token) may come from INFRA_AGENT_KEY (or INFRA_AGENT_ENROLL_TOKEN) instead of the command line.
set -euo pipefail

# Written by publish.sh: the origin that serves this script as /agent/install.sh.
served_from=''

endpoint="" key="${INFRA_AGENT_KEY:-}" token="${INFRA_AGENT_ENROLL_TOKEN:-}" host_id=""
download_base="$served_from" binary="${INFRA_AGENT_BINARY:-}" destdir="${DESTDIR:-}"
dry_run=0 start=1 uninstall=0 purge=0

usage() {
  cat <<'USAGE'
install.sh: installs, upgrades or removes the InfraFunctions collector agent (systemd).
  install:   install.sh --endpoint <api> (--key <agent key> | --enroll <token>) [--host-id ID]
  upgrade:   install.sh                  (keeps the stored endpoint, key, host id and spool)
  uninstall: install.sh --uninstall [--purge]   (--purge also deletes the key and the spool)
  options:   --download-base URL, --binary PATH, --no-start, --dry-run, --destdir DIR (or DESTDIR=DIR)
USAGE
  exit "${1:-0}"
}
fail() { echo "install.sh: $*" >&2; exit 1; }
bad_usage() { echo "install.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --endpoint) endpoint="${2:?--endpoint needs a value}"; shift 2 ;;
    --key) key="${2:?--key needs a value}"; shift 2 ;;
    --enroll) token="${2:?--enroll needs an enrollment token}"; shift 2 ;;
    --host-id) host_id="${2:?--host-id needs a value}"; shift 2 ;;
    --download-base) download_base="${2:?--download-base needs a URL}"; shift 2 ;;
    --binary) binary="${2:?--binary needs a value}"; shift 2 ;;
    --destdir) destdir="${2:?--destdir needs a value}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --no-start) start=0; shift ;;
    --uninstall) uninstall=1; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage 2 ;;
  esac
done

destdir=${destdir%/}
bin_path="$destdir/usr/local/bin/infra-agent"
config_dir="$destdir/etc/infrafunctions"
config_path="$config_dir/agent.json"
unit_path="$destdir/etc/systemd/system/infra-agent.service"
# Under DESTDIR the configuration names DESTDIR's state directory too, so the installed agent runs from there.
state_dir="$destdir/var/lib/infrafunctions"
spool_dir="$state_dir/spool"
key_file="$state_dir/agent.key"

run() { if [ "$dry_run" = 1 ]; then echo "would run: $*"; else "$@"; fi; }

if [ "$dry_run" = 0 ] && [ -z "$destdir" ] && [ "$(id -u)" != 0 ]; then
  fail "run it as root (sudo), or with DESTDIR=DIR to install under a directory"
fi

stored_field() { # $1: a field of the installed agent.json (as this script writes it: one per line)
  [ -f "$config_path" ] || return 0
  sed -n "s/^  \"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" "$config_path" | head -n 1 | sed 's/\\"/"/g; s/\\\\/\\/g'
}

if [ "$uninstall" = 1 ]; then
  if [ -z "$destdir" ]; then
    run systemctl disable --now infra-agent.service 2>/dev/null || true
  fi
  run rm -f "$unit_path" "$bin_path" "$config_path"
  run rmdir "$config_dir" 2>/dev/null || true
  [ -n "$destdir" ] || run systemctl daemon-reload
  if [ "$purge" = 1 ]; then
    run rm -rf "$state_dir"
    echo "infra-agent removed, with its key and spool ($state_dir)."
  else
    echo "infra-agent removed. Its key and spool stay in $state_dir (--purge deletes them)."
  fi
  echo "The key still works until it is revoked: revoke it in the dashboard (Agents) once the host is gone."
  exit 0
fi

json_string() { local s="${1//\\/\\\\}"; s="${s//\"/\\\"}"; printf '"%s"' "$s"; }

# A re-run keeps what the last install stored.
[ -n "$endpoint" ] || endpoint=$(stored_field endpoint)
[ -n "$host_id" ] || host_id=$(stored_field host_id)
legacy_key=$(stored_field key) # older installs kept the key in agent.json

[ -n "$endpoint" ] || bad_usage "--endpoint is required (the function app's base URL, e.g. https://<app>.azurewebsites.net)"
case "$endpoint" in http://*|https://*) ;; *) bad_usage "--endpoint must start with http:// or https://" ;; esac
endpoint=${endpoint%/}
[ -z "$key" ] || [ -z "$token" ] || bad_usage "pass --key or --enroll, not both"
if [ -z "$key" ] && [ -z "$token" ] && [ ! -s "$key_file" ] && [ -z "$legacy_key" ] && [ "$dry_run" = 0 ]; then
  bad_usage "--key <agent key> or --enroll <enrollment token> is required (no key is stored yet in $key_file)"
fi
[ -z "$download_base" ] || download_base=${download_base%/}
if [ -z "$binary" ] && [ -z "$download_base" ]; then
  bad_usage "no download base: pass --download-base URL (where /agent/ is served) or --binary PATH"
fi
[ -z "$binary" ] || [ -f "$binary" ] || bad_usage "agent binary '$binary' not found"
command -v curl >/dev/null 2>&1 || [ -n "$binary" ] || fail "curl is needed (apt-get install curl)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# curl with the secret as a header read from stdin, never as an argument others could read in /proc.
curl_with() { local header=$1; shift; printf '%s\n' "$header" | curl -H @- "$@"; }

download_agent() {
  local arch name sums expected actual
  case "$(uname -m)" in
    x86_64|amd64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) fail "no agent is published for $(uname -m); x86_64 and aarch64 are" ;;
  esac
  name="infra-agent-linux-$arch"
  if [ "$dry_run" = 1 ]; then
    echo "would download $download_base/agent/$name and check it against $download_base/agent/SHA256SUMS"
    binary="$work/$name"
    return 0
  fi
  curl -fsSL --retry 3 -o "$work/SHA256SUMS" "$download_base/agent/SHA256SUMS" \
    || fail "could not download $download_base/agent/SHA256SUMS"
  sums=$(cat "$work/SHA256SUMS")
  expected=$(printf '%s\n' "$sums" | awk -v f="$name" '$2 == f || $2 == "*" f { print $1; exit }')
  [ -n "$expected" ] || fail "no agent is published for linux-$arch at $download_base/agent/ (SHA256SUMS does not list $name)"
  curl -fsSL --retry 3 -o "$work/$name" "$download_base/agent/$name" || fail "could not download $download_base/agent/$name"
  actual=$(sha256sum "$work/$name" | cut -d' ' -f1)
  if [ "$actual" != "$expected" ]; then
    fail "refusing $download_base/agent/$name: its SHA-256 is $actual, but SHA256SUMS lists $expected. The download was altered or cut short; nothing was installed."
  fi
  echo "Downloaded $name (SHA-256 $actual, as SHA256SUMS lists)."
  binary="$work/$name"
}

# The host id the key is bound to: GET /api/v1/ingest/identity answers {"agent_id", "host_ids"}. One host: that
# one; otherwise (several, or a server without the route) the hostname.
resolve_host_id() {
  local reply code body ids
  [ -z "$host_id" ] || return 0
  if [ -n "$key" ] && [ "$dry_run" = 0 ]; then
    reply=$(curl_with "Authorization: Bearer $key" -sS --retry 2 -w '\n%{http_code}' "$endpoint/api/v1/ingest/identity") || reply=$'\n000'
    code=${reply##*$'\n'}
    body=${reply%$'\n'*}
    case "$code" in
      200)
        ids=$(printf '%s' "$body" | tr -d '\n' | sed -n 's/.*"host_ids"[[:space:]]*:[[:space:]]*\[\([^]]*\)\].*/\1/p' | tr -d ' "')
        if [ -n "$ids" ] && [ "${ids#*,}" = "$ids" ]; then host_id=$ids; return 0; fi ;;
      401|403)
        fail "the server refused the key ($code): $(printf '%s' "$body" | sed -n 's/.*"detail"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')" ;;
      000)
        # Installing ahead of the network (an image being built, say) is fine; posting needs the server.
        [ "$start" = 0 ] || fail "could not reach $endpoint (is --endpoint the function app's URL?)"
        echo "install.sh: $endpoint is not reachable now; using the hostname as the host id" >&2 ;;
    esac
  fi
  host_id=$(hostname)
}

[ -n "$binary" ] || download_agent
resolve_host_id

config_json() {
  printf '{\n  "endpoint": %s,\n  "host_id": %s,\n  "spool_dir": %s,\n  "key_file": %s\n}\n' \
    "$(json_string "$endpoint")" "$(json_string "$host_id")" "$(json_string "$spool_dir")" "$(json_string "$state_dir/agent.key")"
}

unit_file() {
  cat <<'UNIT'
[Unit]
Description=InfraFunctions collector agent
Wants=network-online.target
After=network-online.target

[Service]
Type=notify
ExecStart=/usr/local/bin/infra-agent --config /etc/infrafunctions/agent.json
Restart=always
RestartSec=5
# A configuration error (2) or a refused enrollment (3) would only repeat: stay stopped until it is fixed.
RestartPreventExitStatus=2 3
# Root, read-only: counting other users' open files needs it; nothing is writable but /var/lib/infrafunctions
# (the spool and the key file).
StateDirectory=infrafunctions
StateDirectoryMode=0700
ProtectSystem=strict
ProtectHome=read-only
PrivateTmp=yes
NoNewPrivileges=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes

[Install]
WantedBy=multi-user.target
UNIT
}

# A secret file is never readable by others, not even for a moment: a left-over temporary file would keep its
# old mode through the redirection, so it is removed first and created under umask 077, then renamed into place.
write_private() { # $1: path; stdin: content
  rm -f "$1.tmp"
  (umask 077; cat >"$1.tmp")
  chmod 600 "$1.tmp"
  mv -f "$1.tmp" "$1"
}

if [ "$dry_run" = 1 ]; then
  echo "would install $binary to $bin_path (mode 755)"
  echo "would write $config_path (mode 600):"
  config_json
  [ -z "$key" ] || echo "would write the key to $key_file (mode 600)"
  echo "would write $unit_path:"
  unit_file
else
  # A new file renamed over the old one: a running agent keeps its own copy until it restarts.
  install -D -m 0755 "$binary" "$bin_path.new"
  mv -f "$bin_path.new" "$bin_path"
  install -d -m 0755 "$config_dir"
  install -d -m 0700 "$state_dir" "$spool_dir"
  if [ -n "$key" ]; then
    printf '%s\n' "$key" | write_private "$key_file"
  elif [ -z "$token" ] && [ ! -s "$key_file" ] && [ -n "$legacy_key" ]; then
    printf '%s\n' "$legacy_key" | write_private "$key_file"
  fi
  config_json | write_private "$config_path"
  install -d -m 0755 "$(dirname "$unit_path")"
  unit_file >"$unit_path"
  chmod 644 "$unit_path"
  echo "Installed $bin_path, $config_path and $unit_path (host id $host_id)."
fi

if [ -n "$token" ]; then
  # The token reaches the agent in its environment, never on its command line.
  if [ "$dry_run" = 1 ]; then
    echo "would run: $bin_path --config $config_path --enroll (the token in INFRA_AGENT_ENROLL_TOKEN)"
  else
    INFRA_AGENT_ENROLL_TOKEN="$token" "$bin_path" --config "$config_path" --enroll \
      || fail "enrollment failed (the reason is above); the files are installed, the service is not started. Run install.sh again with a valid token."
  fi
fi

if [ "$start" = 1 ]; then
  if [ "$dry_run" = 1 ]; then
    echo "would run: $bin_path --config $config_path --post-once"
  else
    echo "Posting a first sample to $endpoint ..."
    env -u INFRA_AGENT_KEY -u INFRA_AGENT_ENROLL_TOKEN "$bin_path" --config "$config_path" --post-once \
      || fail "the first sample was not accepted (the server's answer is above); the files are installed, the service is not started. Fix that and run install.sh again."
  fi
fi

page=""
[ -z "$download_base" ] || page="$download_base/host?id=$(printf '%s' "$host_id" | sed 's/%/%25/g; s/ /%20/g; s/&/%26/g; s/#/%23/g; s/+/%2B/g; s/?/%3F/g')"

if [ -n "$destdir" ]; then
  echo "Files written under $destdir; systemd left alone."
  [ -z "$page" ] || [ "$start" = 0 ] || echo "The host's page: $page"
  exit 0
fi

run systemctl daemon-reload
if [ "$start" = 1 ]; then
  run systemctl enable infra-agent.service
  run systemctl restart infra-agent.service
  echo "infra-agent is running: journalctl -u infra-agent -f"
  [ -z "$page" ] || echo "The host's page: $page"
else
  run systemctl enable infra-agent.service
fi
