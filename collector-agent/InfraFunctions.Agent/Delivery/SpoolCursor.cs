using System.Buffers.Binary;
using InfraFunctions.Agent.Native;

namespace InfraFunctions.Agent.Delivery;

/// <summary>Where the first unacknowledged record is.</summary>
internal readonly record struct SpoolPosition(long Segment, long Offset);

/// <summary>
/// The committed cursor file: the first unacknowledged position and the count of samples dropped and not yet
/// reported. It is replaced atomically (write, fsync, rename, fsync the directory), so a crash leaves either
/// the old cursor or the new one, never a mix.
/// </summary>
internal static class SpoolCursor
{
    private const int Bytes = 28;

    public static (SpoolPosition Position, long Dropped)? Read(string path)
    {
        try
        {
            var data = File.ReadAllBytes(path);
            if (data.Length != Bytes || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(24)) != Crc32.Compute(data.AsSpan(0, 24)))
            {
                return null;
            }

            var position = new SpoolPosition(BinaryPrimitives.ReadInt64LittleEndian(data), BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(8)));
            return (position, BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(16)));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public static void Write(string path, SpoolPosition position, long dropped)
    {
        var data = new byte[Bytes];
        BinaryPrimitives.WriteInt64LittleEndian(data, position.Segment);
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(8), position.Offset);
        BinaryPrimitives.WriteInt64LittleEndian(data.AsSpan(16), dropped);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(24), Crc32.Compute(data.AsSpan(0, 24)));
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 0))
        {
            stream.Write(data);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(path)!);
    }

    /// <summary>fsync on the directory makes a created, renamed or deleted name durable.</summary>
    public static unsafe void SyncDirectory(string directory)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(directory + "\0");
        fixed (byte* p = utf8)
        {
            var fd = LibC.Open(p, LibC.ReadOnly | LibC.Directory | LibC.CloseOnExec);
            if (fd >= 0)
            {
                _ = LibC.Fsync(fd);
                _ = LibC.Close(fd);
            }
        }
    }
}
