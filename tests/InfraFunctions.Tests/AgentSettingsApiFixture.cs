using Azure.Data.Tables;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>LocalHost on its own Azurite, with reader and operator tokens and the tags table the worker reads.</summary>
public sealed class AgentSettingsApiFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    /// <summary>Host tags written straight to the shared table, as the agent-key and enrollment routes store them.</summary>
    public HostTagRepository Tags { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(inMemory: true);
        Server = await LocalHostServer.StartAsync(Azurite.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
        Tags = new HostTagRepository(new TableStore(new TableServiceClient(Azurite.ConnectionString)));
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
