using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Testing;

namespace InfraFunctions.Contracts.Tests;

public sealed class WireContractTests
{
    private const string Rest = "\"" + """cpu":{"percent":1,"count":1,"freq_mhz":1},"memory":{"total_gb":1,"used_gb":0.5,"available_gb":0.5,"percent":50},"disk":{"total_gb":1,"used_gb":0.5,"free_gb":0.5,"percent":50},"network":{"bytes_sent":1,"bytes_recv":1,"connections":1}}""";

    [Fact]
    public void CapturedAgentPayloadReadsIntoTheContractWithEveryMetric()
    {
        var json = File.ReadAllText(RepoPaths.TestData("sample-batch.json"));
        var batch = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.SampleBatch)!;

        Assert.Equal(1, batch.SchemaVersion);
        Assert.Equal("web-1", batch.HostId);
        Assert.Equal("Linux", batch.Platform.System);
        var s = Assert.Single(batch.Samples);
        Assert.Equal(45.2, s.Cpu.Percent);
        Assert.Equal(2, s.Cpu.Count);
        Assert.Equal(2400, s.Cpu.FreqMhz);
        Assert.Equal(2, s.Cpu.PerCore!.Count);
        Assert.Equal(0.92, s.Cpu.LoadAvg!.One);
        Assert.Equal(23.43, s.Memory.TotalGb);
        Assert.Equal(4.8, s.Memory.Percent);
        Assert.Equal(13.7, s.Disk.Percent);
        Assert.Equal(42, s.Network.Connections);
        Assert.Equal(1024000000, s.Network.BytesSent);
        Assert.Equal("/", s.Disks![0].Mount);
        Assert.Equal(131072, s.Disks[0].WriteBytesPerSec);
        var p = s.Processes![0];
        Assert.Equal((812, "dotnet", "running", 24, 156), (p.Pid, p.Name, p.Status, p.NumThreads, p.NumFds));
        Assert.Equal("docker", s.Containers![0].Runtime);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.Zero), s.Timestamp);
    }

    [Fact]
    public void SerialisedBatchUsesSnakeCaseAndUtcTimestampsWithZ()
    {
        var batch = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.TestData("sample-batch.json")), ContractsJsonContext.Default.SampleBatch)!;
        var shifted = batch with { Samples = [batch.Samples[0] with { Timestamp = new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.FromHours(2)) }] };

        var json = JsonSerializer.Serialize(shifted, ContractsJsonContext.Default.SampleBatch);

        Assert.Contains("\"host_id\":\"web-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"freq_mhz\":2400", json, StringComparison.Ordinal);
        Assert.Contains("\"available_gb\":22.31", json, StringComparison.Ordinal);
        Assert.Contains("\"runtime_version\"", json, StringComparison.Ordinal);
        Assert.Contains("\"timestamp\":\"2026-11-27T10:30:00Z\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("HostId", json, StringComparison.Ordinal);
        var again = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.SampleBatch)!;
        Assert.Equal(shifted.Samples[0].Timestamp, again.Samples[0].Timestamp);
        Assert.Equal(shifted.Samples[0].Cpu, again.Samples[0].Cpu with { PerCore = shifted.Samples[0].Cpu.PerCore });
    }

    [Fact]
    public void SampleWithoutCpuSectionIsRefusedNamingTheMissingField()
    {
        const string json = """{"timestamp":"2026-11-27T10:30:00Z","memory":{"total_gb":1,"used_gb":0.5,"available_gb":0.5,"percent":50},"disk":{"total_gb":1,"used_gb":0.5,"free_gb":0.5,"percent":50},"network":{"bytes_sent":1,"bytes_recv":1,"connections":1}}""";

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample));

        Assert.Contains("cpu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimestampWithoutIsoFormatIsRefused()
    {
        const string json = """{"timestamp":"yesterday","cpu":{"percent":1,"count":1,"freq_mhz":1},"memory":{"total_gb":1,"used_gb":0.5,"available_gb":0.5,"percent":50},"disk":{"total_gb":1,"used_gb":0.5,"free_gb":0.5,"percent":50},"network":{"bytes_sent":1,"bytes_recv":1,"connections":1}}""";

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample));

        Assert.Contains("ISO-8601", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27")]
    [InlineData("2026-11-27T10:30:00")]
    [InlineData("2026-11-27T10:30:00.1234567")]
    public void TimestampWithoutZoneIsRefused(string timestamp)
    {
        var json = "{\"timestamp\":\"" + timestamp + "\"," + Rest;

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample));

        Assert.Contains("with Z or an offset", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27T10:30:00Z")]
    [InlineData("2026-11-27T12:30:00+02:00")]
    [InlineData("2026-11-27T05:30:00.0000000-05:00")]
    public void TimestampWithZOrAnOffsetIsReadAsUtc(string timestamp)
    {
        var json = "{\"timestamp\":\"" + timestamp + "\"," + Rest;

        var sample = JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.Zero), sample.Timestamp);
        Assert.Equal(TimeSpan.Zero, sample.Timestamp.Offset);
    }

    [Fact]
    public void WhatTheContractWritesItReadsBackUnderTheStricterRule()
    {
        var batch = JsonSerializer.Deserialize(File.ReadAllText(RepoPaths.TestData("sample-batch.json")), ContractsJsonContext.Default.SampleBatch)!;
        var fractional = batch with { Samples = [batch.Samples[0] with { Timestamp = new DateTimeOffset(2026, 11, 27, 10, 30, 0, TimeSpan.Zero).AddTicks(1234567) }] };

        var again = JsonSerializer.Deserialize(JsonSerializer.Serialize(fractional, ContractsJsonContext.Default.SampleBatch), ContractsJsonContext.Default.SampleBatch)!;

        Assert.Equal(fractional.Samples[0].Timestamp, again.Samples[0].Timestamp);
        Assert.Equal(fractional.Platform.BootTime, again.Platform.BootTime);
        Assert.Equal(fractional.Samples[0].Processes![0].CreateTime, again.Samples[0].Processes![0].CreateTime);
    }
}
