using System.Text.Json;
using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Auth;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests;

public sealed class TableStoreTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private readonly TableStore _store = new(tables.Service);

    private static Sample SampleAt(DateTimeOffset t, double cpu = 10)
    {
        var batch = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.TestData("sample-batch.json")), ContractsJsonContext.Default.SampleBatch)!;
        return batch.Samples[0] with { Timestamp = t, Cpu = batch.Samples[0].Cpu with { Percent = cpu } };
    }

    private static string NewHost(string prefix = "host") => $"{prefix}/{Guid.NewGuid():N}#?'\"ü";

    [Fact]
    public async Task SamplesAreStoredPerDayAndReadBackInTimeOrder()
    {
        var repo = new SampleRepository(_store);
        var host = NewHost();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        await repo.WriteAsync(host, [(SampleAt(t0.AddSeconds(10), 30), 70.0), (SampleAt(t0, 20), 80.0)]);

        var rows = await repo.ReadRowsAsync(host, t0.AddSeconds(-1), t0.AddMinutes(1));

        Assert.Equal([20.0, 30.0], rows.Select(r => r.CpuPercent));
        Assert.Equal([80.0, 70.0], rows.Select(r => r.HealthScore));
    }

    [Fact]
    public async Task ARetriedWriteUpsertsTheSameRowsWithoutDuplicates()
    {
        var repo = new SampleRepository(_store);
        var host = NewHost();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-5);
        var batch = Enumerable.Range(0, 150).Select(i => (SampleAt(t0.AddMilliseconds(i * 100)), 90.0)).ToArray();

        await repo.WriteAsync(host, batch);
        await repo.WriteAsync(host, batch);

        Assert.Equal(150, (await repo.ReadRowsAsync(host, t0.AddSeconds(-1), t0.AddMinutes(1))).Count);
    }

    [Fact]
    public async Task ABatchAcrossMidnightLandsInBothDayTables()
    {
        var repo = new SampleRepository(_store);
        var host = NewHost();
        var midnight = DateTimeOffset.UtcNow.UtcDateTime.Date;
        var before = new DateTimeOffset(midnight, TimeSpan.Zero).AddSeconds(-5);

        await repo.WriteAsync(host, [(SampleAt(before), 90.0), (SampleAt(before.AddSeconds(10)), 90.0)]);

        var yesterday = tables.Service.GetTableClient(TableKeys.SamplesTable(before));
        var today = tables.Service.GetTableClient(TableKeys.SamplesTable(before.AddSeconds(10)));
        var pk = TableKeys.EncodeHostId(host);
        Assert.Single(yesterday.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}")));
        Assert.Single(today.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}")));
    }

    [Fact]
    public async Task HostRowKeepsTheNewestSampleEvenWhenAnOlderBatchArrivesLater()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var hosts = new HostRepository(_store, clock);
        var host = NewHost();
        var platform = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.TestData("sample-batch.json")), ContractsJsonContext.Default.SampleBatch)!.Platform;
        var now = clock.GetUtcNow();

        await hosts.RecordAsync(host, platform, SampleAt(now, 55), 30, 5, dropped: 2);
        clock.Advance(TimeSpan.FromSeconds(30));
        await hosts.RecordAsync(host, platform, SampleAt(now.AddMinutes(-3), 11), 30, 5, dropped: 3);

        var record = (await hosts.GetAsync(host))!;
        Assert.Equal(host, record.HostId);
        Assert.Equal(55, record.Latest.Cpu.Percent);
        Assert.Equal(now, record.FirstSeen);
        Assert.Equal(now.AddSeconds(30), record.LastSeen);
        Assert.Equal(5, record.DroppedSamplesTotal);
        Assert.Contains(await hosts.ListAsync(), r => r.HostId == host && r.CpuPercent == 55);
    }

    [Fact]
    public async Task AgentKeysAreStoredOnlyAsHashesAndRevocationTakesEffectAtOnce()
    {
        var creds = new CredentialRepository(_store, TimeProvider.System);
        var (agent, key) = await creds.CreateAgentAsync("a", ["web-1"]);

        var row = (await tables.Service.GetTableClient(TableNames.Agents).GetEntityAsync<TableEntity>("agent", agent.AgentId)).Value;
        Assert.DoesNotContain(((IDictionary<string, object>)row).Values, v => v is string s && s.Contains(key.Split('.')[1], StringComparison.Ordinal));
        Assert.Equal(agent.AgentId, (await creds.FindAgentByKeyAsync(key))?.AgentId);
        Assert.Null(await creds.FindAgentByKeyAsync(key + "x"));
        Assert.Null(await creds.FindAgentByKeyAsync($"ifa_{agent.AgentId}.forged"));

        Assert.True(await creds.RevokeAgentAsync(agent.AgentId));
        Assert.Null(await creds.FindAgentByKeyAsync(key));
        Assert.False(await creds.RevokeAgentAsync("0000000000000000"));
    }

    [Fact]
    public async Task TokensCarryTheirRoleAndCanBeRevoked()
    {
        var creds = new CredentialRepository(_store, TimeProvider.System);
        var (token, secret) = await creds.CreateTokenAsync("ops", Roles.Operator);

        Assert.Equal(Roles.Operator, (await creds.FindTokenBySecretAsync(secret))?.Role);
        Assert.True(await creds.RevokeTokenAsync(token.TokenId));
        Assert.Null(await creds.FindTokenBySecretAsync(secret));
        Assert.Contains(await creds.ListTokensAsync(), t => t.TokenId == token.TokenId && t.Revoked);
    }
}
