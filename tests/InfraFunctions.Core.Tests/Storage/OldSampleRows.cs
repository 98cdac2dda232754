using Azure.Data.Tables;
using InfraFunctions.Contracts;
using InfraFunctions.Core.Storage;

namespace InfraFunctions.Core.Tests.Storage;

/// <summary>
/// Sample rows as the first storage format wrote them, built here rather than by the code under test: the flat
/// columns plus the whole sample as one JSON string column, <c>json</c>.
/// </summary>
internal static class OldSampleRows
{
    public static TableEntity Entity(string partitionKey, Sample sample, double healthScore, string json) =>
        new(partitionKey, TableKeys.TimeRowKey(sample.Timestamp))
        {
            ["ts"] = sample.Timestamp,
            ["cpu"] = sample.Cpu.Percent,
            ["mem"] = sample.Memory.Percent,
            ["disk"] = sample.Disk.Percent,
            ["swap"] = sample.Memory.Swap?.Percent ?? 0,
            ["load1"] = sample.Cpu.LoadAvg?.One ?? 0,
            ["net_tx"] = sample.Network.SentBytesPerSec,
            ["net_rx"] = sample.Network.RecvBytesPerSec,
            ["health"] = healthScore,
            ["json"] = json,
        };
}
