using InfraFunctions.Core.Monitor;
using InfraFunctions.Core.Options;
using InfraFunctions.Testing;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Tests.Monitor;

/// <summary>The Monitor endpoints and token scopes as app settings configure them.</summary>
public sealed class MonitorEndpointsTests
{
    [Fact]
    public void ThePublicCloudIsTheDefaultWithTheLogAnalyticsAndManagementScopes()
    {
        var endpoints = MonitorEndpoints.From(new MonitorOptions());

        Assert.Equal(new Uri("https://api.loganalytics.azure.com"), endpoints.LogAnalytics);
        Assert.Equal("https://api.loganalytics.io/.default", endpoints.LogAnalyticsScope);
        Assert.Equal(new Uri("https://management.azure.com"), endpoints.ResourceManager);
        Assert.Equal("https://management.azure.com/.default", endpoints.ResourceManagerScope);
    }

    [Theory]
    [InlineData("https://api.loganalytics.azure.cn", "https://management.chinacloudapi.cn/")]
    [InlineData("https://api.loganalytics.us/", "https://management.usgovcloudapi.net")]
    public void ASovereignCloudsTokensAreForItsOwnEndpoints(string logs, string arm)
    {
        var endpoints = MonitorEndpoints.From(new MonitorOptions { LogAnalyticsEndpoint = logs, ResourceManagerEndpoint = arm });

        Assert.Equal(logs.TrimEnd('/') + "/.default", endpoints.LogAnalyticsScope);
        Assert.Equal(arm.TrimEnd('/') + "/.default", endpoints.ResourceManagerScope);
        Assert.Equal(new Uri(arm), endpoints.ResourceManager);
    }

    [Fact]
    public void AnAudienceSettingOverridesTheEndpointsAudience()
    {
        var endpoints = MonitorEndpoints.From(new MonitorOptions
        {
            LogAnalyticsEndpoint = "https://logs.example.net",
            LogAnalyticsAudience = "https://api.loganalytics.io/",
            ResourceManagerEndpoint = "https://arm.example.net:8443",
        });

        Assert.Equal("https://api.loganalytics.io/.default", endpoints.LogAnalyticsScope);
        Assert.Equal("https://arm.example.net:8443/.default", endpoints.ResourceManagerScope);
    }

    [Theory]
    [InlineData("Monitor:LogAnalyticsEndpoint", "http://api.loganalytics.azure.com")]
    [InlineData("Monitor:LogAnalyticsEndpoint", "api.loganalytics.azure.cn")]
    [InlineData("Monitor:ResourceManagerEndpoint", "https://management.azure.com/subscriptions")]
    [InlineData("Monitor:ResourceManagerEndpoint", "")]
    [InlineData("Monitor:LogAnalyticsAudience", "not a url")]
    [InlineData("Monitor:ResourceManagerAudience", "https://management.azure.com/?x=1")]
    public async Task AnEndpointOrAudienceThatIsNotAnHttpsOriginIsRefusedNamingTheSetting(string key, string value)
    {
        await using var core = CoreHarness.Create("UseDevelopmentStorage=true", DateTimeOffset.UnixEpoch, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => core.Get<IOptions<MonitorOptions>>().Value);

        Assert.Contains(key.Replace(":", "__", StringComparison.Ordinal) + " must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultsPassValidation()
    {
        await using var core = CoreHarness.Create("UseDevelopmentStorage=true", DateTimeOffset.UnixEpoch);

        Assert.Equal(MonitorOptions.DefaultLogAnalyticsEndpoint, core.Get<IOptions<MonitorOptions>>().Value.LogAnalyticsEndpoint);
    }
}
