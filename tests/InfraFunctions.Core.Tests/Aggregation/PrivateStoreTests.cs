using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Aggregation;

/// <summary>
/// Tests that need an Azurite of their own, because aggregation watermarks and retention act account-wide, with the
/// core on it and its fake clock at <paramref name="start"/>.
/// </summary>
public abstract class PrivateStoreTests(DateTimeOffset start) : IAsyncLifetime
{
    protected AzuriteServer Azurite { get; private set; } = null!;

    protected CoreHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Harness = CoreHarness.Create(Azurite.ConnectionString, start);
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
