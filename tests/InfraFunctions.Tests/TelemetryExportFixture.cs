using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>
/// Two LocalHosts whose workers export to loopback Application Insights ingestion endpoints, authenticating as their
/// user-assigned managed identity (the loopback identity endpoint) as in Azure: one keeps every ingest trace, the
/// other none that succeeded.
/// </summary>
public sealed class TelemetryExportFixture : IAsyncLifetime
{
    public const string IdentityClientId = "6a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private readonly TablesFixture _tables = new();

    public AppInsightsIngestionServer Ingestion { get; private set; } = null!;

    public ManagedIdentityServer Identity { get; private set; } = null!;

    /// <summary>Keeps every ingest trace (<c>Telemetry__IngestSamplingRatio=1</c>).</summary>
    public LocalHostServer Server { get; private set; } = null!;

    /// <summary>Keeps no successful ingest trace (<c>Telemetry__IngestSamplingRatio=0</c>), exporting to its own endpoint.</summary>
    public AppInsightsIngestionServer SampledIngestion { get; private set; } = null!;

    public LocalHostServer Sampled { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Identity = await ManagedIdentityServer.StartAsync(IdentityClientId);
        Ingestion = await AppInsightsIngestionServer.StartAsync(tls: true);
        SampledIngestion = await AppInsightsIngestionServer.StartAsync(tls: true);
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString, Settings(Ingestion, ratio: "1"));
        Sampled = await LocalHostServer.StartAsync(_tables.ConnectionString, Settings(SampledIngestion, ratio: "0"));
    }

    public async Task DisposeAsync()
    {
        await Sampled.DisposeAsync();
        await Server.DisposeAsync();
        await Identity.DisposeAsync();
        await SampledIngestion.DisposeAsync();
        await Ingestion.DisposeAsync();
        await _tables.DisposeAsync();
    }

    private Dictionary<string, string?> Settings(AppInsightsIngestionServer ingestion, string ratio)
    {
        var settings = new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"Authorization=AAD;ClientId={IdentityClientId}",
            ["Telemetry__IngestSamplingRatio"] = ratio,
            // The exporter's own usage reports would go to Microsoft's endpoints: not from tests.
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            ["APPLICATIONINSIGHTS_SDKSTATS_DISABLED"] = "true",
        };
        foreach (var (key, value) in Identity.AppSettings.Concat(ingestion.AppSettings))
        {
            settings[key] = value;
        }

        return settings;
    }
}
