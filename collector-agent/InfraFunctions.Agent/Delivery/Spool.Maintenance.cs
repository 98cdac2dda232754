using System.Globalization;
using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Delivery;

/// <summary>Recovery after a restart, segment rollover and the size bound.</summary>
internal sealed partial class Spool
{
    private void Recover()
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                segments.Add((id, new FileInfo(path).Length));
            }
        }

        segments.Sort((a, b) => a.Id.CompareTo(b.Id));
        var saved = SpoolCursor.Read(cursorPath);
        cursor = saved?.Position ?? new SpoolPosition(segments.Count > 0 ? segments[0].Id : 1, 0);
        dropped = saved?.Dropped ?? 0;
        while (segments.Count > 0 && segments[0].Id < cursor.Segment)
        {
            DeleteOldest();
        }

        if (segments.Count == 0)
        {
            // Everything was acknowledged and removed: the next segment starts after the cursor's.
            cursor = new SpoolPosition(cursor.Segment + 1, 0);
        }
        else if (cursor.Segment < segments[0].Id)
        {
            cursor = new SpoolPosition(segments[0].Id, 0);
        }

        if (segments.Count > 0)
        {
            // Appends are fsynced one by one, so only the newest segment can end in a torn record.
            var (id, size) = segments[^1];
            var valid = SpoolRecords.ValidLength(SegmentPath(id));
            if (valid < size)
            {
                LogTornRecord(logger, id, size - valid);
                using var stream = new FileStream(SegmentPath(id), FileMode.Open, FileAccess.Write, FileShare.Read);
                stream.SetLength(valid);
                stream.Flush(flushToDisk: true);
                segments[^1] = (id, valid);
            }
        }
    }

    private void StartSegment()
    {
        active?.Dispose();
        var id = Math.Max(segments.Count > 0 ? segments[^1].Id : 0, cursor.Segment - 1) + 1;
        active = new FileStream(SegmentPath(id), FileMode.Append, FileAccess.Write, FileShare.Read, 0);
        if (segments.Count == 0 || segments[^1].Id != id)
        {
            segments.Add((id, active.Length));
        }

        SpoolCursor.SyncDirectory(directory);
    }

    private void EnforceLimit()
    {
        long total = 0;
        foreach (var segment in segments)
        {
            total += segment.Size;
        }

        long droppedNow = 0;
        while (total > limitBytes && segments.Count > 1)
        {
            var (id, size) = segments[0];
            droppedNow += SpoolRecords.Count(SegmentPath(id), id == cursor.Segment ? cursor.Offset : 0);
            total -= size;
            droppedSinceRead = id;
            DeleteOldest();
            if (cursor.Segment <= id)
            {
                cursor = new SpoolPosition(segments[0].Id, 0);
            }
        }

        if (droppedNow > 0)
        {
            dropped += droppedNow;
            SpoolCursor.Write(cursorPath, cursor, dropped);
            LogDropped(logger, droppedNow, limitBytes / (1024 * 1024), dropped);
        }
    }

    private void DeleteOldest()
    {
        File.Delete(SegmentPath(segments[0].Id));
        segments.RemoveAt(0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool segment {Segment} ended in a torn record ({Bytes} bytes), left by a crash; it was cut off")]
    private static partial void LogTornRecord(ILogger logger, long segment, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spool is full ({LimitMb} MB): dropped the {Count} oldest samples; {Total} drops will be reported to the server")]
    private static partial void LogDropped(ILogger logger, long count, long limitMb, long total);
}
