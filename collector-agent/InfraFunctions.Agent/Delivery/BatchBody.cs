using System.IO.Compression;
using System.Text.Json;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// Writes a <see cref="SampleBatch"/> as gzip JSON from samples already serialized in the spool, so queued
/// samples are copied as they are rather than parsed and written again.
/// </summary>
internal static class BatchBody
{
    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schema_version");
    private static readonly JsonEncodedText HostId = JsonEncodedText.Encode("host_id");
    private static readonly JsonEncodedText Platform = JsonEncodedText.Encode("platform");
    private static readonly JsonEncodedText Samples = JsonEncodedText.Encode("samples");
    private static readonly JsonEncodedText DroppedSamples = JsonEncodedText.Encode("dropped_samples");
    private static readonly JsonEncodedText SampleIntervalSeconds = JsonEncodedText.Encode("sample_interval_seconds");
    private static readonly JsonEncodedText Settings = JsonEncodedText.Encode("settings");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");

    /// <param name="settings">The settings in force as a JSON array, written as it is; none when null.</param>
    /// <param name="tags">The host's tags from the configuration; none when null. An empty map is sent, so the server drops tags the agent no longer has.</param>
    public static byte[] Gzip(
        string hostId, PlatformInfo platform, double sampleIntervalSeconds, long dropped, IReadOnlyList<byte[]> samples, byte[]? settings = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            Write(gzip, hostId, platform, sampleIntervalSeconds, dropped, samples, settings, tags);
        }

        return buffer.ToArray();
    }

    public static void Write(
        Stream destination, string hostId, PlatformInfo platform, double sampleIntervalSeconds, long dropped, IReadOnlyList<byte[]> samples, byte[]? settings = null, IReadOnlyDictionary<string, string>? tags = null)
    {
        using var writer = new Utf8JsonWriter(destination);
        writer.WriteStartObject();
        writer.WriteNumber(SchemaVersion, SampleBatch.CurrentSchemaVersion);
        writer.WriteString(HostId, hostId);
        writer.WritePropertyName(Platform);
        JsonSerializer.Serialize(writer, platform, ContractsJsonContext.Default.PlatformInfo);
        writer.WriteStartArray(Samples);
        foreach (var sample in samples)
        {
            // Each record was written by the same serializer, and its CRC checked on reading.
            writer.WriteRawValue(sample, skipInputValidation: true);
        }

        writer.WriteEndArray();
        writer.WriteNumber(DroppedSamples, dropped);
        writer.WriteNumber(SampleIntervalSeconds, sampleIntervalSeconds);
        if (settings is not null)
        {
            // Serialized once, when the settings changed.
            writer.WritePropertyName(Settings);
            writer.WriteRawValue(settings, skipInputValidation: true);
        }

        if (tags is not null)
        {
            writer.WriteStartObject(Tags);
            foreach (var (key, value) in tags)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
