using System.Text.Json.Nodes;
using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

/// <summary>
/// The OpenTelemetry exporter publishes to Application Insights with the function app's own identity: the connection
/// string only names the component, the authentication string names the identity, and that identity holds the role.
/// </summary>
[Collection(BicepCollection.Name)]
public sealed class ApplicationInsightsTests(CompiledTemplate compiled)
{
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string IdentityClientId = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2024-11-30').clientId]";
    private const string IdentityPrincipalId = "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2024-11-30').principalId]";

    [Fact]
    public void TheConnectionStringIsTheComponentsOwnAndNoKeyIsReadAnywhere()
    {
        var (api, _) = compiled.FunctionAppSettings();

        var (where, connection) = api.Resolve(compiled.FunctionAppSetting("APPLICATIONINSIGHTS_CONNECTION_STRING"));

        Assert.Equal("monitoring", where.Name);
        Assert.Equal("[reference(resourceId('Microsoft.Insights/components', parameters('applicationInsightsName')), '2020-02-02').ConnectionString]", connection);
        Assert.DoesNotContain("listKeys", compiled.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey=", compiled.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(".InstrumentationKey", compiled.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheAuthenticationStringIsEntraIdWithTheClientIdOfTheIdentityTheAppRunsAs()
    {
        var (api, _) = compiled.FunctionAppSettings();
        var (_, site) = api.OwnResources().Select(r => (api, r)).Single(x => Deployment.Text(x.r, "type") == "Microsoft.Web/sites");

        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]", compiled.FunctionAppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        var (where, clientId) = api.Resolve("[parameters('identityClientId')]");
        Assert.Equal(("identity", IdentityClientId), (where.Name, clientId));

        // The app runs as that identity alone, so the client id is the one it signs in with for Tables and SignalR too.
        Assert.Equal("UserAssigned", Deployment.Text(site["identity"], "type"));
        Assert.Equal(["[format('{0}', parameters('identityId'))]"], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal("identity", api.Resolve("[parameters('identityId')]").Where.Name);
        Assert.Equal("[parameters('identityClientId')]", compiled.FunctionAppSetting("AZURE_CLIENT_ID"));
    }

    [Fact]
    public void TheAppsIdentityMayPublishToTheApplicationInsightsComponent()
    {
        var rbac = compiled.Main.Module("rbac");

        var publisher = rbac.OwnResources().Single(r => Deployment.Text(r["properties"], "roleDefinitionId")
            == "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('monitoringMetricsPublisherRoleId'))]");

        Assert.Equal(MonitoringMetricsPublisher, Deployment.Text(rbac.Template["variables"], "monitoringMetricsPublisherRoleId"));

        Assert.Equal("[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]", Deployment.Text(publisher, "scope"));
        Assert.Matches(@"'monitoring'\), '[^']+'\)\.outputs\.applicationInsightsName\.value\]$", Deployment.Text(rbac.PassedParameters!["applicationInsightsName"], "value"));
        Assert.Equal("ServicePrincipal", Deployment.Text(publisher["properties"], "principalType"));
        var (where, principal) = rbac.Resolve(Deployment.Text(publisher["properties"], "principalId"));
        Assert.Equal(("identity", IdentityPrincipalId), (where.Name, principal));
    }

    [Fact]
    public void TheComponentRefusesTelemetrySentWithTheInstrumentationKeyAlone()
    {
        var (_, insights) = compiled.Main.SingleResourceOfType("Microsoft.Insights/components");

        Assert.True(insights["properties"]!["DisableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void TheIngestSamplingRatioIsADocumentedParameterThatDefaultsToFivePercent()
    {
        var (api, _) = compiled.FunctionAppSettings();

        var parameter = api.MainParameterName(compiled.FunctionAppSetting("Telemetry__IngestSamplingRatio"));

        Assert.Equal("telemetryIngestSamplingRatio", parameter);
        var declared = compiled.Main.Template["parameters"]![parameter!]!;
        Assert.Equal(0.01, double.Parse(Deployment.Text(declared, "defaultValue"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("(Telemetry__IngestSamplingRatio)", Deployment.Text(declared["metadata"], "description"), StringComparison.Ordinal);
    }

    [Fact]
    public void UnwatchedAgentsAreToldToPostOnceAMinuteByDefault()
    {
        var (api, _) = compiled.FunctionAppSettings();

        var parameter = api.MainParameterName(compiled.FunctionAppSetting("Ingest__PostIntervalSeconds"));

        Assert.Equal("ingestPostIntervalSeconds", parameter);
        Assert.Equal(60, compiled.Main.Template["parameters"]![parameter!]!["defaultValue"]!.GetValue<int>());
    }
}
