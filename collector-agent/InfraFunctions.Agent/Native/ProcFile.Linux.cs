using System.Buffers.Text;
using System.Text;

namespace InfraFunctions.Agent.Native;

/// <summary>Reads small kernel files into a caller's buffer without allocating.</summary>
internal static unsafe class ProcFile
{
    /// <summary>Reads the whole file (NUL-terminated path) into <paramref name="buffer"/>, growing it when full. Returns -1 when it cannot be opened.</summary>
    public static int ReadAll(ReadOnlySpan<byte> path, ref byte[] buffer)
    {
        int fd;
        fixed (byte* p = path)
        {
            fd = LibC.Open(p, LibC.ReadOnly | LibC.CloseOnExec);
        }

        if (fd < 0)
        {
            return -1;
        }

        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                nint n;
                fixed (byte* b = &buffer[length])
                {
                    n = LibC.Read(fd, b, buffer.Length - length);
                }

                if (n <= 0)
                {
                    return n < 0 && length == 0 ? -1 : length;
                }

                length += (int)n;
            }
        }
        finally
        {
            _ = LibC.Close(fd);
        }
    }

    /// <summary>
    /// One read call: /proc/[pid]/stat is produced whole by the first read, so a second call to see EOF
    /// is a wasted syscall per process. Returns -1 when the file is gone (the process exited).
    /// </summary>
    public static int ReadOnce(ReadOnlySpan<byte> path, Span<byte> buffer)
    {
        int fd;
        fixed (byte* p = path)
        {
            fd = LibC.Open(p, LibC.ReadOnly | LibC.CloseOnExec);
        }

        if (fd < 0)
        {
            return -1;
        }

        nint n;
        fixed (byte* b = buffer)
        {
            n = LibC.Read(fd, b, buffer.Length);
        }

        _ = LibC.Close(fd);
        return (int)n;
    }

    /// <summary>Reads a file named by a string path; for files read once or rarely.</summary>
    public static int ReadAll(string path, ref byte[] buffer)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(path.Length) + 1];
        var n = Encoding.UTF8.GetBytes(path, utf8);
        utf8[n] = 0;
        return ReadAll(utf8[..(n + 1)], ref buffer);
    }

    /// <summary>Writes <c>/proc/{pid}/{leaf}\0</c> into <paramref name="destination"/> and returns the used part.</summary>
    public static ReadOnlySpan<byte> PidPath(Span<byte> destination, int pid, ReadOnlySpan<byte> leaf)
    {
        "/proc/"u8.CopyTo(destination);
        Utf8Formatter.TryFormat(pid, destination[6..], out var digits);
        var at = 6 + digits;
        destination[at++] = (byte)'/';
        leaf.CopyTo(destination[at..]);
        at += leaf.Length;
        destination[at++] = 0;
        return destination[..at];
    }
}
