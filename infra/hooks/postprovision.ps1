# azd postprovision hook (Windows): writes the dashboard's config.json with the deployed API's base URL.
$ErrorActionPreference = 'Stop'

$apiBaseUrl = $env:API_BASE_URL
if ([string]::IsNullOrEmpty($apiBaseUrl)) { throw 'API_BASE_URL is not set; run this hook through azd after provisioning' }
if (-not $apiBaseUrl.StartsWith('https://')) { throw "API_BASE_URL must be an https:// URL, got: $apiBaseUrl" }

$root = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
$webDir = if ($env:STATIC_WEB_DIR) { $env:STATIC_WEB_DIR } else { Join-Path $root 'static-web' }
$config = @{ api_base_url = $apiBaseUrl.TrimEnd('/') } | ConvertTo-Json -Compress

New-Item -ItemType Directory -Force -Path (Join-Path $webDir 'public') | Out-Null
Set-Content -Path (Join-Path $webDir 'public/config.json') -Value $config -Encoding utf8NoBOM
Write-Host "Wrote $webDir/public/config.json: $config"
if (Test-Path (Join-Path $webDir 'dist')) {
    Set-Content -Path (Join-Path $webDir 'dist/config.json') -Value $config -Encoding utf8NoBOM
    Write-Host "Wrote $webDir/dist/config.json"
}
