// The function app on Flex Consumption, with every setting the code reads.
// Its identity reaches storage, SignalR, Application Insights and Azure Monitor; no key is stored anywhere.

@description('Name of the function app.')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app; the app adds azd-service-name.')
param tags object

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity.')
param identityClientId string

@description('Blob endpoint of the storage account (https://<account>.blob.<suffix>/).')
param storageBlobEndpoint string

@description('Table endpoint of the storage account.')
param storageTableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (not a secret: ingestion requires an Entra token).')
param applicationInsightsConnectionString string

@description('Customer id (GUID) of the Log Analytics workspace, for the traces endpoint.')
param logAnalyticsCustomerId string

@description('Host name of the SignalR Service.')
param signalRHostName string

@description('The dashboard origin, the only one CORS allows.')
param allowedOrigin string

@description('Where the agent downloads are served (/agent/install.sh, the binaries): the dashboard\'s https origin (Agent__DownloadBaseUrl).')
param agentDownloadBaseUrl string

@description('Upper bound of Flex Consumption instances.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('Thresholds__CpuWarning')
param thresholdsCpuWarning int
@description('Thresholds__CpuCritical')
param thresholdsCpuCritical int
@description('Thresholds__MemoryWarning')
param thresholdsMemoryWarning int
@description('Thresholds__MemoryCritical')
param thresholdsMemoryCritical int
@description('Thresholds__DiskWarning')
param thresholdsDiskWarning int
@description('Thresholds__DiskCritical')
param thresholdsDiskCritical int

@description('Retention__RawDays')
param retentionRawDays int
@description('Retention__HourlyDays')
param retentionHourlyDays int
@description('Retention__DailyDays')
param retentionDailyDays int

@description('Ingest__PostIntervalSeconds')
param ingestPostIntervalSeconds int
@description('Ingest__MaxBodyBytes')
param ingestMaxBodyBytes int
@description('Ingest__MaxFutureSkewMinutes')
param ingestMaxFutureSkewMinutes int
@description('Ingest__StaleAfterIntervals')
param ingestStaleAfterIntervals int

@description('SignalR__HubName')
param signalRHubName string
@description('SignalR__ClientTokenLifetimeMinutes')
param signalRClientTokenLifetimeMinutes int
@description('SignalR__LeaseSeconds')
param signalRLeaseSeconds int
@description('SignalR__StreamPostIntervalSeconds')
param signalRStreamPostIntervalSeconds int

@description('SignalR__WatchedHostsRefreshSeconds')
param signalRWatchedHostsRefreshSeconds int

@description('RETENTION_SCHEDULE (NCRONTAB)')
param retentionSchedule string
@description('AGGREGATION_HOURLY_SCHEDULE (NCRONTAB)')
param aggregationHourlySchedule string
@description('AGGREGATION_DAILY_SCHEDULE (NCRONTAB)')
param aggregationDailySchedule string
@description('STALE_HOSTS_SCHEDULE (NCRONTAB)')
param staleHostsSchedule string
@description('DISK_FORECAST_SCHEDULE (NCRONTAB)')
param diskForecastSchedule string
@description('WEBHOOK_REDELIVERY_SCHEDULE (NCRONTAB)')
param webhookRedeliverySchedule string
@description('ALERT_NOTIFY_SCHEDULE (NCRONTAB)')
param alertNotifySchedule string

@description('Aggregation__LateSampleLookbackHours')
param aggregationLateSampleLookbackHours int
@description('Alerts__DurationSeconds')
param alertsDurationSeconds int
@description('Alerts__HysteresisPoints')
param alertsHysteresisPoints int
@description('Alerts__CheckDownSeconds')
param alertsCheckDownSeconds int
@description('Alerts__CertificateWarningDays')
param alertsCertificateWarningDays int
@description('Alerts__CertificateCriticalDays')
param alertsCertificateCriticalDays int
@description('Alerts__FlapTransitions')
param alertsFlapTransitions int
@description('Alerts__FlapWindowMinutes')
param alertsFlapWindowMinutes int
@description('Telemetry__IngestSamplingRatio')
param telemetryIngestSamplingRatio string
@description('Webhooks__GenericUrls')
@secure()
param webhooksGenericUrls string
@description('Webhooks__SlackUrls')
@secure()
param webhooksSlackUrls string
@description('Webhooks__TeamsUrls')
@secure()
param webhooksTeamsUrls string
@description('Webhooks__MaxAttempts')
param webhooksMaxAttempts int
@description('Webhooks__RetryDelayMilliseconds')
param webhooksRetryDelayMilliseconds int
@description('Webhooks__TimeoutSeconds')
param webhooksTimeoutSeconds int
@description('Monitor__LogAnalyticsEndpoint')
param monitorLogAnalyticsEndpoint string
@description('Monitor__ResourceManagerEndpoint')
param monitorResourceManagerEndpoint string
@description('Monitor__LogAnalyticsAudience')
param monitorLogAnalyticsAudience string
@description('Monitor__ResourceManagerAudience')
param monitorResourceManagerAudience string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: [
          allowedOrigin
        ]
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption sets FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION itself and refuses them here.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
      AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
      // The exporter signs in as the user-assigned identity (Monitoring Metrics Publisher); local auth is off.
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identityClientId}'
      AzureSignalRConnectionString: 'Endpoint=https://${signalRHostName};AuthType=azure.msi;ClientId=${identityClientId};Version=1.0;'
      Monitor__WorkspaceId: logAnalyticsCustomerId
      Monitor__FunctionAppResourceId: functionApp.id
      Monitor__ClientId: identityClientId
      Monitor__LogAnalyticsEndpoint: monitorLogAnalyticsEndpoint
      Monitor__ResourceManagerEndpoint: monitorResourceManagerEndpoint
      Monitor__LogAnalyticsAudience: monitorLogAnalyticsAudience
      Monitor__ResourceManagerAudience: monitorResourceManagerAudience
      Thresholds__CpuWarning: string(thresholdsCpuWarning)
      Thresholds__CpuCritical: string(thresholdsCpuCritical)
      Thresholds__MemoryWarning: string(thresholdsMemoryWarning)
      Thresholds__MemoryCritical: string(thresholdsMemoryCritical)
      Thresholds__DiskWarning: string(thresholdsDiskWarning)
      Thresholds__DiskCritical: string(thresholdsDiskCritical)
      Retention__RawDays: string(retentionRawDays)
      Retention__HourlyDays: string(retentionHourlyDays)
      Retention__DailyDays: string(retentionDailyDays)
      Ingest__PostIntervalSeconds: string(ingestPostIntervalSeconds)
      Ingest__MaxBodyBytes: string(ingestMaxBodyBytes)
      Ingest__MaxFutureSkewMinutes: string(ingestMaxFutureSkewMinutes)
      Ingest__StaleAfterIntervals: string(ingestStaleAfterIntervals)
      SignalR__HubName: signalRHubName
      SignalR__ClientTokenLifetimeMinutes: string(signalRClientTokenLifetimeMinutes)
      SignalR__LeaseSeconds: string(signalRLeaseSeconds)
      SignalR__StreamPostIntervalSeconds: string(signalRStreamPostIntervalSeconds)
      SignalR__WatchedHostsRefreshSeconds: string(signalRWatchedHostsRefreshSeconds)
      RETENTION_SCHEDULE: retentionSchedule
      AGGREGATION_HOURLY_SCHEDULE: aggregationHourlySchedule
      AGGREGATION_DAILY_SCHEDULE: aggregationDailySchedule
      STALE_HOSTS_SCHEDULE: staleHostsSchedule
      DISK_FORECAST_SCHEDULE: diskForecastSchedule
      WEBHOOK_REDELIVERY_SCHEDULE: webhookRedeliverySchedule
      ALERT_NOTIFY_SCHEDULE: alertNotifySchedule
      Aggregation__LateSampleLookbackHours: string(aggregationLateSampleLookbackHours)
      Alerts__DurationSeconds: string(alertsDurationSeconds)
      Alerts__HysteresisPoints: string(alertsHysteresisPoints)
      Alerts__CheckDownSeconds: string(alertsCheckDownSeconds)
      Alerts__CertificateWarningDays: string(alertsCertificateWarningDays)
      Alerts__CertificateCriticalDays: string(alertsCertificateCriticalDays)
      Alerts__FlapTransitions: string(alertsFlapTransitions)
      Alerts__FlapWindowMinutes: string(alertsFlapWindowMinutes)
      Telemetry__IngestSamplingRatio: telemetryIngestSamplingRatio
      // The Functions host's own request spans, sampled at the same share (the host reads the standard variables).
      OTEL_TRACES_SAMPLER: 'microsoft.fixed_percentage'
      OTEL_TRACES_SAMPLER_ARG: telemetryIngestSamplingRatio
      Webhooks__GenericUrls: webhooksGenericUrls
      Webhooks__SlackUrls: webhooksSlackUrls
      Webhooks__TeamsUrls: webhooksTeamsUrls
      Webhooks__MaxAttempts: string(webhooksMaxAttempts)
      Webhooks__RetryDelayMilliseconds: string(webhooksRetryDelayMilliseconds)
      Webhooks__TimeoutSeconds: string(webhooksTimeoutSeconds)
      // The install command the API hands out downloads from the dashboard's /agent/ and posts to this app.
      Agent__DownloadBaseUrl: agentDownloadBaseUrl
      Agent__ApiBaseUrl: 'https://${functionApp.properties.defaultHostName}'
    }
  }
}

// Publishing with a user name and password (FTP, Kudu basic auth) stays off; azd deploys with Entra tokens.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = functionApp.name
output id string = functionApp.id
output uri string = 'https://${functionApp.properties.defaultHostName}'
