using InfraFunctions.Agent.Native;

namespace InfraFunctions.Agent.Collectors;

/// <summary>A filesystem's space in bytes, as <c>df</c> computes it.</summary>
internal readonly record struct DiskSpace(ulong Total, ulong Used, ulong Available)
{
    /// <summary>
    /// df's Use%: used / (used + available). Blocks reserved for root are in neither, so the percent reaches
    /// 100 when unprivileged users can write no more, and total is more than used + available.
    /// </summary>
    public double Percent => Units.Percent(Used, Used + Available);

    public static DiskSpace? Read(string mountPoint)
    {
        if (LibC.StatVfs(mountPoint, out var fs) != 0)
        {
            return null;
        }

        var unit = fs.FragmentSize != 0 ? fs.FragmentSize : fs.BlockSize;
        return FromBlocks(unit, fs.Blocks, fs.BlocksFree, fs.BlocksAvailable);
    }

    public static DiskSpace FromBlocks(ulong unit, ulong blocks, ulong free, ulong available) =>
        new(blocks * unit, (blocks - Math.Min(free, blocks)) * unit, available * unit);
}
