targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Azure region of the resources (one that offers Flex Consumption).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user, granted table data access for troubleshooting. Empty to skip.')
param principalId string = ''

@description('Principal type of principalId: User, or ServicePrincipal when deployed from a pipeline.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Region of the Static Web App, which is offered in fewer regions than the rest.')
@allowed([
  'centralus'
  'eastasia'
  'eastus2'
  'westeurope'
  'westus2'
])
param staticWebAppLocation string = 'eastus2'

@description('Static Web App SKU.')
@allowed([
  'Free'
  'Standard'
])
param staticWebAppSku string = 'Free'

@description('SignalR Service SKU. Free_F1 allows 20 concurrent dashboard connections and 20,000 messages a day.')
@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param signalRSku string = 'Free_F1'

@description('SignalR units for Standard_S1 or Premium_P1 (1,000 connections each).')
@minValue(1)
@maxValue(100)
param signalRCapacity int = 1

@description('Upper bound of Flex Consumption instances of the function app.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each Flex Consumption instance, in MB. Billing is memory times active time, so 512 keeps idle cost lowest; use 2048 under memory pressure.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 512

@description('Daily ingestion cap of the Log Analytics workspace in GB; -1 for none. Telemetry past the cap is dropped until the next day.')
@minValue(-1)
param logAnalyticsDailyQuotaGb int = -1

@description('CPU warning level in percent (Thresholds__CpuWarning).')
@minValue(0)
@maxValue(100)
param thresholdsCpuWarning int = 70

@description('CPU critical level in percent (Thresholds__CpuCritical).')
@minValue(0)
@maxValue(100)
param thresholdsCpuCritical int = 90

@description('Memory warning level in percent (Thresholds__MemoryWarning).')
@minValue(0)
@maxValue(100)
param thresholdsMemoryWarning int = 75

@description('Memory critical level in percent (Thresholds__MemoryCritical).')
@minValue(0)
@maxValue(100)
param thresholdsMemoryCritical int = 90

@description('Disk warning level in percent (Thresholds__DiskWarning).')
@minValue(0)
@maxValue(100)
param thresholdsDiskWarning int = 80

@description('Disk critical level in percent (Thresholds__DiskCritical).')
@minValue(0)
@maxValue(100)
param thresholdsDiskCritical int = 95

@description('Days raw samples are kept (Retention__RawDays).')
@minValue(1)
@maxValue(3650)
param retentionRawDays int = 30

@description('Days hourly rollups are kept (Retention__HourlyDays).')
@minValue(1)
@maxValue(3650)
param retentionHourlyDays int = 90

@description('Days daily rollups are kept (Retention__DailyDays).')
@minValue(1)
@maxValue(36500)
param retentionDailyDays int = 365

@description('Seconds between an unwatched agent\'s posts (Ingest__PostIntervalSeconds).')
@minValue(2)
@maxValue(3600)
param ingestPostIntervalSeconds int = 60

@description('Largest accepted ingest body after decompression, in bytes (Ingest__MaxBodyBytes).')
@minValue(1024)
@maxValue(16777216)
param ingestMaxBodyBytes int = 1048576

@description('How far ahead of the server clock a sample may be, in minutes (Ingest__MaxFutureSkewMinutes).')
@minValue(0)
@maxValue(60)
param ingestMaxFutureSkewMinutes int = 5

@description('Reporting intervals of silence after which a host is down (Ingest__StaleAfterIntervals).')
@minValue(1)
@maxValue(100)
param ingestStaleAfterIntervals int = 3

@description('SignalR hub the dashboard connects to (SignalR__HubName).')
param signalRHubName string = 'observability'

@description('Minutes a client token from negotiate is valid (SignalR__ClientTokenLifetimeMinutes).')
@minValue(1)
@maxValue(1440)
param signalRClientTokenLifetimeMinutes int = 5

@description('Seconds a start-metrics-stream lease lives unless renewed (SignalR__LeaseSeconds).')
@minValue(1)
@maxValue(3600)
param signalRLeaseSeconds int = 120

@description('Seconds between posts of a host someone watches live (SignalR__StreamPostIntervalSeconds).')
@minValue(1)
@maxValue(60)
param signalRStreamPostIntervalSeconds int = 2

@description('How often each instance reads who watches which host live (SignalR__WatchedHostsRefreshSeconds): a stream started through another instance counts within this time.')
@minValue(1)
@maxValue(60)
param signalRWatchedHostsRefreshSeconds int = 5

@description('NCRONTAB schedule of the retention cleanup (RETENTION_SCHEDULE): daily at 02:30 UTC.')
param retentionSchedule string = '0 30 2 * * *'

@description('NCRONTAB schedule of the hourly rollup (AGGREGATION_HOURLY_SCHEDULE): five minutes past each hour.')
param aggregationHourlySchedule string = '0 5 * * * *'

@description('NCRONTAB schedule of the daily rollup (AGGREGATION_DAILY_SCHEDULE): daily at 00:15 UTC.')
param aggregationDailySchedule string = '0 15 0 * * *'

@description('NCRONTAB schedule of the stale-host and alert sweep (STALE_HOSTS_SCHEDULE): every minute.')
param staleHostsSchedule string = '0 * * * * *'

@description('NCRONTAB schedule of the disk-fill forecast sweep (DISK_FORECAST_SCHEDULE): twenty past each hour, after the hourly rollup.')
param diskForecastSchedule string = '0 20 * * * *'

@description('NCRONTAB schedule of the webhook redelivery sweep (WEBHOOK_REDELIVERY_SCHEDULE): every five minutes.')
param webhookRedeliverySchedule string = '30 */5 * * * *'

@description('NCRONTAB schedule of the alert notification sweep (ALERT_NOTIFY_SCHEDULE): every minute; sends held alerts once their silence ends, and re-notifications.')
param alertNotifySchedule string = '15 * * * * *'

@description('Hours back a late sample still recomputes its rolled-up hour and day (Aggregation__LateSampleLookbackHours).')
@minValue(1)
@maxValue(720)
param aggregationLateSampleLookbackHours int = 48

@description('Seconds a condition must hold before an alert raises, and clear before it resolves (Alerts__DurationSeconds).')
@minValue(0)
@maxValue(86400)
param alertsDurationSeconds int = 60

@description('Points below the threshold a value must fall before its alert resolves (Alerts__HysteresisPoints).')
@minValue(0)
@maxValue(50)
param alertsHysteresisPoints int = 5

@description('Seconds a service check must stay down before its alert raises (Alerts__CheckDownSeconds).')
@minValue(0)
@maxValue(86400)
param alertsCheckDownSeconds int = 60

@description('Days before a checked TLS certificate expires when its warning alert raises (Alerts__CertificateWarningDays).')
@minValue(1)
@maxValue(365)
param alertsCertificateWarningDays int = 14

@description('Days before a checked TLS certificate expires when its critical alert raises, and at once once expired (Alerts__CertificateCriticalDays).')
@minValue(0)
@maxValue(365)
param alertsCertificateCriticalDays int = 3

@description('Raises and resolves of one alert track within the flapping window beyond which it is flapping and its notifications are held (Alerts__FlapTransitions).')
@minValue(1)
@maxValue(100)
param alertsFlapTransitions int = 6

@description('Minutes flapping is counted in; a flapping track settles after this long without a raise or resolve (Alerts__FlapWindowMinutes).')
@minValue(1)
@maxValue(1440)
param alertsFlapWindowMinutes int = 30

@description('Share of successful ingest invocations whose traces are exported, 0 to 1; failures and other functions are always kept (Telemetry__IngestSamplingRatio). A decimal, so a string.')
param telemetryIngestSamplingRatio string = '0.01'

@description('Receivers of alert events as plain JSON, separated by spaces, commas or semicolons; empty for none (Webhooks__GenericUrls).')
@secure()
param webhooksGenericUrls string = ''

@description('Slack incoming webhook URLs for alert events; empty for none (Webhooks__SlackUrls).')
@secure()
param webhooksSlackUrls string = ''

@description('Teams incoming webhook URLs for alert events (MessageCard); empty for none (Webhooks__TeamsUrls).')
@secure()
param webhooksTeamsUrls string = ''

@description('Tries per webhook delivery, the first included (Webhooks__MaxAttempts).')
@minValue(1)
@maxValue(20)
param webhooksMaxAttempts int = 6

@description('Milliseconds before the first webhook retry; each next retry waits twice as long, up to five minutes (Webhooks__RetryDelayMilliseconds).')
@minValue(1)
@maxValue(600000)
param webhooksRetryDelayMilliseconds int = 2000

@description('Seconds each webhook request may take (Webhooks__TimeoutSeconds).')
@minValue(1)
@maxValue(300)
param webhooksTimeoutSeconds int = 10

// The public cloud's endpoints, the same defaults as the code's; a sovereign cloud (Azure China, Azure US
// Government) passes its own. environment() has no Log Analytics endpoint, so both are plain parameters.
@description('Log Analytics query API, an https origin (Monitor__LogAnalyticsEndpoint).')
param monitorLogAnalyticsEndpoint string = 'https://api.loganalytics.azure.com'

@description('Azure Resource Manager, which serves the Monitor metrics API, an https origin (Monitor__ResourceManagerEndpoint).')
#disable-next-line no-hardcoded-env-urls
param monitorResourceManagerEndpoint string = 'https://management.azure.com'

@description('Token audience for Log Analytics when it is not the endpoint\'s own; empty for the endpoint\'s (Monitor__LogAnalyticsAudience).')
param monitorLogAnalyticsAudience string = ''

@description('Token audience for Resource Manager when it is not the endpoint\'s own; empty for the endpoint\'s (Monitor__ResourceManagerAudience).')
param monitorResourceManagerAudience string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${resourceToken}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/security/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    dailyQuotaGb: logAnalyticsDailyQuotaGb
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    containers: [
      deploymentContainerName
    ]
  }
}

