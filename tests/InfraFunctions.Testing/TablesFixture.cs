using Azure.Data.Tables;
using Xunit;

namespace InfraFunctions.Testing;

/// <summary>
/// Table Storage for a test class: the suite's Azurite when ./test.sh started one, else a private one.
/// Either way it is a real Azurite server, never a mock.
/// </summary>
/// <param name="isolated">Always start a private in-memory Azurite: for fixtures whose pages list every host in
/// their tables (the fleet view), which must not see the hosts that other test runs post at the same time.</param>
public sealed class TablesFixture(bool isolated = false) : IAsyncLifetime
{
    private AzuriteServer? _private;

    public TablesFixture()
        : this(false)
    {
    }

    public string ConnectionString { get; private set; } = string.Empty;

    public TableServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!isolated && AzuriteServer.SharedConnectionString is { } shared)
        {
            ConnectionString = shared;
        }
        else
        {
            _private = await AzuriteServer.StartAsync(inMemory: isolated);
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
