using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class MountsParserTests
{
    [Fact]
    public void CapturedMountsOfThisMachineKeepOnlyTheRootDisk()
    {
        var real = MountsParser.ParseReal(TestFiles.Bytes("mounts.txt"));

        var root = Assert.Single(real);
        Assert.Equal(("/", "/dev/vda", "ext4"), (root.MountPoint, root.Device, root.FsType));
    }

    [Fact]
    public void DockerHostKeepsRealFilesystemsOnceAndLeavesOutPseudoOnes()
    {
        var real = MountsParser.ParseReal(TestFiles.Bytes("mounts-docker-host.txt"));

        Assert.Equal(["/", "/boot", "/boot/efi", "/srv/data files", "/mnt/backup"], real.Select(m => m.MountPoint));
        Assert.DoesNotContain(real, m => m.FsType is "overlay" or "tmpfs" or "squashfs" or "cgroup2" or "nsfs");
    }

    [Fact]
    public void ContainerRootOnOverlayIsKeptAndBindMountedFilesAreNot()
    {
        var real = MountsParser.ParseReal(TestFiles.Bytes("mounts-container.txt"));

        var root = Assert.Single(real);
        Assert.Equal(("/", "overlay"), (root.MountPoint, root.FsType));
    }

    [Fact]
    public void OctalEscapesInPathsAreDecoded()
    {
        var all = MountsParser.ParseAll("/dev/sdb1 /media/my\\040disk\\011tab ext4 rw 0 0\n"u8);

        Assert.Equal("/media/my disk\ttab", Assert.Single(all).MountPoint);
    }
}
