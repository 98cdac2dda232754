using System.Buffers.Binary;

namespace InfraFunctions.Agent.Delivery;

/// <summary>
/// The record framing of a spool segment: a 4-byte little-endian payload length, the payload's 4-byte CRC-32,
/// then the payload. A record cut short by a crash, or with a wrong CRC, ends the readable part of its segment.
/// </summary>
internal static class SpoolRecords
{
    public const int HeaderBytes = 8;

    // A sample is a few KB; anything claiming more is a damaged length field, not a record.
    public const int MaxPayloadBytes = 16 * 1024 * 1024;

    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var record = new byte[HeaderBytes + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(record, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), Crc32.Compute(payload));
        payload.CopyTo(record.AsSpan(HeaderBytes));
        return record;
    }

    /// <summary>Reads the next whole record, or returns null at the end of the segment or at a torn or corrupt record.</summary>
    public static byte[]? ReadNext(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        if (stream.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) < HeaderBytes)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length is < 0 or > MaxPayloadBytes)
        {
            return null;
        }

        var payload = new byte[length];
        if (stream.ReadAtLeast(payload, length, throwOnEndOfStream: false) < length || Crc32.Compute(payload) != crc)
        {
            return null;
        }

        return payload;
    }

    /// <summary>The length of the readable prefix of a segment file: where its last whole record ends.</summary>
    public static long ValidLength(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        long end = 0;
        while (ReadNext(stream) is not null)
        {
            end = stream.Position;
        }

        return end;
    }

    /// <summary>How many whole records a segment holds from <paramref name="offset"/> on.</summary>
    public static long Count(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
        stream.Position = offset;
        long count = 0;
        while (ReadNext(stream) is not null)
        {
            count++;
        }

        return count;
    }
}
