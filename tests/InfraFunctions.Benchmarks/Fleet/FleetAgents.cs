using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// N simulated agents, each with its own key, posting gzip batches of 5 s samples at the interval the server's
/// last reply chose. Simulated time runs as fast as the server answers: each host's posts are in order, and up to
/// <c>concurrency</c> posts are in flight across the fleet.
/// </summary>
public sealed class FleetAgents(LocalHostServer server, IReadOnlyList<(string Host, string Key)> agents)
{
    private readonly ConcurrentDictionary<(string Host, long Ticks), string> _postedJson = new();

    public IReadOnlyList<(string Host, string Key)> Agents => agents;

    /// <summary>Posted sample JSON for the first few hosts, by timestamp: the row shape of earlier releases is rebuilt from it.</summary>
    public IReadOnlyDictionary<(string Host, long Ticks), string> PostedJson => _postedJson;

    public static async Task<FleetAgents> EnrollAsync(LocalHostServer server, int hosts, int concurrency)
    {
        var result = new (string, string)[hosts];
        await Parallel.ForAsync(0, hosts, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var host = $"fleet-{i:D5}";
            var (_, key) = await server.CreateAgentAsync(host);
            result[i] = (host, key);
        });
        return new FleetAgents(server, result);
    }

    public sealed record PostResult(bool Ok, int Status, int NextPostSeconds, int Accepted, double Seconds);

    public async Task<PostResult> PostAsync(int agent, DateTimeOffset end, int samples, Random random)
    {
        var (host, key) = agents[agent];
        var batch = FleetBatches.Build(host, end, samples, random);
        if (agent < 20)
        {
            foreach (var sample in batch["samples"]!.AsArray())
            {
                var ticks = DateTimeOffset.Parse(sample!["timestamp"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).UtcTicks;
                _postedJson[(host, ticks)] = sample.ToJsonString();
            }
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/ingest/samples") { Content = Samples.Gzip(batch) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var started = Stopwatch.GetTimestamp();
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (!response.IsSuccessStatusCode)
        {
            return new PostResult(false, (int)response.StatusCode, 0, 0, seconds);
        }

        var reply = JsonNode.Parse(body)!;
        return new PostResult(true, (int)response.StatusCode, reply["next_post_seconds"]!.GetValue<int>(), reply["accepted"]!.GetValue<int>(), seconds);
    }

    /// <summary>
    /// Every host posts from <paramref name="from"/> for <paramref name="span"/> of simulated time, each at a random
    /// phase within its first interval, carrying the samples taken since its previous post.
    /// </summary>
    public async Task<(long Posts, long Accepted, long Failed, int LastInterval)> RunAsync(DateTimeOffset from, TimeSpan span, int initialIntervalSeconds, int concurrency, int seed)
    {
        long posts = 0, accepted = 0, failed = 0;
        var lastInterval = initialIntervalSeconds;
        using var gate = new SemaphoreSlim(concurrency);
        var end = from + span;
        await Task.WhenAll(Enumerable.Range(0, agents.Count).Select(async agent =>
        {
            var random = new Random(seed + agent);
            var interval = initialIntervalSeconds;
            var at = from + TimeSpan.FromSeconds(random.NextDouble() * interval);
            while (at <= end)
            {
                var samples = Math.Max(1, interval / FleetBatches.SampleIntervalSeconds);
                await gate.WaitAsync();
                PostResult result;
                try
                {
                    result = await PostAsync(agent, at, samples, random);
                }
                finally
                {
                    gate.Release();
                }

                Interlocked.Increment(ref posts);
                if (!result.Ok)
                {
                    Interlocked.Increment(ref failed);
                    at += TimeSpan.FromSeconds(interval);
                    continue;
                }

                Interlocked.Add(ref accepted, result.Accepted);
                interval = result.NextPostSeconds;
                if (agent != 0)
                {
                    lastInterval = interval;
                }

                at += TimeSpan.FromSeconds(interval);
            }
        }));
        return (posts, accepted, failed, lastInterval);
    }

    public static int ReadInt(JsonElement reply, string snakeName)
    {
        foreach (var property in reply.EnumerateObject())
        {
            if (string.Equals(property.Name.Replace("_", string.Empty, StringComparison.Ordinal), snakeName.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                && property.Value.ValueKind == JsonValueKind.Number)
            {
                return property.Value.GetInt32();
            }
        }

        return 0;
    }
}
