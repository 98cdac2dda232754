namespace InfraFunctions.Contracts;

/// <summary>One mounted filesystem with its IO rates.</summary>
/// <param name="Mount">Mount point, such as <c>/</c>.</param>
/// <param name="Device">Block device, such as <c>/dev/sda1</c>.</param>
/// <param name="FsType">Filesystem type, such as <c>ext4</c>.</param>
/// <param name="TotalGb">Size in GB.</param>
/// <param name="UsedGb">Used space in GB.</param>
/// <param name="FreeGb">Space available to unprivileged users in GB.</param>
/// <param name="Percent">Used share as df shows it, 0-100.</param>
/// <param name="ReadBytesPerSec">Bytes read per second over the last interval.</param>
/// <param name="WriteBytesPerSec">Bytes written per second over the last interval.</param>
public sealed record DiskMount(
    string Mount,
    string Device,
    string FsType,
    double TotalGb,
    double UsedGb,
    double FreeGb,
    double Percent,
    double ReadBytesPerSec = 0,
    double WriteBytesPerSec = 0);
