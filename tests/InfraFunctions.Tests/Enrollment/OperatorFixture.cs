using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

/// <summary>LocalHost with a reader and an operator token, and the tables the worker writes.</summary>
public sealed class OperatorFixture : IAsyncLifetime
{
    private readonly TablesFixture _tables = new();

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public HttpClient Operator { get; private set; } = null!;

    public string ConnectionString => _tables.ConnectionString;

    public TableStore Store => new(_tables.Service);

    public HostTagRepository Tags => new(Store);

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        Server = await LocalHostServer.StartAsync(_tables.ConnectionString);
        Reader = Server.ClientWithBearer(await Server.CreateTokenAsync());
        Operator = Server.ClientWithBearer(await Server.CreateTokenAsync("operator", "on-call"));
    }

    public async Task DisposeAsync()
    {
        Reader.Dispose();
        Operator.Dispose();
        await Server.DisposeAsync();
        await _tables.DisposeAsync();
    }
}
