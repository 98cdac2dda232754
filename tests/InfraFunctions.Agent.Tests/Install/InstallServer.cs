using InfraFunctions.Testing;

namespace InfraFunctions.Agent.Tests.Install;

/// <summary>
/// LocalHost on a real Azurite, serving /agent/ from an <see cref="AgentDownloads"/> directory published for its own
/// address: what `curl -fsSL &lt;origin&gt;/agent/install.sh | bash -s -- ...` reaches on this machine.
/// </summary>
public sealed class InstallServer : IAsyncLifetime
{
    private readonly TablesFixture tables = new();

    public AgentDownloads Downloads { get; } = new();

    public LocalHostServer Server { get; private set; } = null!;

    /// <summary>The origin that serves both the API and /agent/, without a trailing slash.</summary>
    public string Origin => Server.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        await tables.InitializeAsync();
        Server = await LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?> { [AgentDownloads.Setting] = Downloads.Directory });
        Downloads.Publish(Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await tables.DisposeAsync();
        Downloads.Dispose();
    }
}
