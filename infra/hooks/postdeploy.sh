#!/bin/sh
# azd postdeploy hook: prints how to get the master key, issue the first operator token and add a host from the
# dashboard. It changes nothing: secrets are never written to the azd environment.
set -eu

: "${API_BASE_URL:?API_BASE_URL is not set; run this hook through azd after deploying}"
: "${AZURE_FUNCTION_APP_NAME:?AZURE_FUNCTION_APP_NAME is not set}"
: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set}"
dashboard=${DASHBOARD_URL:-"(see DASHBOARD_URL in azd env get-values)"}

cat <<STEPS

InfraFunctions is deployed.
  API:       $API_BASE_URL
  Dashboard: $dashboard
  Agent:     $dashboard/agent/install.sh

Next steps:

1. Read the function app's master key (this needs Owner or Contributor on the app):

     MASTER_KEY=\$(az functionapp keys list -g $AZURE_RESOURCE_GROUP -n $AZURE_FUNCTION_APP_NAME --query masterKey -o tsv)

2. Issue the first operator token, for the dashboard (operators add hosts; reader tokens only look):

     curl -sS -X POST "$API_BASE_URL/api/v1/admin/tokens" \\
       -H "x-functions-key: \$MASTER_KEY" -H "Content-Type: application/json" \\
       -d '{"role":"operator","name":"dashboard"}'

   Open $dashboard/#token=<token> once; the dashboard keeps the token.

3. Open the dashboard and choose Add host. It issues a key for the host and shows the one command to run on it:

     curl -fsSL $dashboard/agent/install.sh | sudo bash -s -- --endpoint $API_BASE_URL --key <key>

   The host appears on the dashboard once its first sample is in. For a fleet (cloud-init, Ansible, VM scale
   sets), create an enrollment token instead and run the same command with --enroll <token> in place of --key.

STEPS
