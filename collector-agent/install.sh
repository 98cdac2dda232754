#!/usr/bin/env bash
# Installs the InfraFunctions collector agent as a systemd service.
#
#   sudo ./install.sh --endpoint https://<app>.azurewebsites.net --key <agent key> [--host-id ID] [--binary PATH]
#
# --dry-run prints what would be done and changes nothing. DESTDIR=/some/dir (or --destdir) writes every file
# under that directory instead of / and leaves systemd alone, for packaging and tests.
set -euo pipefail

endpoint="" key="" host_id="" dry_run=0 start=1
binary="${INFRA_AGENT_BINARY:-$(dirname "$0")/infra-agent}"
destdir="${DESTDIR:-}"

usage() { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --endpoint) endpoint="${2:?--endpoint needs a value}"; shift 2 ;;
    --key) key="${2:?--key needs a value}"; shift 2 ;;
    --host-id) host_id="${2:?--host-id needs a value}"; shift 2 ;;
    --binary) binary="${2:?--binary needs a value}"; shift 2 ;;
    --destdir) destdir="${2:?--destdir needs a value}"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    --no-start) start=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown argument '$1'" >&2; usage 2 ;;
  esac
done

[ -n "$endpoint" ] || { echo "install.sh: --endpoint is required (the function app's base URL)" >&2; exit 2; }
[ -n "$key" ] || { echo "install.sh: --key is required (an agent key from /api/v1/admin/agents)" >&2; exit 2; }
case "$endpoint" in http://*|https://*) ;; *) echo "install.sh: --endpoint must start with http:// or https://" >&2; exit 2 ;; esac
[ -f "$binary" ] || { echo "install.sh: agent binary '$binary' not found (publish it, or pass --binary)" >&2; exit 2; }

bin_path="$destdir/usr/local/bin/infra-agent"
config_dir="$destdir/etc/infrafunctions"
config_path="$config_dir/agent.json"
unit_path="$destdir/etc/systemd/system/infra-agent.service"

json_string() { local s="${1//\\/\\\\}"; s="${s//\"/\\\"}"; printf '"%s"' "$s"; }

config_json() { # $1: the key to write
  printf '{\n  "endpoint": %s,\n  "key": %s' "$(json_string "$endpoint")" "$(json_string "$1")"
  [ -z "$host_id" ] || printf ',\n  "host_id": %s' "$(json_string "$host_id")"
  printf ',\n  "spool_dir": "/var/lib/infrafunctions/spool"\n}\n'
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
# Root, read-only: counting other users' open files needs it; nothing else is writable but the spool.
StateDirectory=infrafunctions/spool
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

run() { if [ "$dry_run" = 1 ]; then echo "would run: $*"; else "$@"; fi; }

if [ "$dry_run" = 1 ]; then
  echo "would install $binary to $bin_path (mode 755)"
  echo "would write $config_path (mode 600):"
  config_json "<the key>"
  echo "would write $unit_path:"
  unit_file
else
  install -D -m 0755 "$binary" "$bin_path"
  install -d -m 0755 "$config_dir"
  # The key is never in a file others can read, not even for a moment: a left-over temporary file would keep its
  # old mode through the redirection, so it is removed first and created under umask 077.
  rm -f "$config_path.tmp"
  (umask 077; config_json "$key" > "$config_path.tmp")
  chmod 600 "$config_path.tmp"
  mv "$config_path.tmp" "$config_path"
  install -d -m 0755 "$(dirname "$unit_path")"
  unit_file > "$unit_path"
  chmod 644 "$unit_path"
fi

if [ -n "$destdir" ]; then
  echo "Files written under $destdir; systemd left alone."
  exit 0
fi

run systemctl daemon-reload
if [ "$start" = 1 ]; then
  run systemctl enable --now infra-agent.service
  echo "infra-agent is running: journalctl -u infra-agent -f"
else
  run systemctl enable infra-agent.service
fi
