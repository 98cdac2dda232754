# azd predeploy hook of the web service (Windows): the agent is a Linux NativeAOT binary, which only a Linux
# machine (or WSL) can publish. With bash at hand (WSL, Git Bash) and AGENT_BINARIES_DIR naming binaries built
# on Linux, this runs predeploy-web.sh; otherwise it says how to publish the downloads, and the dashboard is
# deployed without them.
$ErrorActionPreference = 'Stop'

if (-not $env:DASHBOARD_URL) { throw 'DASHBOARD_URL is not set; run this hook through azd after provisioning' }
$hook = Join-Path $PSScriptRoot 'predeploy-web.sh'
$bash = Get-Command bash -ErrorAction SilentlyContinue
if ($IsLinux -or $IsMacOS -or ($bash -and $env:AGENT_BINARIES_DIR)) {
    & bash $hook
    if ($LASTEXITCODE -ne 0) { throw "predeploy-web.sh exited $LASTEXITCODE" }
    return
}

Write-Warning @"
The agent downloads (/agent/install.sh and the binaries) were not published: they are built on Linux.
On Linux or in WSL, run:  collector-agent/publish.sh --out static-web/dist/agent --download-base $($env:DASHBOARD_URL)
then azd deploy web; or set AGENT_BINARIES_DIR to a folder holding infra-agent-linux-x64 (and -arm64) built there.
"@
