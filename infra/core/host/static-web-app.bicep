@description('Name of the Static Web App.')
param name string

@description('Azure region of the Static Web App (a Static Web Apps region).')
param location string

@description('Tags applied to the Static Web App, including azd-service-name.')
param tags object

@description('Free or Standard.')
@allowed([
  'Free'
  'Standard'
])
param sku string

resource staticWebApp 'Microsoft.Web/staticSites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
    tier: sku
  }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Enabled'
  }
}

output name string = staticWebApp.name
output defaultHostName string = staticWebApp.properties.defaultHostname
output uri string = 'https://${staticWebApp.properties.defaultHostname}'
