namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>The server is down until the spool is full: the oldest samples go first, and the server learns how many.</summary>
public sealed class QueueLimitTests
{
    [Fact]
    public async Task A_full_queue_drops_its_oldest_samples_and_the_drop_count_reaches_the_server()
    {
        await using var rig = await DeliveryRig.StartAsync();
        const string host = "full-queue-host";
        var key = await rig.CreateAgentKeyAsync(host);
        await rig.StopServerAsync();

        // 0.1 MB holds about six samples of some 16 KB (the top 30 processes by CPU and by memory).
        using var agent = AgentProcess.Start(rig.Endpoint, key, host, rig.SpoolDir, "--queue-limit-mb", "0.1", "--top", "30");
        DateTimeOffset? first = null;
        Assert.True(await Eventually.TrueAsync(() => (first = SpoolSnapshot.Oldest(rig.SpoolDir)) is not null, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50)), agent.Output);
        Assert.True(await Eventually.TrueAsync(() => SpoolSnapshot.Read(rig.SpoolDir).Dropped >= 5, TimeSpan.FromSeconds(40)), agent.Output);
        var droppedWhileDown = SpoolSnapshot.Read(rig.SpoolDir).Dropped;

        await rig.StartServerAsync();
        var up = DateTimeOffset.UtcNow;
        // Wait until samples taken well after the server came back have arrived: by then the backlog has drained,
        // nothing more is dropped, and every drop taken while it was down has been reported.
        var drained = await Eventually.TrueAsync(
            () => rig.Tap.Accepted(host).SelectMany(p => p.Timestamps).Any(t => t > up.AddSeconds(8)), TimeSpan.FromSeconds(60));
        agent.KillHard();
        Assert.True(drained, "The agent did not deliver after the server came back.\n" + agent.Output);

        var reported = rig.Tap.Accepted(host).Sum(p => p.Dropped);
        var hostRow = await rig.HostAsync(host);
        Assert.NotNull(hostRow);
        Assert.True(reported >= droppedWhileDown, $"The agent reported {reported} drops; its spool had counted {droppedWhileDown}.");
        Assert.Equal(reported, hostRow.DroppedSamplesTotal);
        Assert.Equal(0, SpoolSnapshot.Read(rig.SpoolDir).Dropped);

        // What arrived is one unbroken run of samples; the ones before it, exactly as many as were reported, are the dropped ones.
        var stored = await rig.StoredTimestampsAsync(host, first!.Value.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.True(stored.Zip(stored.Skip(1)).All(pair => pair.Second - pair.First < TimeSpan.FromSeconds(1.9)), "The delivered samples have a hole.\n" + agent.Output);
        Assert.True(stored[0] > first.Value, $"The first sample taken ({first:O}) was delivered: a newer sample was dropped instead of the oldest.");
        // Samples fall on whole seconds from the agent's start (a tick it had to skip is logged), so the samples
        // taken before the first delivered one are counted exactly by rounding: each was dropped and reported once.
        var missing = (long)Math.Round((stored[0] - first.Value).TotalSeconds);
        Assert.True(
            missing == reported,
            $"The first sample taken was at {first:O} and the first delivered at {stored[0]:O}: {missing} samples are missing, but {reported} drops were reported.\n{agent.Output}");
    }
}
