using System.Text;

namespace InfraFunctions.Agent.Collectors;

/// <summary>One container's cgroup directory, its file paths ready for the reader, and its last CPU reading.</summary>
internal sealed class ContainerCgroup(string directory, string runtime, string id)
{
    private ulong previousUsage;
    private long previousTimestamp;

    public string Directory { get; } = directory;

    public string Runtime { get; } = runtime;

    public string Id { get; } = id;

    public byte[] CpuStatPath { get; } = PathOf(directory, "cpu.stat");

    public byte[] MemoryCurrentPath { get; } = PathOf(directory, "memory.current");

    public byte[] MemoryMaxPath { get; } = PathOf(directory, "memory.max");

    /// <summary>CPU share of one core since the last call; 0 on the first.</summary>
    public double PercentSince(ulong usageMicroseconds, long timestamp, TimeProvider time)
    {
        var percent = 0.0;
        if (previousTimestamp != 0 && usageMicroseconds >= previousUsage)
        {
            var seconds = time.GetElapsedTime(previousTimestamp, timestamp).TotalSeconds;
            percent = seconds <= 0 ? 0 : Units.Round((usageMicroseconds - previousUsage) / 1e6 / seconds * 100);
        }

        previousUsage = usageMicroseconds;
        previousTimestamp = timestamp;
        return percent;
    }

    private static byte[] PathOf(string directory, string file) => Encoding.UTF8.GetBytes($"{directory}/{file}\0");
}
