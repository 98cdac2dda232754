#!/bin/sh
# azd postdeploy hook: prints how to get the master key, issue the first reader token and an agent key,
# and install the agent. It changes nothing: secrets are never written to the azd environment.
set -eu

: "${API_BASE_URL:?API_BASE_URL is not set; run this hook through azd after deploying}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set}"
dashboard=${DASHBOARD_URL:-"(see DASHBOARD_URL in azd env get-values)"}

cat <<STEPS

InfraFunctions is deployed.
  API:       $API_BASE_URL
  Dashboard: $dashboard

Next steps:

1. Read the function app's master key (this needs Owner or Contributor on the app):

     MASTER_KEY=\$(az functionapp keys list -g $AZURE_RESOURCE_GROUP -n $AZURE_FUNCTION_APP_NAME --query masterKey -o tsv)

2. Issue the first reader token, for the dashboard:

     curl -sS -X POST "$API_BASE_URL/api/v1/admin/tokens" \\
       -H "x-functions-key: \$MASTER_KEY" -H "Content-Type: application/json" \\
       -d '{"role":"reader","name":"dashboard"}'

   Open $dashboard/#token=<token> once; the dashboard keeps the token.

3. Issue an agent key bound to the hosts it may report:

     curl -sS -X POST "$API_BASE_URL/api/v1/admin/agents" \\
       -H "x-functions-key: \$MASTER_KEY" -H "Content-Type: application/json" \\
       -d '{"host_ids":["<host-id>"]}'

   The host id is the name the agent reports, by default the host's hostname.

4. Install the agent on that host:

     sudo ./collector-agent/install.sh --endpoint $API_BASE_URL --key <key>

STEPS
