using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>LocalHost on the suite's Azurite, with a reader token and helpers shared by a test class.</summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    /// <summary>The tables the worker writes, to check what a reply claims against what is stored.</summary>
    public Azure.Data.Tables.TableServiceClient Tables => _tables.Service;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        await Server.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
