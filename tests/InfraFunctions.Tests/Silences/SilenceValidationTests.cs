using System.Globalization;
using System.Net;
using System.Text;

namespace InfraFunctions.Tests.Silences;

/// <summary>Every field of a silence is checked, and a bad one is a 400 naming it; nothing is stored.</summary>
[Collection(SilencesCollection.Name)]
public sealed class SilenceValidationTests(SilencesFixture fixture)
{
    private const string Host = "\"matchers\": {\"host\": \"web-01\"}";
    private const string Weekly = "\"cron\": \"0 2 * * 0\", \"duration_minutes\": 120, \"time_zone\": \"Europe/Berlin\"";

    [Theory]
    [InlineData("{\"ends_at\": \"{in1h}\"}", "matchers")]
    [InlineData("{\"matchers\": {}, \"ends_at\": \"{in1h}\"}", "matchers")]
    [InlineData("{\"matchers\": {\"tags\": {}}, \"ends_at\": \"{in1h}\"}", "matchers")]
    [InlineData("{\"matchers\": {\"host\": \"\"}, \"ends_at\": \"{in1h}\"}", "matchers.host")]
    [InlineData("{\"matchers\": {\"host\": \"web\\u000101\"}, \"ends_at\": \"{in1h}\"}", "matchers.host")]
    [InlineData("{\"matchers\": {\"tags\": {\"1env\": \"prod\"}}, \"ends_at\": \"{in1h}\"}", "matchers.tags.1env")]
    [InlineData("{\"matchers\": {\"tags\": {\"env\": \"\"}}, \"ends_at\": \"{in1h}\"}", "matchers.tags.env")]
    [InlineData("{\"matchers\": {\"rule_id\": \"cpu\"}, \"ends_at\": \"{in1h}\"}", "matchers.rule_id")]
    [InlineData("{" + Host + "}", "ends_at")]
    [InlineData("{" + Host + ", \"ends_at\": \"tomorrow\"}", "ends_at")]
    [InlineData("{" + Host + ", \"ends_at\": \"{ago1h}\"}", "ends_at")]
    [InlineData("{" + Host + ", \"ends_at\": \"{in400d}\"}", "ends_at")]
    [InlineData("{" + Host + ", \"starts_at\": \"{in2h}\", \"ends_at\": \"{in1h}\"}", "ends_at")]
    [InlineData("{" + Host + ", \"starts_at\": \"soon\", \"ends_at\": \"{in1h}\"}", "starts_at")]
    [InlineData("{" + Host + ", \"starts_at\": \"{in400d}\", " + Weekly + "}", "starts_at")]
    [InlineData("{" + Host + ", \"cron\": \"0 2 * *\", \"duration_minutes\": 120, \"time_zone\": \"UTC\"}", "cron")]
    [InlineData("{" + Host + ", \"cron\": \"0 0 2 * * 0\", \"duration_minutes\": 120, \"time_zone\": \"UTC\"}", "cron")]
    [InlineData("{" + Host + ", \"cron\": \"0 99 * * *\", \"duration_minutes\": 120, \"time_zone\": \"UTC\"}", "cron")]
    [InlineData("{" + Host + ", \"cron\": \"0 0 30 2 *\", \"duration_minutes\": 120, \"time_zone\": \"UTC\"}", "cron")]
    [InlineData("{" + Host + ", \"cron\": \"0 2 * * 0\", \"time_zone\": \"UTC\"}", "duration_minutes")]
    [InlineData("{" + Host + ", \"cron\": \"0 2 * * 0\", \"duration_minutes\": 0, \"time_zone\": \"UTC\"}", "duration_minutes")]
    [InlineData("{" + Host + ", \"cron\": \"0 2 * * 0\", \"duration_minutes\": 10081, \"time_zone\": \"UTC\"}", "duration_minutes")]
    [InlineData("{" + Host + ", \"cron\": \"0 2 * * 0\", \"duration_minutes\": 120}", "time_zone")]
    [InlineData("{" + Host + ", \"cron\": \"0 2 * * 0\", \"duration_minutes\": 120, \"time_zone\": \"Mars/Olympus_Mons\"}", "time_zone")]
    [InlineData("{" + Host + ", \"ends_at\": \"{in1h}\", \"duration_minutes\": 120}", "duration_minutes")]
    [InlineData("{" + Host + ", \"ends_at\": \"{in1h}\", \"time_zone\": \"Europe/Berlin\"}", "time_zone")]
    [InlineData("{" + Host + ", \"ends_at\": \"{in1h}\", \"comment\": \"{long}\"}", "comment")]
    [InlineData("{" + Host + ", \"ends_at\": \"{in1h}\", \"comment\": \"bell \\u0007\"}", "comment")]
    public async Task ABadFieldIsRefusedWith400NamingItAndNothingIsCreated(string template, string field)
    {
        var body = template
            .Replace("{in1h}", At(TimeSpan.FromHours(1)), StringComparison.Ordinal)
            .Replace("{in2h}", At(TimeSpan.FromHours(2)), StringComparison.Ordinal)
            .Replace("{ago1h}", At(TimeSpan.FromHours(-1)), StringComparison.Ordinal)
            .Replace("{in400d}", At(TimeSpan.FromDays(400)), StringComparison.Ordinal)
            .Replace("{long}", new string('x', 501), StringComparison.Ordinal);
        var before = await CountAsync();

        using var response = await fixture.Operator.PostAsync("api/v1/observability/silences", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{body}\n{problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("{\"matchers\": {\"host\": \"web-01\"}, \"ends_at\": \"2030-01-01T00:00:00Z\", \"reason\": \"x\"}", "reason")]
    [InlineData("{\"matchers\": {\"hostname\": \"web-01\"}, \"ends_at\": \"2030-01-01T00:00:00Z\"}", "hostname")]
    [InlineData("{\"matchers\": {\"host\": \"web-01\"}, \"duration_minutes\": \"two hours\"}", "duration_minutes")]
    [InlineData("{\"matchers\": {\"tags\": {\"env\": 7}}, \"ends_at\": \"2030-01-01T00:00:00Z\"}", "tags")]
    [InlineData("[\"web-01\"]", "$")]
    [InlineData("{\"matchers\": ", "$")]
    public async Task ABodyThatIsNotASilenceIsRefusedWith400SayingWhereAndWhatOneLooksLike(string body, string where)
    {
        using var response = await fixture.Operator.PostAsync("api/v1/observability/silences", new StringContent(body, Encoding.UTF8, "application/json"));

        var detail = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString()!;
        Assert.Contains(where, detail, StringComparison.Ordinal);
        Assert.Contains("\"cron\": \"0 2 * * 0\"", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        var body = $"{{\"matchers\": {{\"host\": \"web-01\"}}, \"comment\": \"{new string('x', 70_000)}\"}}";

        using var response = await fixture.Operator.PostAsync("api/v1/observability/silences", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private static string At(TimeSpan fromNow) => (DateTimeOffset.UtcNow + fromNow).ToString("O", CultureInfo.InvariantCulture);

    private async Task<int> CountAsync() =>
        (await (await fixture.Reader.GetAsync("api/v1/observability/silences")).JsonAsync()).GetProperty("count").GetInt32();
}
