using System.Text.Json.Nodes;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// Batches shaped like the agent's at its defaults: the captured payload, with the top 10 processes by CPU (the
/// agent's default top-N) and values that move from sample to sample, so compression sees realistic data.
/// </summary>
public static class FleetBatches
{
    public const int SampleIntervalSeconds = 5;

    private static readonly string[] ProcessNames =
        ["dotnet", "node", "nginx", "postgres", "redis-server", "containerd", "dockerd", "systemd-journald", "sshd", "infra-agent", "kworker/0:1", "python3"];

    public static JsonObject Build(string hostId, DateTimeOffset end, int samples, Random random) =>
        Samples.Batch(hostId, Samples.Times(end, samples, TimeSpan.FromSeconds(SampleIntervalSeconds)), (sample, _) => Vary(sample, random));

    private static void Vary(JsonObject sample, Random random)
    {
        var cpu = Math.Round(5 + (random.NextDouble() * 60), 1);
        sample["cpu"]!["percent"] = cpu;
        sample["cpu"]!["per_core"] = new JsonArray(Math.Round(cpu * 0.9, 1), Math.Round(Math.Min(100, cpu * 1.1), 1));
        sample["cpu"]!["load_avg"]!["one"] = Math.Round(random.NextDouble() * 2, 2);
        sample["memory"]!["percent"] = Math.Round(30 + (random.NextDouble() * 20), 1);
        sample["memory"]!["used_gb"] = Math.Round(7 + (random.NextDouble() * 4), 2);
        sample["network"]!["sent_bytes_per_sec"] = Math.Round(random.NextDouble() * 200_000, 2);
        sample["network"]!["recv_bytes_per_sec"] = Math.Round(random.NextDouble() * 500_000, 2);
        sample["network"]!["connections"] = random.Next(20, 400);
        sample["disks"]![0]!["read_bytes_per_sec"] = random.Next(0, 1_000_000);
        sample["disks"]![0]!["write_bytes_per_sec"] = random.Next(0, 2_000_000);
        var processes = new JsonArray();
        var template = sample["processes"]![0]!.AsObject();
        for (var p = 0; p < 10; p++)
        {
            var process = (JsonObject)template.DeepClone();
            process["pid"] = 800 + (p * 97);
            process["name"] = ProcessNames[p];
            process["status"] = p == 0 ? "running" : "sleeping";
            process["cpu_percent"] = Math.Round(cpu / (p + 2), 1);
            process["memory_mb"] = Math.Round(20 + (random.NextDouble() * 500), 1);
            process["memory_percent"] = Math.Round(random.NextDouble() * 3, 2);
            process["num_threads"] = random.Next(1, 60);
            process["num_fds"] = random.Next(4, 300);
            processes.Add(process);
        }

        sample["processes"] = processes;
    }
}
