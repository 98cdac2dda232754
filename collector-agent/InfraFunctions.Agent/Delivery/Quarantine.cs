using System.Text.Json;

namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// Samples the server refused, one JSON line each with its reasons, so they are kept for a person to read
/// and not retried forever. The file is rotated once at 10 MB.
/// </summary>
internal sealed class Quarantine(string path, TimeProvider time)
{
    private const long RotateBytes = 10 * 1024 * 1024;
    private readonly object gate = new();

    public string Path => path;

    public void Write(ReadOnlySpan<byte> sample, IReadOnlyList<string> errors)
    {
        lock (gate)
        {
            if (File.Exists(path) && new FileInfo(path).Length > RotateBytes)
            {
                File.Move(path, path + ".1", overwrite: true);
            }

            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("quarantined_at", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", null));
                writer.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    writer.WriteStringValue(error);
                }

                writer.WriteEndArray();
                writer.WritePropertyName("sample");
                writer.WriteRawValue(sample, skipInputValidation: true);
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            stream.Flush(flushToDisk: true);
        }
    }
}
