using System.Text.Json;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Validation;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests;

public sealed class EnvelopeRulesTests
{
    private static readonly string[] PlatformFields = ["hostname", "system", "os", "release", "architecture", "runtime_version", "agent_version"];

    private static IngestEnvelope Envelope(Action<System.Text.Json.Nodes.JsonObject>? edit = null)
    {
        var batch = Samples.Batch("web-1", [DateTimeOffset.UtcNow]);
        edit?.Invoke(batch);
        return JsonSerializer.Deserialize(batch.ToJsonString(), ContractsJsonContext.Default.IngestEnvelope)!;
    }

    [Fact]
    public void TheCapturedBatchIsValid() => Assert.Empty(EnvelopeRules.Check(Envelope()));

    [Fact]
    public void AnOsNameOfTwoHundredThousandCharactersIsRefusedNamingTheFieldAndTheLimit()
    {
        var errors = EnvelopeRules.Check(Envelope(b => b["platform"]!["os"] = new string('x', 200_000)));

        Assert.Equal(["platform.os: is 200000 bytes long in UTF-8; the limit is 256 bytes."], Assert.Single(errors, e => e.Key == "platform.os").Value);
    }

    [Fact]
    public void EveryPlatformStringIsBounded()
    {
        var errors = EnvelopeRules.Check(Envelope(b =>
        {
            foreach (var field in PlatformFields)
            {
                b["platform"]![field] = new string('é', 200); // 400 bytes
            }
        }));

        Assert.Equal(
            ["platform.agent_version", "platform.architecture", "platform.hostname", "platform.os", "platform.release", "platform.runtime_version", "platform.system"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("dropped_samples", -1)]
    [InlineData("sample_interval_seconds", -5)]
    [InlineData("sample_interval_seconds", 0)]
    [InlineData("sample_interval_seconds", 1e308)]
    public void NegativeOrImpossibleCountsAndIntervalsAreRefused(string field, double value)
    {
        var errors = EnvelopeRules.Check(Envelope(b => b[field] = value));

        Assert.StartsWith($"{field}: must be", Assert.Single(errors[field]), StringComparison.Ordinal);
    }
}
