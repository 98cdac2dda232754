using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Tags;
using InfraFunctions.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests.Tags;

public sealed class AgentTagRecorderTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    private HostTagRepository Repository => new(new TableStore(tables.Service));

    /// <summary>One function app instance: its own memory of what it stored, and its own tag cache.</summary>
    private (AgentTagRecorder Recorder, HostTagCache Cache) Instance()
    {
        var cache = new HostTagCache(Repository, _clock);
        return (new AgentTagRecorder(Repository, cache, _clock, NullLogger<AgentTagRecorder>.Instance), cache);
    }

    private async Task<Azure.ETag?> ETagAsync(string host)
    {
        var row = await tables.Service.GetTableClient(TableNames.Tags).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("host", TableKeys.EncodeHostId(host));
        return row.HasValue ? row.Value!.ETag : null;
    }

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) => tags.ToDictionary(t => t.Key, t => t.Value);

    [Fact]
    public async Task TheSameTagsPostAfterPostAreWrittenOnceAndAChangeIsWrittenAtOnce()
    {
        var (recorder, cache) = Instance();
        var host = $"web #{Guid.NewGuid():N}";

        Assert.Null(await recorder.RecordAsync(host, Tags(("env", "prod"))));
        var written = await ETagAsync(host);
        Assert.Equal("prod", (await cache.GetAsync(host)).Agent["env"]);
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(30));
            await recorder.RecordAsync(host, Tags(("env", "prod")));
        }

        // Past the recheck the row is read again, and still not written when it holds the same tags.
        _clock.Advance(AgentTagRecorder.RecheckAfter);
        await recorder.RecordAsync(host, Tags(("env", "prod")));
        Assert.Equal(written, await ETagAsync(host));

        await recorder.RecordAsync(host, Tags(("env", "staging"), ("role", "db")));
        Assert.NotEqual(written, await ETagAsync(host));
        Assert.Equal(Tags(("env", "staging"), ("role", "db")), (await cache.GetAsync(host)).Agent); // this instance forgot its cached tags
    }

    [Fact]
    public async Task AnInstanceSeeingAHostForTheFirstTimeWritesNothingWhenTheRowAlreadyHoldsTheTags()
    {
        var host = $"db-{Guid.NewGuid():N}";
        await Instance().Recorder.RecordAsync(host, Tags(("env", "prod")));
        var written = await ETagAsync(host);

        await Instance().Recorder.RecordAsync(host, Tags(("env", "prod")));

        Assert.Equal(written, await ETagAsync(host));
    }

    [Fact]
    public async Task AnOperatorsTagsOnTheSameRowAreNeverTouchedByTheAgentsAndABatchWithoutTagsChangesNothing()
    {
        var (recorder, _) = Instance();
        var host = $"app-{Guid.NewGuid():N}";
        await Repository.SetAsync(host, TagSource.Operator, Tags(("env", "prod")));

        await recorder.RecordAsync(host, Tags(("env", "dev"), ("role", "web")));
        var written = await ETagAsync(host);
        Assert.Null(await recorder.RecordAsync(host, null));

        var stored = await Repository.GetAsync(host);
        Assert.Equal(Tags(("env", "prod")), stored.Operator.ToDictionary());
        Assert.Equal(Tags(("env", "dev"), ("role", "web")), stored.Agent.ToDictionary());
        Assert.Equal(Tags(("env", "prod"), ("role", "web")), stored.Effective.ToDictionary());
        Assert.Equal(written, await ETagAsync(host));
    }

    [Fact]
    public async Task InvalidTagsAreLeftOutAndNamedAndTooManyKeepWhatWasStored()
    {
        var (recorder, _) = Instance();
        var host = $"edge-{Guid.NewGuid():N}";

        var problem = await recorder.RecordAsync(host, Tags(("env", "prod"), ("9lives", "x"), ("zone", "a\u0002")));
        Assert.Contains("'9lives'", problem, StringComparison.Ordinal);
        Assert.Contains("control characters", problem, StringComparison.Ordinal);
        Assert.Equal(Tags(("env", "prod")), (await Repository.GetAsync(host)).Agent.ToDictionary());

        var crowded = await recorder.RecordAsync(host, Enumerable.Range(0, 40).ToDictionary(i => $"k{i}", _ => "v"));
        Assert.Contains("at most 32", crowded, StringComparison.Ordinal);
        Assert.Equal(Tags(("env", "prod")), (await Repository.GetAsync(host)).Agent.ToDictionary());
    }
}
