using System.Net;
using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

public sealed class CustomSeriesApiTests(LocalHostFixture fixture) : IClassFixture<LocalHostFixture>
{
    private const string Custom = "api/v1/observability/infrastructure/custom";

    /// <summary>A host posting three samples, 5 s apart, of 60 <c>app_requests_total</c> series and one <c>queue_depth</c> gauge.</summary>
    private async Task<string> HostWithSeriesAsync()
    {
        var host = Http.NewHostId("custom");
        var (_, key) = await fixture.Server.CreateAgentAsync(host);
        using var agent = fixture.Server.ClientWithBearer(key);
        var batch = Samples.Batch(host, Samples.Times(DateTimeOffset.UtcNow.AddSeconds(-1), 3, TimeSpan.FromSeconds(5)), (s, i) =>
            s["custom_metrics"] = SampleParts.Part("custom_metrics", x => x with
            {
                CustomMetrics = [.. SampleParts.Custom(60).Select(m => m with { Value = m.Value + (i * 10) }), new CustomMetric("queue_depth", 4 + i, new Dictionary<string, string> { ["queue"] = "mail" }, "gauge")],
            }));
        using var post = await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(batch));
        Assert.Equal(3, (await post.JsonAsync()).GetProperty("accepted").GetInt32());
        return host;
    }

    private async Task<JsonElement> GetAsync(string host, string query)
    {
        using var response = await fixture.Reader.GetAsync(Http.Query(Custom, host) + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task ARawWindowListsEveryNameWithItsSeriesCountAndTheFirstFiftySeriesWithOnePointPerSample()
    {
        var host = await HostWithSeriesAsync();

        var reply = await GetAsync(host, "&window=1h");

        Assert.Equal(("success", host, "1h", "raw"), (reply.GetProperty("status").GetString(), reply.GetProperty("host_id").GetString(), reply.GetProperty("window").GetString(), reply.GetProperty("resolution").GetString()));
        var names = reply.GetProperty("names").EnumerateArray().Select(n => (n.GetProperty("name").GetString(), n.GetProperty("type").GetString(), n.GetProperty("series").GetInt32())).ToArray();
        Assert.Equal([("app_requests_total", "counter", 60), ("queue_depth", "gauge", 1)], names);
        Assert.Equal(50, reply.GetProperty("series").GetArrayLength());
        Assert.True(reply.GetProperty("truncated").GetBoolean());
        var first = reply.GetProperty("series")[0];
        Assert.Equal("app_requests_total", first.GetProperty("name").GetString());
        var points = first.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(3, points.Length);
        Assert.All(points, p => Assert.Equal((p.GetProperty("value").GetDouble(), p.GetProperty("value").GetDouble()), (p.GetProperty("min").GetDouble(), p.GetProperty("max").GetDouble())));
        Assert.Equal(20, points[2].GetProperty("value").GetDouble() - points[0].GetProperty("value").GetDouble());
        Assert.EndsWith("Z", points[0].GetProperty("timestamp").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameAndRepeatedLabelSelectorsPickTheSeriesThatMatchEveryOne()
    {
        var host = await HostWithSeriesAsync();

        var reply = await GetAsync(host, "&window=15m&name=app_requests_total&label=path:%2Fapi%2Fv7&label=code:202");
        var none = await GetAsync(host, "&window=15m&name=app_requests_total&label=path:%2Fapi%2Fv7&label=code:200");
        var gauge = await GetAsync(host, "&name=queue_depth");

        var series = Assert.Single(reply.GetProperty("series").EnumerateArray());
        Assert.Equal(("/api/v7", "202"), (series.GetProperty("labels").GetProperty("path").GetString(), series.GetProperty("labels").GetProperty("code").GetString()));
        Assert.False(reply.GetProperty("truncated").GetBoolean());
        Assert.Equal(2, reply.GetProperty("names").GetArrayLength());
        Assert.Equal(0, none.GetProperty("series").GetArrayLength());
        Assert.Equal([4.0, 5.0, 6.0], gauge.GetProperty("series")[0].GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));
        Assert.Equal("gauge", gauge.GetProperty("series")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task ALongWindowReadsHourlyBucketsWithTheAverageLowestAndHighest()
    {
        var host = await HostWithSeriesAsync();

        var reply = await GetAsync(host, "&window=24h&name=queue_depth&label=queue:mail");

        Assert.Equal("hourly", reply.GetProperty("resolution").GetString());
        var points = reply.GetProperty("series")[0].GetProperty("points").EnumerateArray()
            .Select(p => (Value: p.GetProperty("value").GetDouble(), Min: p.GetProperty("min").GetDouble(), Max: p.GetProperty("max").GetDouble())).ToArray();
        // The three samples are 10 s apart: one hourly bucket, or two when an hour began between them.
        Assert.InRange(points.Length, 1, 2);
        Assert.Equal((4.0, 6.0), (points.Min(p => p.Min), points.Max(p => p.Max)));
        if (points.Length == 1)
        {
            Assert.Equal(5.0, points[0].Value);
        }
    }

    [Fact]
    public async Task ABadWindowABadLabelSelectorAndAnUnknownHostAreProblemsNamingWhatIsWrong()
    {
        var host = await HostWithSeriesAsync();

        var window = await (await fixture.Reader.GetAsync(Http.Query(Custom, host) + "&window=2w")).ProblemAsync(HttpStatusCode.BadRequest);
        var label = await (await fixture.Reader.GetAsync(Http.Query(Custom, host) + "&label=path:%2Fa&label=nocolon")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await fixture.Reader.GetAsync(Http.Query(Custom, "no-such-host") + "&window=1h")).ProblemAsync(HttpStatusCode.NotFound);

        Assert.True(window.GetProperty("errors").TryGetProperty("window", out _));
        Assert.Contains("'nocolon'", label.GetProperty("errors").GetProperty("label")[0].GetString(), StringComparison.Ordinal);
    }
}
