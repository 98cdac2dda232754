using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Core.Options;
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
}
