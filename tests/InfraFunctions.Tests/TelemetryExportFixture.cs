using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>
/// LocalHost whose worker exports to a loopback Application Insights ingestion endpoint with every ingest trace kept,
/// authenticating as its user-assigned managed identity (the loopback identity endpoint), as in Azure.
/// </summary>
public sealed class TelemetryExportFixture : IAsyncLifetime
{
    public const string IdentityClientId = "6a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private readonly TablesFixture _tables = new();

    public AppInsightsIngestionServer Ingestion { get; private set; } = null!;

    public ManagedIdentityServer Identity { get; private set; } = null!;

    public LocalHostServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Ingestion = await AppInsightsIngestionServer.StartAsync(tls: true);
        Identity = await ManagedIdentityServer.StartAsync(IdentityClientId);
        var settings = new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = $"Authorization=AAD;ClientId={IdentityClientId}",
            ["Telemetry__IngestSamplingRatio"] = "1",
            // The exporter's own usage reports would go to Microsoft's endpoints: not from tests.
            ["APPLICATIONINSIGHTS_STATSBEAT_DISABLED"] = "true",
            ["APPLICATIONINSIGHTS_SDKSTATS_DISABLED"] = "true",
        };
        foreach (var (key, value) in Identity.AppSettings.Concat(Ingestion.AppSettings))
        {
            settings[key] = value;
        }

        Server = await LocalHostServer.StartAsync(_tables.ConnectionString, settings);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Identity.DisposeAsync();
        await Ingestion.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
