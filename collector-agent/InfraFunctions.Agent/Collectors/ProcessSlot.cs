using System.Text;
using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Collectors;

/// <summary>A reused holder for one process of one scan; strings are made only for reported processes.</summary>
internal sealed class ProcessSlot
{
    // The kernel's comm is at most 15 bytes (TASK_COMM_LEN 16), kernel threads' names up to 63.
    private readonly byte[] comm = new byte[64];
    private int commLength;

    public int Pid { get; private set; }

    public PidStat Stat { get; private set; }

    public double CpuPercent { get; set; }

    public ReadOnlySpan<byte> Comm => comm.AsSpan(0, commLength);

    public string Name => Encoding.UTF8.GetString(Comm);

    public void Set(int pid, ReadOnlySpan<byte> name, PidStat stat)
    {
        Pid = pid;
        Stat = stat;
        commLength = Math.Min(name.Length, comm.Length);
        name[..commLength].CopyTo(comm);
    }
}
