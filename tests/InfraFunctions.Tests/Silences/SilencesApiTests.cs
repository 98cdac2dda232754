using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace InfraFunctions.Tests.Silences;

[Collection(SilencesCollection.Name)]
public sealed class SilencesApiTests(SilencesFixture fixture)
{
    private static string At(TimeSpan fromNow) => (DateTimeOffset.UtcNow + fromNow).ToString("O", CultureInfo.InvariantCulture);

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement[]> ListAsync(string query = "") =>
        [.. (await (await fixture.Reader.GetAsync("api/v1/observability/silences" + query)).JsonAsync()).GetProperty("silences").EnumerateArray()];

    [Fact]
    public async Task AnOperatorCreatesAOneOffSilenceThatReadersSeeActiveWithItsWindowAndEveryMatcherShown()
    {
        var host = Http.NewHostId("oneoff");
        var ends = At(TimeSpan.FromHours(2));

        using var created = await fixture.Operator.PostAsync("api/v1/observability/silences", Body($$"""{"matchers": {"host": "{{host}}"}, "ends_at": "{{ends}}", "comment": "kernel upgrade"}"""));
        var body = await created.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("success", body.GetProperty("status").GetString());
        var silence = body.GetProperty("silence");
        var id = silence.GetProperty("id").GetString()!;
        Assert.Matches("^sil-[0-9a-f]{12}$", id);
        Assert.Equal(host, silence.GetProperty("matchers").GetProperty("host").GetString());
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("matchers").GetProperty("tags").ValueKind);
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("matchers").GetProperty("rule_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("cron").ValueKind);
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("next_window").ValueKind);
        Assert.Equal(("kernel upgrade", "on-call", true), (silence.GetProperty("comment").GetString(), silence.GetProperty("created_by").GetString(), silence.GetProperty("active").GetBoolean()));
        Assert.Equal(DateTimeOffset.Parse(ends, CultureInfo.InvariantCulture), silence.GetProperty("current_window").GetProperty("ends_at").GetDateTimeOffset());
        Assert.Equal(silence.GetProperty("starts_at").GetString(), silence.GetProperty("current_window").GetProperty("starts_at").GetString());
        Assert.Contains(await ListAsync(), s => s.GetProperty("id").GetString() == id);
        Assert.Contains(await ListAsync("?active=true"), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ASilenceStartingLaterIsListedWithItsNextWindowButNotAmongTheActiveOnes()
    {
        var silence = await fixture.CreateSilenceAsync(new { matchers = new { host = Http.NewHostId("later"), rule_id = "builtin-cpu" }, starts_at = At(TimeSpan.FromHours(1)), ends_at = At(TimeSpan.FromHours(3)) });
        var id = silence.GetProperty("id").GetString();

        Assert.False(silence.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("current_window").ValueKind);
        Assert.Equal(silence.GetProperty("starts_at").GetString(), silence.GetProperty("next_window").GetProperty("starts_at").GetString());
        Assert.Contains(await ListAsync("?active=false"), s => s.GetProperty("id").GetString() == id);
        Assert.DoesNotContain(await ListAsync("?active=true"), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task AWeeklyMaintenanceWindowInBerlinIsStoredWithItsCronAndItsNextWindowOnASundayAtTwoOnTheClock()
    {
        var silence = await fixture.CreateSilenceAsync(new
        {
            matchers = new { tags = new Dictionary<string, string> { ["maint"] = Guid.NewGuid().ToString("N") } },
            cron = "0 2 * * 0",
            duration_minutes = 120,
            time_zone = "Europe/Berlin",
            comment = "weekly patching",
        });

        Assert.Equal(("0 2 * * 0", 120, "Europe/Berlin"), (silence.GetProperty("cron").GetString(), silence.GetProperty("duration_minutes").GetInt32(), silence.GetProperty("time_zone").GetString()));
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("ends_at").ValueKind);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var next = silence.GetProperty("next_window");
        var start = TimeZoneInfo.ConvertTime(next.GetProperty("starts_at").GetDateTimeOffset(), berlin);
        var end = TimeZoneInfo.ConvertTime(next.GetProperty("ends_at").GetDateTimeOffset(), berlin);
        Assert.Equal(DayOfWeek.Sunday, start.DayOfWeek);
        Assert.True(start.Hour == 2 || (start.Hour == 3 && berlin.IsDaylightSavingTime(start)), start.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(new TimeOnly(4, 0), TimeOnly.FromDateTime(end.DateTime));
    }

    [Fact]
    public async Task AnOperatorDeletesASilenceAndDeletingItAgainOrAnUnknownIdIsNotFound()
    {
        var id = (await fixture.CreateSilenceAsync(new { matchers = new { host = Http.NewHostId("gone") }, ends_at = At(TimeSpan.FromHours(1)) })).GetProperty("id").GetString();

        using var deleted = await fixture.Operator.DeleteAsync($"api/v1/observability/silences/{id}");
        using var again = await fixture.Operator.DeleteAsync($"api/v1/observability/silences/{id}");
        using var unknown = await fixture.Operator.DeleteAsync("api/v1/observability/silences/not-a-silence");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var body = await deleted.JsonAsync();
        Assert.Equal(("success", id), (body.GetProperty("status").GetString(), body.GetProperty("deleted").GetString()));
        await again.ProblemAsync(HttpStatusCode.NotFound);
        await unknown.ProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain(await ListAsync(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task AReaderMayListSilencesButNotCreateOrDeleteThemAndNoTokenIsRefused()
    {
        var id = (await fixture.CreateSilenceAsync(new { matchers = new { host = Http.NewHostId("roles") }, ends_at = At(TimeSpan.FromHours(1)) })).GetProperty("id").GetString();

        using var create = await fixture.Reader.PostAsync("api/v1/observability/silences", Body($$"""{"matchers": {"host": "web-01"}, "ends_at": "{{At(TimeSpan.FromHours(1))}}"}"""));
        using var delete = await fixture.Reader.DeleteAsync($"api/v1/observability/silences/{id}");
        using var anonymous = await fixture.Server.Client.GetAsync("api/v1/observability/silences");
        using var list = await fixture.Reader.GetAsync("api/v1/observability/silences");

        Assert.Contains("operator", (await create.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await delete.ProblemAsync(HttpStatusCode.Forbidden);
        await anonymous.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(await ListAsync(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task ActiveThatIsNotABooleanIsAProblemNamingIt()
    {
        using var response = await fixture.Reader.GetAsync("api/v1/observability/silences?active=maybe");

        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("active", out _));
    }
}
