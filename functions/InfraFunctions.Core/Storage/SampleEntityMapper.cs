namespace InfraFunctions.Core.Storage;

/// <summary>
/// Maps a sample to its table row: flat numeric columns (what summaries read), plus the whole sample as JSON, which
/// only rollups read: compressed in <see cref="CompressedJsonColumn"/>, or as a string in <see cref="JsonColumn"/>
/// when that is smaller (never in practice) and in rows written before samples were compressed.
/// </summary>
public static class SampleEntityMapper
{
    /// <summary>
    /// The longest JSON kept in a string property (64 KiB, 32K UTF-16 characters, less a margin): a sample goes there
    /// only when compressing would not make it smaller, which JSON never is in practice.
    /// </summary>
    public const int MaxJsonChars = 30_000;

    /// <summary>The most bytes a sample takes as stored: its compressed JSON fills at most one binary property.</summary>
    public const int MaxStoredBytes = TableLimits.MaxBinaryBytes;

    /// <summary>The sample's JSON, Brotli-compressed UTF-8 (<see cref="CompressedJson"/>), a binary property.</summary>
    public const string CompressedJsonColumn = "jz";

    /// <summary>The sample's JSON as a string property.</summary>
    public const string JsonColumn = "json";

    /// <summary>How many processes and containers a sample too large to store whole keeps.</summary>
    public const int TrimmedListItems = 20;

    /// <param name="postedJson">The sample's JSON as posted and validated: stored as is when it fits, which saves
    /// serialising it again; readers parse it with the same contract, so unknown fields are ignored there too.</param>
    public static TableEntity ToEntity(string partitionKey, Sample sample, double healthScore, string? postedJson = null)
    {
        var entity = new TableEntity(partitionKey, TableKeys.TimeRowKey(sample.Timestamp))
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
        };
        PutJson(entity, Json(sample, postedJson));
        return entity;
    }

    /// <summary>
    /// Stores the JSON compressed when that takes fewer bytes, as Table Storage counts them, and fits a binary property;
    /// as a string otherwise, when it fits one.
    /// </summary>
    internal static void PutJson(TableEntity entity, string json, int maxBinaryBytes = TableLimits.MaxBinaryBytes)
    {
        var compressed = CompressedJson.Compress(json);
        if (compressed.Length <= maxBinaryBytes && compressed.Length < json.Length * 2L)
        {
            entity[CompressedJsonColumn] = compressed;
        }
        else if (json.Length <= TableLimits.MaxStringChars)
        {
            entity[JsonColumn] = json;
        }
        else
        {
            throw new InvalidOperationException($"A sample of {json.Length} characters, {compressed.Length} bytes compressed, fits no property; validation cuts samples to {MaxStoredBytes} bytes as stored.");
        }
    }

    /// <summary>The stored sample's JSON parsed, from whichever column holds it; null when the row has neither.</summary>
    public static JsonDocument? ParseStoredJson(TableEntity entity) =>
        entity.GetBinary(CompressedJsonColumn) is { Length: > 0 } compressed ? JsonDocument.Parse(CompressedJson.Decompress(compressed))
        : entity.GetString(JsonColumn) is { Length: > 0 } json ? JsonDocument.Parse(json)
        : null;

    /// <summary>The stored sample's JSON text, from whichever column holds it; null when the row has neither.</summary>
    public static string? StoredJson(TableEntity entity) =>
        entity.GetBinary(CompressedJsonColumn) is { Length: > 0 } compressed ? System.Text.Encoding.UTF8.GetString(CompressedJson.Decompress(compressed))
        : entity.GetString(JsonColumn);

    /// <summary>The JSON of a sample stored without its process list; the posted JSON when it has none.</summary>
    public static string? WithoutProcesses(Sample sample, string? postedJson) =>
        sample.Processes is not { Count: > 0 } ? postedJson : JsonSerializer.Serialize(sample with { Processes = null }, ContractsJsonContext.Default.Sample);

    /// <summary>
    /// The JSON stored for a sample: the posted JSON when it fits (<see cref="StoredSampleFit"/>), else the sample cut
    /// to fit. The result can still be too large when even the cut sample is: validation refuses those.
    /// </summary>
    public static string Json(Sample sample, string? postedJson = null) =>
        StoredSampleFit.Fit(sample, postedJson).Json;

    public static readonly string[] RowColumns = ["RowKey", "ts", "cpu", "mem", "disk", "swap", "load1", "net_tx", "net_rx", "health"];

    public static SampleRow ToRow(TableEntity e) => new(
        e.GetDateTimeOffset("ts") ?? TableKeys.FromTimeRowKey(e.RowKey),
        e.GetDouble("cpu") ?? 0,
        e.GetDouble("mem") ?? 0,
        e.GetDouble("disk") ?? 0,
        e.GetDouble("swap") ?? 0,
        e.GetDouble("load1") ?? 0,
        e.GetDouble("net_tx") ?? 0,
        e.GetDouble("net_rx") ?? 0,
        e.GetDouble("health") ?? 0);
}
