using Azure.Data.Tables;
using InfraFunctions.Core.Auth;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

/// <summary>The times in an agent key's row, on a fake clock: when a rotated-out key ends, and how often a use is written.</summary>
public sealed class AgentKeyClockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TablesFixture _tables = new();
    private CoreHarness _core = null!;

    private CredentialRepository Credentials => _core.Get<CredentialRepository>();

    public async Task InitializeAsync()
    {
        await _tables.InitializeAsync();
        _core = CoreHarness.Create(_tables.ConnectionString, Start);
    }

    public async Task DisposeAsync()
    {
        await _core.DisposeAsync();
        await _tables.DisposeAsync();
    }

    [Fact]
    public async Task ARotatedOutKeyWorksUntilTheEndOfItsGraceAndNotAMomentLonger()
    {
        var (agent, oldKey) = await Credentials.CreateAgentAsync("web-1", [Http.NewHostId()], AgentIssuers.Operator, "op");
        var (rotated, newKey) = await Credentials.RotateAgentAsync(agent.AgentId, TimeSpan.FromMinutes(10));

        Assert.Equal(Start.AddMinutes(10), rotated!.OldKeyExpiresAt);
        _core.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await Credentials.FindAgentByKeyAsync(oldKey));
        _core.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await Credentials.FindAgentByKeyAsync(oldKey));
        Assert.Equal(agent.AgentId, (await Credentials.FindAgentByKeyAsync(newKey))?.AgentId);
    }

    [Fact]
    public async Task ASecondRotationEndsTheKeyRotatedOutByTheFirst()
    {
        var (agent, firstKey) = await Credentials.CreateAgentAsync("web-1", [Http.NewHostId()], AgentIssuers.Operator, "op");
        var (_, secondKey) = await Credentials.RotateAgentAsync(agent.AgentId, TimeSpan.FromHours(1));
        var (_, thirdKey) = await Credentials.RotateAgentAsync(agent.AgentId, TimeSpan.FromHours(1));

        Assert.Null(await Credentials.FindAgentByKeyAsync(firstKey));
        Assert.NotNull(await Credentials.FindAgentByKeyAsync(secondKey));
        Assert.NotNull(await Credentials.FindAgentByKeyAsync(thirdKey));
    }

    [Fact]
    public async Task RevokingARotatedKeyEndsTheOldKeyInItsGraceToo()
    {
        var (agent, oldKey) = await Credentials.CreateAgentAsync("web-1", [Http.NewHostId()], AgentIssuers.Operator, "op");
        var (_, newKey) = await Credentials.RotateAgentAsync(agent.AgentId, TimeSpan.FromHours(1));

        await Credentials.RevokeAgentAsync(agent.AgentId);

        Assert.Null(await Credentials.FindAgentByKeyAsync(oldKey));
        Assert.Null(await Credentials.FindAgentByKeyAsync(newKey));
    }

    [Fact]
    public async Task AUseIsWrittenAtMostOnceEveryFiveMinutes()
    {
        var (agent, key) = await Credentials.CreateAgentAsync("web-1", [Http.NewHostId()], AgentIssuers.Operator, "op");
        var table = await _core.Get<Core.Storage.TableStore>().GetTableAsync("agents");
        async Task<(Azure.ETag, DateTimeOffset?)> RowAsync()
        {
            var row = (await table.GetEntityAsync<TableEntity>("agent", agent.AgentId)).Value;
            return (row.ETag, row.GetDateTimeOffset("last_used"));
        }

        await Credentials.FindAgentByKeyAsync(key);
        var first = await RowAsync();
        _core.Time.Advance(CredentialRepository.LastUsedInterval - TimeSpan.FromSeconds(1));
        await Credentials.FindAgentByKeyAsync(key);
        var unchanged = await RowAsync();
        _core.Time.Advance(TimeSpan.FromSeconds(1));
        await Credentials.FindAgentByKeyAsync(key);

        Assert.Equal(Start, first.Item2);
        Assert.Equal(first, unchanged);
        Assert.Equal(Start + CredentialRepository.LastUsedInterval, (await RowAsync()).Item2);
    }
}
