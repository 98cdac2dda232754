using Azure.Data.Tables;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>
/// LocalHost on a private Azurite: random hosts with random names, mounts and processes would otherwise join the
/// fleet every other test class reads.
/// </summary>
public sealed class IngestPropertyFixture : IAsyncLifetime
{
    private AzuriteServer _azurite = null!;

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public TableServiceClient Tables { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync();
        Tables = new TableServiceClient(_azurite.ConnectionString);
        Server = await LocalHostServer.StartAsync(_azurite.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        await Server.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
