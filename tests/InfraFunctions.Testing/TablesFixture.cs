using Azure.Data.Tables;
using Xunit;

namespace InfraFunctions.Testing;

/// <summary>
/// Table Storage for a test class: the suite's Azurite when ./test.sh started one, else a private one.
/// Either way it is a real Azurite server, never a mock.
/// </summary>
public sealed class TablesFixture : IAsyncLifetime
{
    private AzuriteServer? _private;

    public string ConnectionString { get; private set; } = string.Empty;

    public TableServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (AzuriteServer.SharedConnectionString is { } shared)
        {
            ConnectionString = shared;
        }
        else
        {
            _private = await AzuriteServer.StartAsync();
            ConnectionString = _private.ConnectionString;
        }

        Service = new TableServiceClient(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_private is not null)
        {
            await _private.DisposeAsync();
        }
    }
}
