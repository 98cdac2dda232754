using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Contracts;

namespace InfraFunctions.Testing;

/// <summary>The new parts of a sample (custom series, units, checks), as JSON edits and as contract records.</summary>
public static class SampleParts
{
    /// <summary>
    /// <paramref name="count"/> custom series, about 80 characters each in JSON: <c>app_requests_total{code,path}</c>
    /// counters. With <paramref name="noise"/>, each also has a label of that many random letters, which compresses badly.
    /// </summary>
    public static IReadOnlyList<CustomMetric> Custom(int count, int noise = 0, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var labels = new Dictionary<string, string> { ["path"] = $"/api/v{i}", ["code"] = (200 + (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (noise > 0)
            {
                labels["trace"] = new string([.. Enumerable.Range(0, noise).Select(_ => (char)random.Next('a', 'z' + 1))]);
            }

            return new CustomMetric("app_requests_total", 1000 + (i * 1.5), labels, "counter");
        }).ToArray();
    }

    /// <summary>One part of a sample as the contract writes it (<c>custom_metrics</c>, <c>checks</c>, ...), set on the captured sample by <paramref name="set"/>.</summary>
    public static JsonNode Part(string property, Func<Sample, Sample> set) =>
        JsonNode.Parse(JsonSerializer.Serialize(set(Captured(DateTimeOffset.UnixEpoch)), ContractsJsonContext.Default.Sample))![property]!.DeepClone();

    /// <summary>The captured sample (TestData/sample-batch.json) at <paramref name="at"/>, as a contract record.</summary>
    public static Sample Captured(DateTimeOffset at) =>
        JsonSerializer.Deserialize(Samples.Batch("any", [at])["samples"]![0], ContractsJsonContext.Default.Sample)!;
}
