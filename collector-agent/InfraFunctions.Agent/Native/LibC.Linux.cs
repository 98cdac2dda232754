using System.Runtime.InteropServices;

namespace InfraFunctions.Agent.Native;

/// <summary>
/// The few libc calls the hot path needs. Reading /proc through open/read/close directly costs three
/// syscalls a file and no allocation; FileStream adds fstat, flock and a SafeHandle per file.
/// </summary>
internal static unsafe partial class LibC
{
    public const int ReadOnly = 0;
    public const int CloseOnExec = 0x80000;
    public const int Directory = 0x10000;
    public const int AtFdCwd = -100;
    public const uint StatxSize = 0x200;
    public const int StatxSizeOffset = 40;
    private const int ScClockTicks = 2;
    private const int ScPageSize = 30;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    public static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int StatVfs(string path, out StatVfsResult result);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    public static partial int Statx(int directoryFd, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "sysconf")]
    private static partial long SysConf(int name);

    public static long ClockTicksPerSecond { get; } = SysConf(ScClockTicks) is > 0 and var t ? t : 100;

    public static long PageSize { get; } = SysConf(ScPageSize) is > 0 and var p ? p : 4096;
}

/// <summary><c>struct statvfs</c> as glibc lays it out on 64-bit Linux (x86_64 and aarch64).</summary>
[StructLayout(LayoutKind.Sequential, Size = 112)]
internal struct StatVfsResult
{
    public ulong BlockSize;
    public ulong FragmentSize;
    public ulong Blocks;
    public ulong BlocksFree;
    public ulong BlocksAvailable;
    public ulong Files;
    public ulong FilesFree;
    public ulong FilesAvailable;
    public ulong FileSystemId;
    public ulong Flags;
    public ulong NameMax;
}
