using System.Globalization;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// A disk-backed queue of samples: append-only segment files of framed records (<see cref="SpoolRecords"/>),
/// fsynced on every append, and a committed cursor (<see cref="SpoolCursor"/>) past the acknowledged ones.
/// It is bounded: when full, whole oldest segments are dropped and their unsent records counted.
/// </summary>
internal sealed partial class Spool : IDisposable
{
    private const string Extension = ".seg";
    private readonly object gate = new();
    private readonly string directory;
    private readonly string cursorPath;
    private readonly long limitBytes;
    private readonly long segmentBytes;
    private readonly ILogger logger;
    private readonly List<(long Id, long Size)> segments = [];
    private FileStream? active;
    private SpoolPosition cursor;
    private long dropped;

    // The newest segment the size bound dropped since the last read (0: none). Records of the batch in flight
    // that were in it were counted as dropped, yet reach the server if that batch is acknowledged.
    private long droppedSinceRead;

    private Spool(string directory, long limitBytes, long segmentBytes, ILogger logger)
    {
        this.directory = directory;
        cursorPath = Path.Combine(directory, "cursor");
        this.limitBytes = limitBytes;
        this.segmentBytes = segmentBytes;
        this.logger = logger;
    }

    /// <summary>Samples dropped because the spool was full, not yet reported to the server.</summary>
    public long DroppedSamples
    {
        get { lock (gate) { return dropped; } }
    }

    /// <summary>Bytes on disk not yet acknowledged.</summary>
    public long PendingBytes
    {
        get { lock (gate) { return segments.Sum(s => s.Size) - (segments.Count > 0 && segments[0].Id == cursor.Segment ? cursor.Offset : 0); } }
    }

    public string Directory => directory;

    /// <summary>Opens (or creates) a spool; a torn record at the end of the newest segment is cut off.</summary>
    public static Spool Open(string directory, long limitBytes, ILogger logger, long? segmentBytes = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        // Segments of at most 1 MB (fewer for a small limit) keep the oldest-first drop fine-grained.
        var segment = segmentBytes ?? Math.Clamp(limitBytes / 8, 4096, 1024 * 1024);
        var spool = new Spool(directory, limitBytes, segment, logger);
        spool.Recover();
        return spool;
    }

    public void Append(ReadOnlySpan<byte> payload)
    {
        var record = SpoolRecords.Frame(payload);
        lock (gate)
        {
            if (active is null || (active.Length > 0 && active.Length + record.Length > segmentBytes))
            {
                StartSegment();
            }

            active!.Write(record);
            active.Flush(flushToDisk: true);
            segments[^1] = (segments[^1].Id, active.Length);
            EnforceLimit();
        }
    }

    /// <summary>
    /// Reads up to <paramref name="maxRecords"/> unacknowledged records (and at least one, whatever its size).
    /// A new read abandons the previous batch: only the batch read last may be acknowledged.
    /// </summary>
    public SpoolBatch ReadPending(int maxRecords, long maxBytes)
    {
        lock (gate)
        {
            droppedSinceRead = 0;
            var records = new List<byte[]>();
            var ids = new List<long>();
            var end = cursor;
            long bytes = 0;
            foreach (var (id, size) in segments)
            {
                if (id < end.Segment)
                {
                    continue;
                }

                var offset = id == end.Segment ? end.Offset : 0;
                end = new SpoolPosition(id, offset);
                if (offset >= size)
                {
                    continue;
                }

                using var stream = OpenRead(id);
                stream.Position = offset;
                while (records.Count < maxRecords && SpoolRecords.ReadNext(stream) is { } record)
                {
                    if (records.Count > 0 && bytes + record.Length > maxBytes)
                    {
                        return new SpoolBatch(records, ids, end, dropped, Truncated: true);
                    }

                    records.Add(record);
                    ids.Add(id);
                    bytes += record.Length;
                    end = new SpoolPosition(id, stream.Position);
                }

                if (records.Count >= maxRecords)
                {
                    return new SpoolBatch(records, ids, end, dropped, Truncated: end.Offset < size || segments[^1].Id != id);
                }

                if (end.Offset < size)
                {
                    LogSkippedDamage(logger, id, end.Offset);
                    end = new SpoolPosition(id, size);
                }
            }

            return new SpoolBatch(records, ids, end, dropped);
        }
    }

    /// <summary>Commits that the server has the batch: its records are never read again, and its drop count is reported.</summary>
    public void Acknowledge(SpoolBatch batch)
    {
        lock (gate)
        {
            if (batch.End.Segment > cursor.Segment || (batch.End.Segment == cursor.Segment && batch.End.Offset > cursor.Offset))
            {
                cursor = batch.End;
            }

            // The server has every record of the batch, including any the size bound dropped while it was posted.
            var delivered = batch.Segments.Count(id => id <= droppedSinceRead);
            droppedSinceRead = 0;
            dropped = Math.Max(0, dropped - batch.Dropped - delivered);
            // Segments wholly before the cursor, or finished and fully read, are no longer needed.
            while (segments.Count > 0 && segments[0].Id != ActiveId
                && (segments[0].Id < cursor.Segment || (segments[0].Id == cursor.Segment && cursor.Offset >= segments[0].Size)))
            {
                var deleted = segments[0].Id;
                DeleteOldest();
                var next = segments.Count > 0 ? segments[0].Id : deleted + 1;
                if (cursor.Segment < next)
                {
                    cursor = new SpoolPosition(next, 0);
                }
            }

            SpoolCursor.Write(cursorPath, cursor, dropped);
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            active?.Dispose();
            active = null;
        }
    }

    private long ActiveId => active is null ? -1 : segments[^1].Id;

    private string SegmentPath(long id) => Path.Combine(directory, id.ToString("D12", CultureInfo.InvariantCulture) + Extension);

    private FileStream OpenRead(long id) =>
        new(SegmentPath(id), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool segment {Segment} is damaged at offset {Offset}; the rest of it is skipped")]
    private static partial void LogSkippedDamage(ILogger logger, long segment, long offset);
}
