using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfraFunctions.Testing;

/// <summary>Batches built from the captured agent payload in TestData/sample-batch.json, re-timed to now.</summary>
public static class Samples
{
    private static readonly Lazy<JsonObject> Captured = new(() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.TestData("sample-batch.json")))!.AsObject());

    public static JsonObject CapturedBatch() => (JsonObject)Captured.Value.DeepClone();

    /// <summary>A batch for <paramref name="hostId"/> with one sample per timestamp; <paramref name="edit"/> may change each sample.</summary>
    public static JsonObject Batch(string hostId, IEnumerable<DateTimeOffset> timestamps, Action<JsonObject, int>? edit = null)
    {
        var batch = CapturedBatch();
        batch["host_id"] = hostId;
        var template = batch["samples"]![0]!.AsObject();
        var samples = new JsonArray();
        var i = 0;
        foreach (var t in timestamps)
        {
            var sample = (JsonObject)template.DeepClone();
            sample["timestamp"] = t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            edit?.Invoke(sample, i++);
            samples.Add(sample);
        }

        batch["samples"] = samples;
        return batch;
    }

    /// <summary>Timestamps ending at <paramref name="end"/>, one per <paramref name="step"/>.</summary>
    public static IEnumerable<DateTimeOffset> Times(DateTimeOffset end, int count, TimeSpan step) =>
        Enumerable.Range(0, count).Select(i => end - (step * (count - 1 - i)));

    public static HttpContent Json(JsonNode body) =>
        new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static HttpContent Gzip(JsonNode body) => Gzip(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));

    public static HttpContent Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(raw);
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    public static double Number(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            e = e.GetProperty(p);
        }

        return e.GetDouble();
    }
}
