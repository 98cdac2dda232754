using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class ServiceTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void SignalRRunsServerlessWithAccessKeysOff()
    {
        var (_, signalR) = compiled.Main.SingleResourceOfType("Microsoft.SignalRService/signalR");
        var features = signalR["properties"]!["features"]!.AsArray();

        Assert.Contains(features, f => Deployment.Text(f, "flag") == "ServiceMode" && Deployment.Text(f, "value") == "Serverless");
        Assert.True(signalR["properties"]!["disableLocalAuth"]!.GetValue<bool>());
        Assert.False(signalR["properties"]!["disableAadAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void SignalRSkuIsAParameterDefaultingToFree()
    {
        var (module, signalR) = compiled.Main.SingleResourceOfType("Microsoft.SignalRService/signalR");

        Assert.Equal("signalRSku", module.MainParameterName(Deployment.Text(signalR["sku"], "name")));
        Assert.Equal("Free_F1", Deployment.Text(compiled.Main.Template["parameters"]!["signalRSku"], "defaultValue"));
    }

    [Fact]
    public void SignalRCorsAllowsOnlyTheStaticWebAppOrigin()
    {
        var (module, signalR) = compiled.Main.SingleResourceOfType("Microsoft.SignalRService/signalR");
        var origin = Assert.Single(signalR["properties"]!["cors"]!["allowedOrigins"]!.AsArray())!.GetValue<string>();

        Assert.NotEqual("*", origin);
        FunctionAppTemplateTests.AssertIsTheStaticWebAppOrigin(module, origin);
    }

    [Fact]
    public void StaticWebAppSkuIsAParameterDefaultingToFree()
    {
        var (module, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/staticSites");

        Assert.Equal("staticWebAppSku", module.MainParameterName(Deployment.Text(site["sku"], "name")));
        Assert.Equal("Free", Deployment.Text(compiled.Main.Template["parameters"]!["staticWebAppSku"], "defaultValue"));
    }

    [Fact]
    public void ApplicationInsightsIsWorkspaceBasedWithLocalAuthOff()
    {
        var (module, insights) = compiled.Main.SingleResourceOfType("Microsoft.Insights/components");
        var properties = insights["properties"]!;

        Assert.True(properties["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]", Deployment.Text(properties, "WorkspaceResourceId"));
        Assert.Single(module.OwnResources(), r => Deployment.Text(r, "type") == "Microsoft.OperationalInsights/workspaces");
    }
}
