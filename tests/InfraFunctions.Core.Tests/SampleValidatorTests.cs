using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Core.Options;
using InfraFunctions.Core.Storage;
using InfraFunctions.Core.Validation;
using InfraFunctions.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Core.Tests;

public sealed class SampleValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 30, 0, TimeSpan.Zero);
    private readonly SampleValidator _validator = new(new FakeTimeProvider(Now), Microsoft.Extensions.Options.Options.Create(new IngestOptions()), Microsoft.Extensions.Options.Options.Create(new RetentionOptions()));

    private SampleValidation Validate(Action<JsonObject>? edit = null, DateTimeOffset? at = null)
    {
        var batch = Samples.Batch("web-1", [at ?? Now.AddSeconds(-5)], (s, _) => edit?.Invoke(s));
        return _validator.Validate(JsonSerializer.SerializeToElement(batch["samples"]![0]));
    }

    [Fact]
    public void CapturedSampleIsValid()
    {
        var result = Validate();

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void RejectsSampleWithNegativeCpuPercent()
    {
        var result = Validate(s => s["cpu"]!["percent"] = -1);

        Assert.Equal(["cpu.percent: must be a percentage between 0 and 100 (got -1)."], result.Errors);
    }

    [Fact]
    public void RejectsPercentagesOverHundredAndNegativeSizesTogether()
    {
        var result = Validate(s =>
        {
            s["memory"]!["percent"] = 130;
            s["disk"]!["free_gb"] = -3;
            s["network"]!["connections"] = -1;
            s["processes"]![0]!["memory_percent"] = 101;
        });

        Assert.Equal(4, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.StartsWith("memory.percent", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("disk.free_gb", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("network.connections", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("processes[0].memory_percent", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsTimestampMoreThanFiveMinutesAhead()
    {
        Assert.True(Validate(at: Now.AddMinutes(4)).IsValid);
        Assert.Contains("ahead of the server clock", Assert.Single(Validate(at: Now.AddMinutes(6)).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsTimestampOlderThanRawRetention()
    {
        Assert.True(Validate(at: Now.AddDays(-29)).IsValid);
        Assert.Contains("older than the raw retention of 30 days", Assert.Single(Validate(at: Now.AddDays(-31)).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void WrongTypeIsReportedWithItsPath()
    {
        var result = Validate(s => s["cpu"]!["percent"] = "high");

        Assert.False(result.IsValid);
        Assert.StartsWith("cpu.percent:", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSectionIsReported()
    {
        var result = Validate(s => s.Remove("memory"));

        Assert.Contains("memory", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void NullSampleIsReported()
    {
        var result = _validator.Validate(JsonDocument.Parse("null").RootElement);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void ANameOverItsLimitInUtf8BytesIsRejectedNamingTheFieldAndTheLimit()
    {
        // 100 characters, but 300 bytes in UTF-8: over the 256-byte limit of a process name.
        var result = Validate(s => s["processes"]![1]!["name"] = new string('東', 100));

        Assert.Equal(["processes[1].name: is 300 bytes long in UTF-8; the limit is 256 bytes."], result.Errors);
    }

    [Fact]
    public void ABrokenSurrogatePairInAMountIsRejected()
    {
        // Written as the JSON escape: a lone surrogate has no UTF-8 form of its own.
        var json = JsonSerializer.SerializeToNode(Samples.Batch("web-1", [Now.AddSeconds(-5)])["samples"]![0])!.ToJsonString().Replace("\"mount\":\"/\"", "\"mount\":\"/data\\ud800\"", StringComparison.Ordinal);
        var result = _validator.Validate(JsonDocument.Parse(json).RootElement);

        Assert.StartsWith("disks[0].mount: ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ASampleTooLargeToStoreIsRejectedNamingTheStoredSizeLimit()
    {
        // 400 disks with 1 KiB random mount points: every field is within its bound, and even compressed the whole is not.
        var random = new Random(7);
        var result = Validate(s =>
        {
            var disk = s["disks"]![0]!.AsObject();
            s["disks"] = new JsonArray(Enumerable.Range(0, 400).Select(_ =>
            {
                var d = disk.DeepClone();
                d["mount"] = "/" + new string([.. Enumerable.Range(0, 1000).Select(_ => (char)random.Next('a', 'z' + 1))]);
                return d;
            }).ToArray());
        });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("sample: is still more than 64 KiB as stored", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASampleWhoseCompressedFormFitsIsStoredWholeThoughItsJsonIsLargerThanAStringProperty()
    {
        var result = Validate(s => s["processes"] = new JsonArray(Enumerable.Range(0, 500).Select(_ => s["processes"]![0]!.DeepClone()).ToArray()));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.InRange(result.Json!.Length, SampleEntityMapper.MaxJsonChars + 1, int.MaxValue);
        Assert.Equal(500, JsonDocument.Parse(result.Json).RootElement.GetProperty("processes").GetArrayLength());
    }

    [Theory]
    [InlineData("network.sent_bytes_per_sec", 1e308)]
    [InlineData("cpu.freq_mhz", 1e16)]
    public void QuantitiesBeyondAnyRealHostAreRejected(string field, double value)
    {
        var parts = field.Split('.');
        var result = Validate(s => s[parts[0]]![parts[1]] = value);

        Assert.StartsWith($"{field}: must be at most 1000000000000000 (got ", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-27")]
    [InlineData("2026-11-27T10:29:55")]
    public void TimestampsWithoutAZoneAreRejected(string timestamp)
    {
        var result = Validate(s => s["timestamp"] = timestamp);

        Assert.StartsWith("timestamp: Expected an ISO-8601 timestamp with Z or an offset", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void ATimestampWithAnOffsetIsReadAsTheSameInstant()
    {
        var result = Validate(s => s["timestamp"] = "2026-11-27T12:29:55+02:00");

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(Now.AddSeconds(-5), result.Sample!.Timestamp);
        Assert.Equal(TimeSpan.Zero, result.Sample.Timestamp.Offset);
    }
}
