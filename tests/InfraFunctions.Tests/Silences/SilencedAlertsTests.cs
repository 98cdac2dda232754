using System.Text.Json;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Silences;

/// <summary>Silences through the real worker: what the Slack receiver gets, and what the alerts list shows.</summary>
[Collection(SilencesCollection.Name)]
public sealed class SilencedAlertsTests(SilencesFixture fixture)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(20);

    private async Task<JsonElement[]> AlertsAsync(string query) =>
        [.. (await (await fixture.Reader.GetAsync("api/v1/observability/alerts?" + query)).JsonAsync()).GetProperty("alerts").EnumerateArray()];

    private static string[] Ids(JsonElement report, string list) => [.. report.GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>Waits until Slack has <paramref name="count"/> messages about <paramref name="host"/> (or the time is up).</summary>
    private async Task<string[]> SlackForAsync(string host, int count)
    {
        using var cts = new CancellationTokenSource(Delivery);
        while (fixture.SlackTextsFor(host).Length < count && !cts.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return fixture.SlackTextsFor(host);
    }

    [Fact]
    public async Task ASilencedHostsAlertsAreListedAsSilencedSendNothingAndAreSentExactlyOnceAfterTheSilenceEnds()
    {
        var silencedHost = Http.NewHostId("maint");
        var silence = await fixture.CreateSilenceAsync(new { matchers = new { host = silencedHost }, ends_at = DateTimeOffset.UtcNow.AddHours(1), comment = "disk swap" });
        var silenceId = silence.GetProperty("id").GetString();
        var (_, key) = await fixture.Server.CreateAgentAsync(silencedHost);
        using (var agent = fixture.Server.ClientWithBearer(key))
        {
            (await agent.PostAsync("api/v1/ingest/samples", Samples.Gzip(Samples.Batch(silencedHost, [DateTimeOffset.UtcNow.AddSeconds(-1)], (s, _) => s["cpu"]!["percent"] = 95)))).EnsureSuccessStatusCode();
        }

        // A host raised after it, not silenced, reaches Slack: by then the silenced host's raises would have too.
        var controlHost = await fixture.HostAsync("control", 95);
        Assert.Equal(2, (await SlackForAsync(controlHost, 2)).Length);
        Assert.Empty(fixture.SlackTextsFor(silencedHost));
        var held = await AlertsAsync($"host={silencedHost}&state=open");
        Assert.Equal(2, held.Length);
        Assert.All(held, a => Assert.Equal((true, "silenced", silenceId), (a.GetProperty("silenced").GetBoolean(), a.GetProperty("held_for").GetString(), a.GetProperty("silence_id").GetString())));
        Assert.Equal(2, (await AlertsAsync($"host={silencedHost}&state=silenced")).Length);
        Assert.Empty(await AlertsAsync($"host={controlHost}&state=silenced"));
        Assert.False((await AlertsAsync($"host={controlHost}&state=open"))[0].GetProperty("silenced").GetBoolean());

        var whileSilenced = await fixture.RunNotifySweepAsync();
        Assert.Empty(Ids(whileSilenced, "Sent").Intersect(held.Select(a => a.GetProperty("id").GetString()!)));

        (await fixture.Operator.DeleteAsync($"api/v1/observability/silences/{silenceId}")).EnsureSuccessStatusCode();
        var ended = await fixture.RunNotifySweepAsync();
        var again = await fixture.RunNotifySweepAsync();

        var heldIds = held.Select(a => a.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(heldIds, Ids(ended, "Sent").Intersect(heldIds).Order(StringComparer.Ordinal));
        Assert.Empty(Ids(again, "Sent").Intersect(heldIds));
        var texts = await SlackForAsync(silencedHost, 2);
        Assert.Equal(2, texts.Length);
        Assert.All(heldIds, id => Assert.Single(texts, t => t.Contains(id, StringComparison.Ordinal)));
        var after = await AlertsAsync($"host={silencedHost}&state=open");
        Assert.All(after, a => Assert.False(a.GetProperty("silenced").GetBoolean()));
        Assert.All(after, a => Assert.False(a.TryGetProperty("held_for", out _)));
        Assert.All(after, a => Assert.Equal(JsonValueKind.String, a.GetProperty("notified_at").ValueKind));
    }

    [Fact]
    public async Task AnOpenAlertWhoseRenotifyIntervalHasPassedIsSentAgainOnceBySlackAndNotAgainUntilTheNextInterval()
    {
        var host = await fixture.HostAsync("renotify", 5);
        var raised = DateTimeOffset.UtcNow.AddMinutes(-30);
        var alert = new AlertRecord(AlertRepository.NewId(raised), host, "cpu", "critical", AlertStates.Open, 97, 90, "CPU usage critical: 97.0%", raised)
        {
            RuleId = "builtin-cpu",
            RenotifyMinutes = 15,
            NotifiedAt = DateTimeOffset.UtcNow.AddMinutes(-16),
        };
        await fixture.Alerts.AddAsync(alert);

        var first = await fixture.RunNotifySweepAsync();
        var second = await fixture.RunNotifySweepAsync();

        Assert.Contains(alert.Id, Ids(first, "Renotified"));
        Assert.DoesNotContain(alert.Id, Ids(second, "Renotified"));
        var text = Assert.Single(await SlackForAsync(host, 1));
        Assert.Contains("Still open: CPU usage critical: 97.0%", text, StringComparison.Ordinal);
        var stored = await fixture.Alerts.GetAsync(alert.Id);
        Assert.InRange(stored!.NotifiedAt!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
    }
}
