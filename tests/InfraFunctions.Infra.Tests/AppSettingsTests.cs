using System.Text.Json.Nodes;
using InfraFunctions.Infra.Tests.Support;
using NCrontab;

namespace InfraFunctions.Infra.Tests;

[Collection(BicepCollection.Name)]
public sealed class AppSettingsTests(CompiledTemplate compiled)
{
    // Schedules of the rollup, retention and alert timers, set even before each function exists.
    public static TheoryData<string, int> DesignSchedules => new()
    {
        { "RETENTION_SCHEDULE", 24 * 60 },
        { "AGGREGATION_HOURLY_SCHEDULE", 60 },
        { "AGGREGATION_DAILY_SCHEDULE", 24 * 60 },
        { "STALE_HOSTS_SCHEDULE", 1 },
        { "DISK_FORECAST_SCHEDULE", 60 },
        { "WEBHOOK_REDELIVERY_SCHEDULE", 5 },
        { "ALERT_NOTIFY_SCHEDULE", 1 },
    };

    [Fact]
    public void FunctionAppSetsEverySettingTheCodeReads()
    {
        var (_, settings) = compiled.FunctionAppSettings();
        var missing = SettingsTheCodeReads.All().Where(s => !settings.ContainsKey(s.Name)).ToList();

        Assert.True(missing.Count == 0, "The function app does not set: " + string.Join(", ", missing.Select(m => $"{m.Name} (from {m.Source})")));
    }

    [Fact]
    public void OptionsSectionsAndTimerSchedulesAreFound()
    {
        Assert.Contains(SettingsTheCodeReads.FromOptions(), s => s.Name == "Thresholds__CpuWarning");
        Assert.Contains(SettingsTheCodeReads.FromOptions(), s => s.Name == "Monitor__WorkspaceId");
        Assert.Contains(SettingsTheCodeReads.FromAppSettingNames(), s => s.Name == "AzureWebJobsStorage__tableServiceUri");
        Assert.DoesNotContain(SettingsTheCodeReads.All(), s => s.Name == "AzureWebJobsStorage");
    }

    [Fact]
    public void OptionDefaultsInCodeAreTheBicepParameterDefaults()
    {
        var (api, _) = compiled.FunctionAppSettings();
        foreach (var option in SettingsTheCodeReads.FromOptions().Where(o => o.CodeDefault is not null))
        {
            var parameter = api.MainParameterName(compiled.FunctionAppSetting(option.Name));
            Assert.True(parameter is not null, $"{option.Name} has a default in code but is not a parameter of main.bicep.");

            var bicepDefault = compiled.Main.Template["parameters"]![parameter]!["defaultValue"];
            Assert.True(bicepDefault is not null, $"Parameter '{parameter}' ({option.Name}) has no default.");
            Assert.Equal(SettingsTheCodeReads.AsSettingText(option.CodeDefault!), bicepDefault.ToString(), ignoreCase: true);
        }
    }

    [Theory]
    [MemberData(nameof(DesignSchedules))]
    public void TimerScheduleIsAParameterWithAValidDefault(string setting, int minutesBetweenRuns)
    {
        var (api, _) = compiled.FunctionAppSettings();
        var parameter = api.MainParameterName(compiled.FunctionAppSetting(setting));
        Assert.NotNull(parameter);

        var schedule = CrontabSchedule.Parse(
            Deployment.Text(compiled.Main.Template["parameters"]![parameter], "defaultValue"),
            new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var start = new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc);
        var runs = schedule.GetNextOccurrences(start, start.AddDays(7)).Take(3).ToList();
        Assert.Equal(TimeSpan.FromMinutes(minutesBetweenRuns), runs[1] - runs[0]);
        Assert.Equal(TimeSpan.FromMinutes(minutesBetweenRuns), runs[2] - runs[1]);
    }

