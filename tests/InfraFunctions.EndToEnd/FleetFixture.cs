using System.Globalization;
using System.Text.Json.Nodes;

namespace InfraFunctions.EndToEnd;

/// <summary>
/// The dashboard fixture with 1,000 more hosts posted through ingest, concurrently, ten agent keys of 100 hosts each:
/// <c>fleet-0001</c> to <c>fleet-1000</c>, each with its own CPU, memory and disk and a sample a few milliseconds
/// older than the one before. Hosts with i % 4 of 0 carry <c>role=web</c>, 1 <c>role=db</c>, the others no role;
/// i % 3 of 0 carry <c>env=prod</c>, 1 <c>env=staging</c>, the others no env. The tags travel in the batch, as the agent sends them.
/// </summary>
public sealed class FleetFixture : IAsyncLifetime, IDisposable
{
    public const int Count = 1000;

    public DashboardFixture Dashboard { get; } = new();

    /// <summary>Every host id the fixture posted, with the tags it gave it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Tags { get; private set; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>How long posting the fleet took.</summary>
    public TimeSpan PostingTook { get; private set; }

    public static string HostId(int i) => string.Create(CultureInfo.InvariantCulture, $"fleet-{i:D4}");

    public static IReadOnlyDictionary<string, string> TagsOf(int i)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (i % 4 < 2)
        {
            tags["role"] = i % 4 == 0 ? "web" : "db";
        }

        if (i % 3 < 2)
        {
            tags["env"] = i % 3 == 0 ? "prod" : "staging";
        }

        return tags;
    }

    public async Task InitializeAsync()
    {
        await Dashboard.InitializeAsync();
        var started = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(1, Count).ToArray();
        var keys = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(100))
        {
            var (_, key) = await Dashboard.Server.CreateAgentAsync([.. chunk.Select(HostId)]);
            foreach (var i in chunk)
            {
                keys[i] = key;
            }
        }

        // One sample each, a little older host by host, so "last seen" has one order; usage spread over 0-100 %.
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            await Dashboard.PostAsync(Batch(i, started.AddMilliseconds(-5 * i)), keys[i]));
        Tags = ids.ToDictionary(HostId, TagsOf);
        PostingTook = DateTimeOffset.UtcNow - started;
    }

    private JsonObject Batch(int i, DateTimeOffset at)
    {
        var batch = Dashboard.AgentBatch(s =>
        {
            s["cpu"]!["percent"] = Usage(i, 37);
            s["memory"]!["percent"] = Usage(i, 53);
            s["disk"]!["percent"] = Usage(i, 71);
            // The process list is the bulk of the agent's sample and nothing the fleet view shows.
            s.Remove("processes");
        }, at);
        batch["host_id"] = HostId(i);
        batch["platform"]!["hostname"] = HostId(i);
        var tags = new JsonObject();
        foreach (var (key, value) in TagsOf(i))
        {
            tags[key] = value;
        }

        batch["tags"] = tags;
        return batch;
    }

    /// <summary>0.0-99.9 %, a different spread per metric.</summary>
    private static double Usage(int i, int step) => i * step % 1000 / 10.0;

    /// <summary>The hosts list as a reader reads it, every page (following next_page_token), and the bytes of each page.</summary>
    public async Task<(List<JsonObject> Hosts, List<long> PageBytes)> HostsAsync()
    {
        using var client = Dashboard.Server.ClientWithBearer(Dashboard.ReaderToken);
        var hosts = new List<JsonObject>();
        var bytes = new List<long>();
        string? token = null;
        do
        {
            var path = "api/v1/observability/hosts?limit=1000" + (token is null ? string.Empty : "&page_token=" + Uri.EscapeDataString(token));
            var body = await client.GetByteArrayAsync(path);
            bytes.Add(body.LongLength);
            var page = JsonNode.Parse(body)!.AsObject();
            hosts.AddRange(page["hosts"]!.AsArray().Select(h => h!.AsObject()));
            token = page["next_page_token"]?.GetValue<string>();
        }
        while (token is not null);
        return (hosts, bytes);
    }

    public Task DisposeAsync() => Dashboard.DisposeAsync();

    public void Dispose() => Dashboard.Dispose();
}
