#!/bin/sh
# azd postprovision hook: writes the dashboard's config.json with the deployed API's base URL,
# into static-web/public (copied into the build) and static-web/dist when a build already exists.
# azd passes the Bicep outputs (API_BASE_URL, ...) as environment variables.
set -eu

: "${API_BASE_URL:?API_BASE_URL is not set; run this hook through azd after provisioning}"
case "$API_BASE_URL" in
  https://*) ;;
  *) echo "API_BASE_URL must be an https:// URL, got: $API_BASE_URL" >&2; exit 1 ;;
esac
case "$API_BASE_URL" in
  *\"* | *\\* | *" "*) echo "API_BASE_URL contains characters not allowed in a URL: $API_BASE_URL" >&2; exit 1 ;;
esac

root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
web_dir=${STATIC_WEB_DIR:-"$root/static-web"}
config=$(printf '{"api_base_url": "%s"}' "${API_BASE_URL%/}")

mkdir -p "$web_dir/public"
printf '%s\n' "$config" > "$web_dir/public/config.json"
echo "Wrote $web_dir/public/config.json: $config"
if [ -d "$web_dir/dist" ]; then
  printf '%s\n' "$config" > "$web_dir/dist/config.json"
  echo "Wrote $web_dir/dist/config.json"
fi
