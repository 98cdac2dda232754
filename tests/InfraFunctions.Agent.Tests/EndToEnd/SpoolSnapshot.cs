using System.Globalization;
using System.Text.Json;
using InfraFunctions.Agent.Delivery;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Tests.EndToEnd;

/// <summary>
/// What a stopped (or running) agent's spool holds, read from its files as the agent would read them on restart:
/// the committed cursor, its unreported drop count, and the timestamps of the whole records after the cursor.
/// </summary>
internal sealed record SpoolSnapshot(SpoolPosition? Cursor, long Dropped, IReadOnlyList<DateTimeOffset> Pending)
{
    public static SpoolSnapshot Read(string directory)
    {
        var saved = SpoolCursor.Read(Path.Combine(directory, "cursor"));
        var pending = new List<DateTimeOffset>();
        var segments = Directory.GetFiles(directory, "*.seg")
            .Select(p => (Path: p, Id: long.Parse(Path.GetFileNameWithoutExtension(p), CultureInfo.InvariantCulture)))
            .OrderBy(s => s.Id);
        foreach (var (path, id) in segments)
        {
            if (saved is { } c && id < c.Position.Segment)
            {
                continue;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Position = saved is { } s && id == s.Position.Segment ? Math.Min(s.Position.Offset, stream.Length) : 0;
            while (SpoolRecords.ReadNext(stream) is { } record)
            {
                pending.Add(JsonSerializer.Deserialize(record, ContractsJsonContext.Default.Sample)!.Timestamp);
            }
        }

        return new SpoolSnapshot(saved?.Position, saved?.Dropped ?? 0, pending);
    }

    /// <summary>The timestamp of the oldest whole record on disk, acknowledged or not, if any.</summary>
    public static DateTimeOffset? Oldest(string directory)
    {
        foreach (var path in Directory.GetFiles(directory, "*.seg").Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (SpoolRecords.ReadNext(stream) is { } record)
                {
                    return JsonSerializer.Deserialize(record, ContractsJsonContext.Default.Sample)!.Timestamp;
                }
            }
            catch (FileNotFoundException)
            {
                // dropped or acknowledged between listing and opening
            }
        }

        return null;
    }
}
