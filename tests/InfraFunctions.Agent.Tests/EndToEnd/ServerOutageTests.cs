namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>The server is down for 60 s while the agent runs: every sample taken meanwhile arrives afterwards, once, in order.</summary>
public sealed class ServerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_sample_taken_while_the_server_was_down_for_a_minute_arrives_afterwards_exactly_once_and_in_order()
    {
        await using var rig = await DeliveryRig.StartAsync();
        const string host = "outage-host";
        var key = await rig.CreateAgentKeyAsync(host);
        var started = DateTimeOffset.UtcNow;
        using var agent = AgentProcess.Start(rig.Endpoint, key, host, rig.SpoolDir);
        Assert.True(await Eventually.TrueAsync(() => rig.Tap.Accepted(host).Length > 0, TimeSpan.FromSeconds(30)), agent.Output);

        await rig.StopServerAsync();
        var down = DateTimeOffset.UtcNow;
        await Task.Delay(Outage);
        await rig.StartServerAsync();
        var up = DateTimeOffset.UtcNow;

        // The agent backs off while the server is down (up to about a minute by now), then drains its backlog.
        var drained = await Eventually.TrueAsync(
            () => rig.Tap.Accepted(host).SelectMany(p => p.Timestamps).Any(t => t > up.AddSeconds(2)), TimeSpan.FromSeconds(150));
        agent.KillHard();
        Assert.True(drained, "The backlog did not arrive after the server came back.\n" + agent.Output);

        var posted = rig.Tap.Accepted(host).SelectMany(p => p.Timestamps).ToArray();
        Assert.True(posted.Zip(posted.Skip(1)).All(pair => pair.First < pair.Second), "Accepted posts were out of order or repeated a sample.");

        var stored = await rig.StoredTimestampsAsync(host, started.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(posted, stored);
        Assert.True(stored[0] < down && stored[^1] > up, $"The stored samples ({stored[0]:O} to {stored[^1]:O}) do not span the outage.");
        var gaps = stored.Zip(stored.Skip(1)).Where(pair => pair.Second - pair.First > TimeSpan.FromSeconds(1.9)).ToArray();
        Assert.True(gaps.Length == 0, $"Samples are missing after {string.Join(", ", gaps.Select(g => g.First.ToString("O")))}.");
        var duringOutage = stored.Count(t => t >= down && t < up);
        Assert.InRange(duringOutage, (int)Outage.TotalSeconds - 2, (int)Outage.TotalSeconds + 5);
    }
}
