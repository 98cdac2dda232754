using Xunit.Abstractions;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>SIGKILL the agent at random moments and restart it on the same spool.</summary>
public sealed class AgentKillTests(ITestOutputHelper output)
{
    private const int Kills = 4;

    [Fact]
    public async Task An_agent_killed_at_random_moments_resends_nothing_it_had_acknowledged_and_loses_nothing_it_had_spooled()
    {
        await using var rig = await DeliveryRig.StartAsync();
        const string host = "killed-host";
        var key = await rig.CreateAgentKeyAsync(host);
        var started = DateTimeOffset.UtcNow;
        var random = new Random();
        var kills = new List<(int TapSequence, HashSet<DateTimeOffset> Acknowledged, SpoolSnapshot Spool)>();
        var log = new System.Text.StringBuilder();
        for (var round = 0; round < Kills; round++)
        {
            using var agent = AgentProcess.Start(rig.Endpoint, key, host, rig.SpoolDir);
            // Past the first post (about 2 s after start), then anywhere in the sample/post cycle.
            var wait = TimeSpan.FromMilliseconds(2500 + random.Next(4000));
            await Task.Delay(wait);
            agent.KillHard();
            log.Append(agent.Output);
            await Task.Delay(300); // let a post the agent had in flight finish on the server

            var snapshot = SpoolSnapshot.Read(rig.SpoolDir);
            var posted = rig.Tap.Accepted(host);
            var acknowledged = posted.SelectMany(p => p.Timestamps).Except(snapshot.Pending).ToHashSet();
            kills.Add((posted.Length == 0 ? 0 : posted[^1].Sequence, acknowledged, snapshot));
            output.WriteLine($"kill {round + 1} after {wait.TotalMilliseconds:F0} ms: {acknowledged.Count} acknowledged, {snapshot.Pending.Count} pending in the spool");
        }

        using (var agent = AgentProcess.Start(rig.Endpoint, key, host, rig.SpoolDir))
        {
            var restarted = DateTimeOffset.UtcNow;
            var delivered = await Eventually.TrueAsync(
                () => rig.Tap.Accepted(host).SelectMany(p => p.Timestamps).Any(t => t > restarted.AddSeconds(1)), TimeSpan.FromSeconds(30));
            agent.KillHard();
            log.Append(agent.Output);
            Assert.True(delivered, "The restarted agent posted nothing.\n" + log);
        }

        var accepted = rig.Tap.Accepted(host);
        foreach (var (sequence, acknowledged, snapshot) in kills)
        {
            var after = accepted.Where(p => p.Sequence > sequence).SelectMany(p => p.Timestamps).ToHashSet();
            var resent = after.Intersect(acknowledged).ToArray();
            Assert.True(resent.Length == 0, $"Acknowledged samples were sent again: {string.Join(", ", resent.Select(t => t.ToString("O")))}\n{log}");
            var lost = snapshot.Pending.Where(t => !after.Contains(t)).ToArray();
            Assert.True(lost.Length == 0, $"Spooled samples never arrived: {string.Join(", ", lost.Select(t => t.ToString("O")))}\n{log}");
        }

        var distinct = accepted.SelectMany(p => p.Timestamps).Distinct().Order().ToArray();
        var stored = await rig.StoredTimestampsAsync(host, started.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(distinct, stored);
    }
}
