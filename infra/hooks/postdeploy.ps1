# azd postdeploy hook (Windows): prints how to get the master key, the first reader token and an agent key.
$ErrorActionPreference = 'Stop'

$api = $env:API_BASE_URL
$app = $env:AZURE_FUNCTION_APP_NAME
$group = $env:AZURE_RESOURCE_GROUP
$dashboard = $env:DASHBOARD_URL
if (-not $api -or -not $app -or -not $group) { throw 'API_BASE_URL, AZURE_FUNCTION_APP_NAME and AZURE_RESOURCE_GROUP must be set; run this hook through azd' }

Write-Host @"

InfraFunctions is deployed.
  API:       $api
  Dashboard: $dashboard

Next steps:

1. Read the function app's master key:

     `$masterKey = az functionapp keys list -g $group -n $app --query masterKey -o tsv

2. Issue the first reader token, for the dashboard:

     Invoke-RestMethod -Method Post -Uri "$api/api/v1/admin/tokens" ``
       -Headers @{ 'x-functions-key' = `$masterKey } -ContentType 'application/json' ``
       -Body '{"role":"reader","name":"dashboard"}'

   Open $dashboard/#token=<token> once; the dashboard keeps the token.

3. Issue an agent key bound to the hosts it may report:

     Invoke-RestMethod -Method Post -Uri "$api/api/v1/admin/agents" ``
       -Headers @{ 'x-functions-key' = `$masterKey } -ContentType 'application/json' ``
       -Body '{"host_ids":["<host-id>"]}'

   The host id is the name the agent reports, by default the host's hostname.

4. Install the agent on that (Linux) host:

     sudo ./collector-agent/install.sh --endpoint $api --key <key>

"@
