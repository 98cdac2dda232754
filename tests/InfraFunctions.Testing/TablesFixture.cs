using Azure.Data.Tables;
using Xunit;

namespace InfraFunctions.Testing;

/// <summary>
/// Table Storage for a test class: the suite's Azurite when ./test.sh started one, else a private one.
/// Either way it is a real Azurite server, never a mock.
/// </summary>
public sealed class TablesFixture : IAsyncLifetime
{
    private bool _isolated;
    private AzuriteServer? _private;

    /// <summary>
    /// Tables on a private in-memory Azurite, always: for fixtures whose pages list every host in their tables (the
    /// fleet view), which must not see the hosts that other test runs post at the same time.
    /// </summary>
    public static TablesFixture Isolated() => new() { _isolated = true };

    public string ConnectionString { get; private set; } = string.Empty;

    public TableServiceClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!_isolated && AzuriteServer.SharedConnectionString is { } shared)
        {
            ConnectionString = shared;
        }
        else
        {
            _private = await AzuriteServer.StartAsync(inMemory: _isolated);
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
