using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CsCheck;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests;

/// <summary>
/// Random ingest bodies built from the captured agent payload: random strings (any UTF-16, including control
/// characters and broken surrogate pairs, and long ones), random numbers written as raw JSON tokens (NaN, Infinity,
/// 1e308, 1e309, -0, integers too big for any type), random timestamps (with and without a zone, date-only,
/// out of range), and lists resized far past their limits.
/// </summary>
internal static partial class RandomBatches
{
    private static readonly string[] NumberPaths =
    [
        "cpu.percent", "cpu.count", "cpu.freq_mhz", "cpu.load_avg.one", "cpu.per_core.0", "memory.total_gb", "memory.used_gb",
        "memory.percent", "memory.swap.percent", "disk.percent", "disk.free_gb", "network.bytes_sent", "network.connections",
        "network.sent_bytes_per_sec", "network.recv_bytes_per_sec", "disks.0.total_gb", "disks.0.percent", "disks.0.read_bytes_per_sec",
        "processes.0.pid", "processes.0.cpu_percent", "processes.0.memory_mb", "processes.0.num_threads", "processes.0.num_fds",
        "containers.0.cpu_percent", "containers.0.memory_bytes", "containers.0.memory_limit_bytes",
    ];

    private static readonly string[] TextPaths =
    [
        "disks.0.mount", "disks.0.device", "disks.0.fs_type", "processes.0.name", "processes.0.status", "containers.0.id", "containers.0.runtime",
    ];

    private static readonly string[] ListPaths = ["cpu.per_core", "disks", "processes", "containers"];

    private static readonly string[] PlatformTexts = ["hostname", "system", "os", "release", "architecture", "runtime_version", "agent_version"];