module web 'core/host/static-web-app.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}${resourceToken}'
    location: staticWebAppLocation
    tags: union(tags, { 'azd-service-name': 'web' })
    sku: staticWebAppSku
  }
}

module signalR 'core/signalr/signalr.bicep' = {
  name: 'signalr'
  scope: rg
  params: {
    name: '${abbrs.signalRServiceSignalR}${resourceToken}'
    location: location
    tags: tags
    sku: signalRSku
    capacity: signalRCapacity
    allowedOrigin: web.outputs.uri
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    logAnalyticsCustomerId: monitoring.outputs.logAnalyticsCustomerId
    signalRHostName: signalR.outputs.hostName
    allowedOrigin: web.outputs.uri
    agentDownloadBaseUrl: web.outputs.uri
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    thresholdsCpuWarning: thresholdsCpuWarning
    thresholdsCpuCritical: thresholdsCpuCritical
    thresholdsMemoryWarning: thresholdsMemoryWarning
    thresholdsMemoryCritical: thresholdsMemoryCritical
    thresholdsDiskWarning: thresholdsDiskWarning
    thresholdsDiskCritical: thresholdsDiskCritical
    retentionRawDays: retentionRawDays
    retentionHourlyDays: retentionHourlyDays
    retentionDailyDays: retentionDailyDays
    ingestPostIntervalSeconds: ingestPostIntervalSeconds
    ingestMaxBodyBytes: ingestMaxBodyBytes
    ingestMaxFutureSkewMinutes: ingestMaxFutureSkewMinutes
    ingestStaleAfterIntervals: ingestStaleAfterIntervals
    signalRHubName: signalRHubName
    signalRClientTokenLifetimeMinutes: signalRClientTokenLifetimeMinutes
    signalRLeaseSeconds: signalRLeaseSeconds
    signalRStreamPostIntervalSeconds: signalRStreamPostIntervalSeconds
    signalRWatchedHostsRefreshSeconds: signalRWatchedHostsRefreshSeconds
    retentionSchedule: retentionSchedule
    aggregationHourlySchedule: aggregationHourlySchedule
    aggregationDailySchedule: aggregationDailySchedule
    staleHostsSchedule: staleHostsSchedule
    diskForecastSchedule: diskForecastSchedule
    webhookRedeliverySchedule: webhookRedeliverySchedule
    alertNotifySchedule: alertNotifySchedule
    aggregationLateSampleLookbackHours: aggregationLateSampleLookbackHours
    alertsDurationSeconds: alertsDurationSeconds
    alertsHysteresisPoints: alertsHysteresisPoints
    alertsCheckDownSeconds: alertsCheckDownSeconds
    alertsCertificateWarningDays: alertsCertificateWarningDays
    alertsCertificateCriticalDays: alertsCertificateCriticalDays
    alertsFlapTransitions: alertsFlapTransitions
    alertsFlapWindowMinutes: alertsFlapWindowMinutes
    telemetryIngestSamplingRatio: telemetryIngestSamplingRatio
    webhooksGenericUrls: webhooksGenericUrls
    webhooksSlackUrls: webhooksSlackUrls
    webhooksTeamsUrls: webhooksTeamsUrls
    webhooksMaxAttempts: webhooksMaxAttempts
    webhooksRetryDelayMilliseconds: webhooksRetryDelayMilliseconds
    webhooksTimeoutSeconds: webhooksTimeoutSeconds
    monitorLogAnalyticsEndpoint: monitorLogAnalyticsEndpoint
    monitorResourceManagerEndpoint: monitorResourceManagerEndpoint
    monitorLogAnalyticsAudience: monitorLogAnalyticsAudience
    monitorResourceManagerAudience: monitorResourceManagerAudience
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    signalRName: signalR.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    logAnalyticsName: monitoring.outputs.logAnalyticsName
    functionAppName: api.outputs.name
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output API_BASE_URL string = api.outputs.uri
output DASHBOARD_URL string = web.outputs.uri
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_SIGNALR_NAME string = signalR.outputs.name
output AZURE_STATIC_WEB_APP_NAME string = web.outputs.name
