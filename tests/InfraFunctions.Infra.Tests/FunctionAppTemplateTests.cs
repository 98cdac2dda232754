using InfraFunctions.Infra.Tests.Support;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void FunctionAppRunsOnAFlexConsumptionPlan()
    {
        var (_, plan) = compiled.Main.SingleResourceOfType("Microsoft.Web/serverfarms");
        var (_, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");

        Assert.Equal("FC1", Deployment.Text(plan["sku"], "name"));
        Assert.Equal("FlexConsumption", Deployment.Text(plan["sku"], "tier"));
        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>());
        Assert.Equal("functionapp,linux", Deployment.Text(site, "kind"));
        Assert.Contains("Microsoft.Web/serverfarms", Deployment.Text(site["properties"], "serverFarmId"), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionAppRuntimeIsDotnetIsolatedTen()
    {
        var (_, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");
        var runtime = site["properties"]!["functionAppConfig"]!["runtime"];

        Assert.Equal("dotnet-isolated", Deployment.Text(runtime, "name"));
        Assert.Equal("10.0", Deployment.Text(runtime, "version"));
    }

    [Fact]
    public void InstanceCountAndMemoryAreParameters()
    {
        var (api, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");
        var scale = site["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal("maximumInstanceCount", api.MainParameterName(Deployment.Text(scale, "maximumInstanceCount")));
        Assert.Equal("instanceMemoryMB", api.MainParameterName(Deployment.Text(scale, "instanceMemoryMB")));
        Assert.NotNull(compiled.Main.Template["parameters"]!["maximumInstanceCount"]!["defaultValue"]);
        Assert.NotNull(compiled.Main.Template["parameters"]!["instanceMemoryMB"]!["defaultValue"]);
    }

    [Fact]
    public void FunctionAppRunsAsTheUserAssignedIdentityAndDeploysWithIt()
    {
        var (api, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");
        var identities = site["identity"]!["userAssignedIdentities"]!.AsObject();
        var authentication = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;

        Assert.Equal("UserAssigned", Deployment.Text(site["identity"], "type"));
        Assert.Equal("[format('{0}', parameters('identityId'))]", Assert.Single(identities).Key);
        Assert.Equal("UserAssignedIdentity", Deployment.Text(authentication, "type"));
        Assert.Equal("[parameters('identityId')]", Deployment.Text(authentication, "userAssignedIdentityResourceId"));
        var (where, identityId) = api.Resolve("[parameters('identityId')]");
        Assert.Equal("identity", where.Name);
        Assert.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", identityId, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionAppIsHttpsOnlyWithTls12AndNoFtp()
    {
        var (_, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", Deployment.Text(config, "minTlsVersion"));
        Assert.Equal("1.2", Deployment.Text(config, "scmMinTlsVersion"));
        Assert.Equal("Disabled", Deployment.Text(config, "ftpsState"));
    }

    [Fact]
    public void PublishingWithBasicCredentialsIsOff()
    {
        var policies = compiled.Main.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.Equal(["ftp", "scm"], policies.Select(p => Deployment.Text(p.Resource, "name").Split('\'')[^2]).Order());
        Assert.All(policies, p => Assert.False(p.Resource["properties"]!["allow"]!.GetValue<bool>()));
    }

    [Fact]
    public void CorsAllowsOnlyTheStaticWebAppOrigin()
    {
        var (api, site) = compiled.Main.SingleResourceOfType("Microsoft.Web/sites");
        var cors = site["properties"]!["siteConfig"]!["cors"]!;
        var origin = Assert.Single(cors["allowedOrigins"]!.AsArray())!.GetValue<string>();

        Assert.NotEqual("*", origin);
        Assert.False(cors["supportCredentials"]!.GetValue<bool>());
        AssertIsTheStaticWebAppOrigin(api, origin);
    }

    internal static void AssertIsTheStaticWebAppOrigin(Deployment where, string origin)
    {
        var (resolvedIn, expression) = where.Resolve(origin);
        Assert.Equal("web", resolvedIn.Name);
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/staticSites', parameters('name')), '2025-03-01').defaultHostname)]", expression);
    }
}