    private static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.String[Gen.Char['a', 'z'], 0, 24]),
        (4, Gen.String[Gen.Char, 0, 24]),
        (2, Gen.String[Gen.OneOf('東', 'é', '\u0301', '\u200B', '\uFEFF', '"', '\\', '/', '%', '<', '\0', '\n', '\u007F', '\u0085', '\uD83D', '\uDE80'), 0, 64]),
        (1, Gen.Int[1, 400].Select(n => string.Concat(Enumerable.Repeat("🚀", n)))),
        (1, Gen.Int[200, 250_000].Select(n => new string('x', n))));

    private static readonly Gen<string> Number = Gen.Frequency(
        (4, Gen.Double[0, 100].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (3, Gen.OneOf(
            "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e309", "-0", "0", "-1", "1.7976931348623157e308", "5e-324",
            "123456789012345678901234567890", "-9223372036854775809", "9223372036854775807", "2147483648", "-2147483649",
            "1e15", "1e16", "0.1e-400", "\"12\"", "null", "true", "[]", "{}")));

    private const long MaxBodyChars = 700_000;

    public static Gen<RandomBatch> Batches(DateTimeOffset now) =>
        from count in Gen.Frequency((8, Gen.Int[1, 8]), (1, Gen.Const(0)), (1, Gen.Int[90, 130]))
        from samples in SampleEdits.Array[count]
        from envelope in EnvelopeEdits
        from randomHostId in Gen.Frequency((9, Gen.Const((string?)null)), (1, Text.Select(t => (string?)t)))
        select Build(now, samples, envelope, randomHostId);

    private static readonly Gen<Edit> EditGen = Gen.Frequency(
        (5, Gen.Select(Gen.OneOf(NumberPaths), Number, (p, n) => new Edit(EditKind.Number, p, n))),
        (4, Gen.Select(Gen.OneOf(TextPaths), Text, (p, t) => new Edit(EditKind.Text, p, t))),
        (2, Gen.Select(Gen.OneOf(ListPaths), Gen.Frequency((3, Gen.Int[0, 40]), (1, Gen.Int[400, 700])), (p, n) => new Edit(EditKind.Resize, p, n.ToString(CultureInfo.InvariantCulture)))),
        (3, Gen.Select(Gen.OneOf("timestamp", "processes.0.create_time"), Gen.Int[0, 7], (p, k) => new Edit(EditKind.Time, p, k.ToString(CultureInfo.InvariantCulture)))));

    private static readonly Gen<Edit[]> SampleEdits = Gen.Frequency(
        (3, Gen.Const(Array.Empty<Edit>())),
        (6, EditGen.Array[1, 4]));

    private static readonly Gen<Edit[]> EnvelopeEdits = Gen.Frequency(
        (5, Gen.Const(Array.Empty<Edit>())),
        (2, Gen.Select(Gen.OneOf(PlatformTexts), Text, (p, t) => new Edit(EditKind.Text, "platform." + p, t)).Array[1, 2]),
        (2, Gen.Select(Gen.OneOf("dropped_samples", "sample_interval_seconds", "schema_version"), Number, (p, n) => new Edit(EditKind.Number, p, n)).Array[1, 2]),
        (1, Gen.Int[0, 7].Select(k => new[] { new Edit(EditKind.Time, "platform.boot_time", k.ToString(CultureInfo.InvariantCulture)) })));

    private static RandomBatch Build(DateTimeOffset now, Edit[][] sampleEdits, Edit[] envelopeEdits, string? randomHostId)
    {
        var hostId = randomHostId ?? Http.NewHostId("prop");
        var raw = new List<string>();

        // Distinct instants, so every accepted sample is its own row and the rows can be counted.
        var times = Enumerable.Range(0, sampleEdits.Length).Select(i => now.AddSeconds(-7 * (sampleEdits.Length - i))).ToArray();
        var batch = Samples.Batch("", times);
        batch["host_id"] = Raw(raw, JsonLiteral(hostId));
        // Samples are kept while the body stays under the 1 MiB limit: a larger one is refused with 413 before it is read.
        var samples = batch["samples"]!.AsArray().Select(n => n!.DeepClone().AsObject()).ToArray();
        var kept = new JsonArray();
        var size = 0L;
        for (var i = 0; i < samples.Length; i++)
        {
            var rawBefore = raw.Count;
            foreach (var edit in sampleEdits[i])
            {
                Apply(samples[i], edit, times[i], raw);
            }

            // A resized list repeats its first item, raw tokens included, so measure the sample as it will be posted.
            size += Encoding.UTF8.GetByteCount(Substitute(samples[i].ToJsonString(), raw));
            if (size > MaxBodyChars)
            {
                raw.RemoveRange(rawBefore, raw.Count - rawBefore);
                break;
            }

            kept.Add(samples[i]);
        }

        batch["samples"] = kept;

        foreach (var edit in envelopeEdits)
        {
            Apply(batch, edit, now, raw);
        }

        return new RandomBatch(hostId, randomHostId is not null, Substitute(batch.ToJsonString(), raw));
    }

    private static void Apply(JsonObject root, Edit edit, DateTimeOffset instant, List<string> raw)
    {
        var parts = edit.Path.Split('.');
        JsonNode? parent = root;
        for (var i = 0; i < parts.Length - 1 && parent is not null; i++)
        {
            parent = int.TryParse(parts[i], out var index) ? (parent is JsonArray a && index < a.Count ? a[index] : null) : parent[parts[i]];
        }

        var last = parts[^1];
        if (parent is null)
        {
            return;
        }

        JsonNode? value;
        switch (edit.Kind)
        {
            case EditKind.Number:
                value = Raw(raw, edit.Value);
                break;
            case EditKind.Text:
                value = Raw(raw, JsonLiteral(edit.Value));
                break;
            case EditKind.Time:
                value = JsonValue.Create(Timestamp(int.Parse(edit.Value, CultureInfo.InvariantCulture), instant));
                break;
            default:
                if (parent[last] is not JsonArray list || list.Count == 0)
                {
                    return;
                }

                var first = list[0]!;
                value = new JsonArray(Enumerable.Range(0, int.Parse(edit.Value, CultureInfo.InvariantCulture)).Select(_ => first.DeepClone()).ToArray());
                break;
        }

        if (parent is JsonArray array && int.TryParse(last, out var at))
        {
            if (at < array.Count)
            {
                array[at] = value;
            }
        }
        else if (parent is JsonObject obj)
        {
            obj[last] = value;
        }
    }

    /// <summary>
    /// A JSON string for any UTF-16 text: control characters and unpaired surrogates (which have no UTF-8 form) as
    /// <c>\uXXXX</c> escapes, everything else as itself, so the body carries raw UTF-8 too.
    /// </summary>
    public static string JsonLiteral(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]);
            if (c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c < ' ' || (char.IsSurrogate(c) && !paired))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }

    private static JsonNode Raw(List<string> raw, string token)
    {
        raw.Add(token);
        return JsonValue.Create($"@raw{raw.Count - 1}@");
    }

    // The same instant in several spellings (only those with a zone are valid), or instants out of range.
    private static string Timestamp(int kind, DateTimeOffset instant) => kind switch
    {
        0 => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        1 => instant.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
        2 => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        3 => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        4 => "0001-01-01T00:00:00+14:00",
        5 => "9999-12-31T23:59:59-14:00",
        6 => instant.AddDays(400).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => "yesterday",
    };

    private static string Substitute(string json, List<string> raw) =>
        RawToken().Replace(json, m => raw[int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)]);

    [GeneratedRegex("\"@raw([0-9]+)@\"")]
    private static partial Regex RawToken();
}
