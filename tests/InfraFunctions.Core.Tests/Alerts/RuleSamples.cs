using System.Text.Json;
using System.Text.Json.Nodes;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Testing;

namespace InfraFunctions.Core.Tests.Alerts;

/// <summary>Posts captured agent samples with parts of them changed, through the real ingest path, at the fake clock's time.</summary>
internal static class RuleSamples
{
    public static async Task<IngestReply> PostAsync(CoreHarness core, string hostId, IEnumerable<DateTimeOffset> times, Action<JsonObject, int> edit)
    {
        var list = times.ToArray();
        core.Time.SetUtcNow(list[^1].AddSeconds(1));
        var batch = Samples.Batch(hostId, list, edit);
        var envelope = JsonSerializer.Deserialize(batch.ToJsonString(), ContractsJsonContext.Default.IngestEnvelope)!;
        var reply = await core.Get<IngestService>().IngestAsync(envelope);
        Assert.Equal(list.Length, reply.Accepted);
        return reply;
    }

    /// <summary>Adds a disk mounted at <paramref name="mount"/> at <paramref name="percent"/>% used.</summary>
    public static void Disk(JsonObject sample, string mount, double percent)
    {
        var disk = (JsonObject)sample["disks"]![0]!.DeepClone();
        disk["mount"] = mount;
        disk["percent"] = percent;
        disk["used_gb"] = Math.Round(251.0 * percent / 100, 2);
        disk["free_gb"] = Math.Round(251.0 * (100 - percent) / 100, 2);
        sample["disks"]!.AsArray().Add(disk);
    }

    public static void Load(JsonObject sample, double one) => sample["cpu"]!["load_avg"]!["one"] = one;
}
