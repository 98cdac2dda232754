# azd postdeploy hook (Windows): prints how to get the master key, the first operator token, and how to add a host.
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
  Agent:     $dashboard/agent/install.sh

Next steps:

1. Read the function app's master key:

     `$masterKey = az functionapp keys list -g $group -n $app --query masterKey -o tsv

2. Issue the first operator token, for the dashboard (operators add hosts; reader tokens only look):

     Invoke-RestMethod -Method Post -Uri "$api/api/v1/admin/tokens" ``
       -Headers @{ 'x-functions-key' = `$masterKey } -ContentType 'application/json' ``
       -Body '{"role":"operator","name":"dashboard"}'

   Open $dashboard/#token=<token> once; the dashboard keeps the token.

3. Open the dashboard and choose Add host. It issues a key for the host and shows the one command to run on
   that (Linux) host:

     curl -fsSL $dashboard/agent/install.sh | sudo bash -s -- --endpoint $api --key <key>

   The host appears on the dashboard once its first sample is in. For a fleet (cloud-init, Ansible, VM scale
   sets), create an enrollment token instead and run the same command with --enroll <token> in place of --key.

"@
