using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.LocalHost.Tests;

/// <summary>LocalHost driving the probe app's worker: failures, cancellation, key levels, route values and TimerInfo.</summary>
public sealed class ProbeAppTests(TablesFixture tables) : IClassFixture<TablesFixture>, IDisposable
{
    private const string FunctionKey = "probe-function-key-0123456789";
    private readonly string _probeDir = Directory.CreateTempSubdirectory("probe-").FullName;

    public void Dispose() => Directory.Delete(_probeDir, recursive: true);

    private Task<LocalHostServer> StartAsync(string tickSchedule = "0 0 0 1 1 *") =>
        LocalHostServer.StartAsync(tables.ConnectionString, new Dictionary<string, string?>
        {
            ["LocalHost:FunctionAppDirectory"] = RepoPaths.ProbeAppOutput,
            ["LocalHost:FunctionKey"] = FunctionKey,
            ["PROBE_DIR"] = _probeDir,
            ["TICK_SCHEDULE"] = tickSchedule,
        });

    [Fact]
    public async Task AFunctionThatThrowsGivesA500ProblemNamingTheInvocationInsteadOfTheWorkersEmpty200()
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync("api/throws");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var invocation = problem.GetProperty("invocation_id").GetString();
        Assert.True(Guid.TryParse(invocation, out _), $"'{invocation}' is not an invocation id");
        Assert.Contains(invocation!, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFunctionLevelRouteNeedsAKeyAndGetsItsRouteValueAndQuery()
    {
        await using var server = await StartAsync();

        using var anonymous = await server.Client.GetAsync("api/echo/abc-1?q=x");
        using var withFunctionKey = await server.Client.GetAsync($"api/echo/abc-1?q=x&code={FunctionKey}");
        using var masterRequest = new HttpRequestMessage(HttpMethod.Get, "api/echo/h%C3%A9te?q=y");
        masterRequest.Headers.Add("x-functions-key", LocalHostServer.MasterKey);
        using var withMasterKey = await server.Client.SendAsync(masterRequest);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, withFunctionKey.StatusCode);
        var first = await withFunctionKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("abc-1", first.GetProperty("id").GetString());
        Assert.Equal("x", first.GetProperty("query").GetString());
        var second = await withMasterKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("héte", second.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AClientThatDisconnectsCancelsTheInvocationInTheWorker()
    {
        await using var server = await StartAsync();
        using var abort = new CancellationTokenSource();

        var call = server.Client.GetAsync("api/waits/m1", abort.Token);
        Assert.True(await Eventually(() => File.Exists(Path.Combine(_probeDir, "m1.started"))), "The function never started.");
        Assert.False(File.Exists(Path.Combine(_probeDir, "m1.cancelled")));
        await abort.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(await Eventually(() => File.Exists(Path.Combine(_probeDir, "m1.cancelled"))), "The invocation was not cancelled after the client went away.");
    }

    [Fact]
    public async Task ATimerRunsOnItsScheduleWithTheTimerInfoTheHostSends()
    {
        await using var server = await StartAsync(tickSchedule: "*/1 * * * * *");
        var ticks = Path.Combine(_probeDir, "ticks");

        Assert.True(await Eventually(() => File.Exists(ticks) && File.ReadAllLines(ticks).Length >= 2), "The timer did not run twice in its one-second schedule.");

        var second = JsonDocument.Parse(File.ReadAllLines(ticks)[1]).RootElement;
        var last = second.GetProperty("last").GetDateTime();
        var next = second.GetProperty("next").GetDateTime();
        Assert.True(next > last, $"TimerInfo said last {last:O} and next {next:O}.");
        Assert.False(second.GetProperty("past_due").GetBoolean());
    }

    [Fact]
    public async Task TheAdminRouteRunsATimerNowAndAnswers202WithItsReturnValue()
    {
        await using var server = await StartAsync();

        using var run = await server.Client.SendAsync(LocalHostServer.Admin(HttpMethod.Post, "admin/functions/Tick", new { input = "" }));

        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        Assert.Contains("past_due", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(_probeDir, "ticks")));
    }

    // Polls a condition that another process makes true; bounded, so a broken host fails instead of hanging.
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 150; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition();
    }
}
