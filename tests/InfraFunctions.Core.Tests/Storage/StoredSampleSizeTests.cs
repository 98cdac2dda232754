using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;
using InfraFunctions.Testing;
using Xunit.Abstractions;

namespace InfraFunctions.Core.Tests.Storage;

public sealed class StoredSampleSizeTests(ITestOutputHelper output)
{
    // The agent's default top-N process list (collector-agent: AgentOptions.Top).
    private const int AgentDefaultTop = 10;

    /// <summary>A sample as the agent sends it (TestData/agent-once.json, captured from a real host), with its default top-N processes.</summary>
    public static (Sample Sample, string Json) AgentSample()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.TestData("agent-once.json")))!["samples"]![0]!.AsObject();
        var processes = sample["processes"]!.AsArray();
        while (processes.Count > AgentDefaultTop)
        {
            processes.RemoveAt(processes.Count - 1);
        }

        var json = sample.ToJsonString();
        return (JsonSerializer.Deserialize(json, ContractsJsonContext.Default.Sample)!, json);
    }

    [Fact]
    public void ATypicalSampleRowIsMeasuredAsTableStorageCountsIt()
    {
        var (sample, json) = AgentSample();
        var key = TableKeys.EncodeHostId("vm");

        var old = EntitySize.Stored(OldSampleRows.Entity(key, sample, 80, json));
        var stored = EntitySize.Stored(SampleEntityMapper.ToEntity(key, sample, 80, json));

        output.WriteLine($"sample JSON: {json.Length} characters, {sample.Processes!.Count} processes; stored row: {stored} bytes (string-JSON format: {old} bytes)");
        // The keys and the nine flat columns alone take 268 bytes here; the compressed JSON takes the rest.
        Assert.InRange(stored * 5, 1, old);
    }
}