    [Fact]
    public void StorageIsReachedWithTheManagedIdentityNotAKey()
    {
        var (api, settings) = compiled.FunctionAppSettings();

        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage must not be a connection string.");
        Assert.Equal("managedidentity", compiled.FunctionAppSetting("AzureWebJobsStorage__credential"));
        AssertIsTheIdentityClientId(api, compiled.FunctionAppSetting("AzureWebJobsStorage__clientId"));
        Assert.Contains("primaryEndpoints.blob", api.Resolve(compiled.FunctionAppSetting("AzureWebJobsStorage__blobServiceUri")).Expression, StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", api.Resolve(compiled.FunctionAppSetting("AzureWebJobsStorage__tableServiceUri")).Expression, StringComparison.Ordinal);
        Assert.All(settings, s => Assert.DoesNotContain("AccountKey", s.Value!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
        Assert.All(settings, s => Assert.DoesNotContain("SharedAccessSignature", s.Value!.GetValue<string>(), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ApplicationInsightsIsReachedWithTheManagedIdentity()
    {
        var (api, _) = compiled.FunctionAppSettings();

        Assert.Equal("[format('Authorization=AAD;ClientId={0}', parameters('identityClientId'))]", compiled.FunctionAppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
        AssertIsTheIdentityClientId(api, "[parameters('identityClientId')]");
        Assert.Contains(".ConnectionString]", api.Resolve(compiled.FunctionAppSetting("APPLICATIONINSIGHTS_CONNECTION_STRING")).Expression, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalRConnectionStringUsesTheManagedIdentity()
    {
        var (api, _) = compiled.FunctionAppSettings();
        var connection = compiled.FunctionAppSetting("AzureSignalRConnectionString");

        Assert.Equal("[format('Endpoint=https://{0};AuthType=azure.msi;ClientId={1};Version=1.0;', parameters('signalRHostName'), parameters('identityClientId'))]", connection);
        Assert.DoesNotContain("AccessKey", connection, StringComparison.OrdinalIgnoreCase);
        var (where, host) = api.Resolve("[parameters('signalRHostName')]");
        Assert.Equal("signalr", where.Name);
        Assert.Contains(".hostName]", host, StringComparison.Ordinal);
    }

    [Fact]
    public void MonitorSettingsNameTheWorkspaceTheAppAndTheIdentity()
    {
        var (api, _) = compiled.FunctionAppSettings();

        var (workspaceModule, workspaceId) = api.Resolve(compiled.FunctionAppSetting("Monitor__WorkspaceId"));
        Assert.Equal("monitoring", workspaceModule.Name);
        Assert.Equal("[reference(resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName')), '2025-07-01').customerId]", workspaceId);
        Assert.Equal("[resourceId('Microsoft.Web/sites', parameters('name'))]", compiled.FunctionAppSetting("Monitor__FunctionAppResourceId"));
        AssertIsTheIdentityClientId(api, compiled.FunctionAppSetting("Monitor__ClientId"));
    }

    [Fact]
    public void TheInstallCommandDownloadsFromTheDashboardAndPostsToTheFunctionAppsOwnHttpsAddress()
    {
        var (api, _) = compiled.FunctionAppSettings();

        var (where, download) = api.Resolve(compiled.FunctionAppSetting("Agent__DownloadBaseUrl"));
        Assert.Equal("web", where.Name);
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/staticSites', parameters('name')), '2025-03-01').defaultHostname)]", download);
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Web/sites', parameters('name')), '2025-03-01').defaultHostName)]", compiled.FunctionAppSetting("Agent__ApiBaseUrl"));
    }

    [Fact]
    public void FlexConsumptionPlatformSettingsAreLeftToThePlatform()
    {
        var (_, settings) = compiled.FunctionAppSettings();

        Assert.False(settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));
        Assert.False(settings.ContainsKey("FUNCTIONS_EXTENSION_VERSION"));
        Assert.False(settings.ContainsKey("WEBSITE_RUN_FROM_PACKAGE"));
    }

    private static void AssertIsTheIdentityClientId(Deployment api, string expression)
    {
        var (where, clientId) = api.Resolve(expression);
        Assert.Equal("identity", where.Name);
        Assert.Equal("[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('name')), '2024-11-30').clientId]", clientId);
    }
}
