using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Tags;

/// <summary>
/// LocalHost on a private Azurite (the fleet list shows every host in its tables) holding <see cref="HostCount"/> hosts
/// that reported through the real ingest path: every third is <c>env=prod</c> (by its agent, and for some an operator
/// overrides it), every other one <c>role=db</c>, and <see cref="Dotted"/> has a key with a dot.
/// </summary>
public sealed class FleetPagingFixture : IAsyncLifetime
{
    public const int HostCount = 23;
    private readonly TablesFixture _tables = TablesFixture.Isolated();

    public LocalHostServer Server { get; private set; } = null!;

    public HttpClient Reader { get; private set; } = null!;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags { get; private set; } = null!;

    public string Dotted { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        await using (var core = CoreHarness.Create(_tables.ConnectionString, DateTimeOffset.UtcNow))
        {
            var repository = core.Get<HostTagRepository>();
            for (var i = 0; i < HostCount; i++)
            {
                var host = $"fleet-{i:D2}-{Guid.NewGuid():N}"[..20];
                await core.IngestAsync(host, [core.Time.GetUtcNow().AddSeconds(-1)]);
                var agent = new Dictionary<string, string> { ["env"] = i % 3 == 0 ? "prod" : "dev" };
                if (i % 2 == 0)
                {
                    agent["role"] = "db";
                }

                await repository.SetAsync(host, TagSource.Agent, agent);
                if (i % 5 == 1)
                {
                    // An operator moves some dev hosts to prod: the filter and the labels follow the effective tags.
                    await repository.SetAsync(host, TagSource.Operator, new Dictionary<string, string> { ["env"] = "prod", ["team.name"] = "core-db" });
                    Dotted = host;
                }

                tags[host] = (await repository.GetAsync(host)).Effective;
            }
        }

        Tags = tags;
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
