using System.Text.Json;
using InfraFunctions.Agent.Collectors;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class SampleCollectorTests
{
    [Fact]
    public async Task OncePrintsOneCompleteSampleAsABatch()
    {
        using var output = new StringWriter();

        var code = await OnceCommand.RunAsync(new AgentOptions { HostId = "test-host" }, TimeProvider.System, output);

        Assert.Equal(0, code);
        var batch = JsonSerializer.Deserialize(output.ToString(), ContractsJsonContext.Default.SampleBatch)!;
        Assert.Equal(("test-host", 1, "Linux"), (batch.HostId, batch.SchemaVersion, batch.Platform.System));
        var sample = Assert.Single(batch.Samples);
        Assert.Equal(Environment.ProcessorCount, sample.Cpu.Count);
        Assert.True(sample.Memory.TotalGb > 0 && sample.Disk.TotalGb > 0);
        Assert.Contains(sample.Disks!, d => d.Mount == "/");
        Assert.Contains(sample.Processes!, p => p.Pid == Environment.ProcessId);
        Assert.InRange(batch.Platform.BootTime, DateTimeOffset.UnixEpoch.AddYears(30), DateTimeOffset.UtcNow);
    }

    [Fact]
    public void ArchitectureIsNamedAsUnameDoes()
    {
        Assert.Equal(Commands.Run("uname", "-m").Trim(), PlatformCollector.Architecture(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture));
        Assert.Equal(Commands.Run("uname", "-r").Trim(), new SampleCollector(TimeProvider.System, new AgentOptions()).Platform.Release);
    }

    [Fact]
    public void DiskPercentIsUsedOverUsedPlusAvailableAsDfComputesIt()
    {
        // 1000 blocks of 4 KiB, 300 free of which 250 are available (50 reserved for root).
        var space = DiskSpace.FromBlocks(4096, 1000, 300, 250);

        Assert.Equal((4096000UL, 2867200UL, 1024000UL), (space.Total, space.Used, space.Available));
        Assert.Equal(73.68, space.Percent);
    }
}
