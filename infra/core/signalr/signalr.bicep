@description('Name of the SignalR Service.')
param name string

@description('Azure region of the service.')
param location string

@description('Tags applied to the service.')
param tags object

@description('SignalR Service SKU: Free_F1 (20 connections, 20,000 messages a day), Standard_S1 or Premium_P1.')
@allowed([
  'Free_F1'
  'Standard_S1'
  'Premium_P1'
])
param sku string

@description('Units of a Standard or Premium SKU (1,000 connections each). Free is always 1.')
@minValue(1)
@maxValue(100)
param capacity int = 1

@description('The only browser origin allowed to connect (the dashboard).')
param allowedOrigin string

resource signalR 'Microsoft.SignalRService/signalR@2024-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'SignalR'
  sku: {
    name: sku
    tier: split(sku, '_')[0]
    capacity: sku == 'Free_F1' ? 1 : capacity
  }
  properties: {
    features: [
      {
        // No hub server: the functions send through the REST API (serverless mode).
        flag: 'ServiceMode'
        value: 'Serverless'
      }
      {
        flag: 'EnableConnectivityLogs'
        value: 'True'
      }
    ]
    cors: {
      allowedOrigins: [
        allowedOrigin
      ]
    }
    // Access keys are off: the function app authenticates with its managed identity.
    disableLocalAuth: true
    disableAadAuth: false
    publicNetworkAccess: 'Enabled'
    tls: {
      clientCertEnabled: false
    }
  }
}

output name string = signalR.name
output hostName string = signalR.properties.hostName
