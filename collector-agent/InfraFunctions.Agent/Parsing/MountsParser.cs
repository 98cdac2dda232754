namespace InfraFunctions.Agent.Parsing;

/// <summary>One line of <c>/proc/mounts</c>.</summary>
internal sealed record MountEntry(string Device, string MountPoint, string FsType);

/// <summary>Parses <c>/proc/mounts</c> and keeps the real filesystems, as <c>df</c> lists them.</summary>
internal static class MountsParser
{
    // Kernel and memory filesystems: they hold no user data on a disk.
    private static readonly HashSet<string> Pseudo = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "devtmpfs", "devpts", "tmpfs", "ramfs", "cgroup", "cgroup2", "pstore", "bpf", "securityfs",
        "debugfs", "tracefs", "configfs", "fusectl", "mqueue", "hugetlbfs", "autofs", "binfmt_misc", "rpc_pipefs",
        "nsfs", "efivarfs", "selinuxfs", "squashfs", "iso9660", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.portal",
        "overlay", "aufs", "nfsd", "sunrpc", "devfs", "none",
    };

    // Filesystems whose source is not a /dev path but which do hold data.
    private static readonly HashSet<string> RealWithoutDevice = new(StringComparer.Ordinal)
    {
        "zfs", "nfs", "nfs4", "cifs", "smb3", "smbfs", "9p", "virtiofs", "ceph", "glusterfs", "fuse.sshfs",
    };

    // Container runtimes bind-mount these single files from the host's disk; they are not filesystems of their own.
    private static readonly HashSet<string> RuntimeFileMounts = new(StringComparer.Ordinal)
    {
        "/etc/resolv.conf", "/etc/hostname", "/etc/hosts",
    };

    public static List<MountEntry> ParseAll(ReadOnlySpan<byte> text)
    {
        var mounts = new List<MountEntry>();
        while (ProcText.NextLine(ref text, out var line))
        {
            if (ProcText.NextToken(ref line, out var device)
                && ProcText.NextToken(ref line, out var mountPoint)
                && ProcText.NextToken(ref line, out var fsType))
            {
                mounts.Add(new MountEntry(ProcText.Unescape(device), ProcText.Unescape(mountPoint), ProcText.ToText(fsType)));
            }
        }

        return mounts;
    }

    /// <summary>
    /// Real filesystems, each device once (bind mounts and repeated mounts of one device are left out);
    /// the root filesystem is always kept, since it is the sample's single disk figure, even in a container.
    /// </summary>
    public static List<MountEntry> ParseReal(ReadOnlySpan<byte> text)
    {
        var real = new List<MountEntry>();
        var devices = new HashSet<string>(StringComparer.Ordinal);
        var mountPoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in ParseAll(text))
        {
            var isRoot = mount.MountPoint == "/";
            if (!isRoot && !IsReal(mount))
            {
                continue;
            }

            if (!mountPoints.Add(mount.MountPoint) || (!devices.Add(mount.Device) && !isRoot))
            {
                continue;
            }

            real.Add(mount);
        }

        return real;
    }

    private static bool IsReal(MountEntry mount) =>
        !Pseudo.Contains(mount.FsType)
        && !RuntimeFileMounts.Contains(mount.MountPoint)
        && (mount.Device.StartsWith('/') || RealWithoutDevice.Contains(mount.FsType));
}
