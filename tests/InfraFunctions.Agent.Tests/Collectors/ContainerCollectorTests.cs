using InfraFunctions.Agent.Collectors;
using Microsoft.Extensions.Time.Testing;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class ContainerCollectorTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "agent-cgroup-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void FindsDockerContainerdAndPodmanContainersOnAHost()
    {
        CopyTree(TestFiles.Path("cgroup-docker-host"), root);
        var containers = new ContainerCollector(new FakeTimeProvider(), root).Collect();

        Assert.Equal(
            [("containerd", "a1b2c3d4e5f6"), ("docker", "3f4e1c2b9a8d"), ("docker", "fedcba987654"), ("podman", "0123456789ab")],
            containers.Select(c => (c.Runtime, c.Id)).Order());
        var docker = containers.Single(c => c.Id == "3f4e1c2b9a8d");
        Assert.Equal((157286400L, 536870912L, 0.0), (docker.MemoryBytes, docker.MemoryLimitBytes, docker.CpuPercent));
        Assert.Equal(0, containers.Single(c => c.Runtime == "podman").MemoryLimitBytes);
    }

    [Fact]
    public void CpuPercentIsTheUsageDeltaOverTheInterval()
    {
        CopyTree(TestFiles.Path("cgroup-docker-host"), root);
        var time = new FakeTimeProvider();
        var collector = new ContainerCollector(time, root);
        collector.Collect();
        var scope = Directory.GetDirectories(Path.Combine(root, "system.slice"), "docker-*").Single();
        File.WriteAllText(Path.Combine(scope, "cpu.stat"), "usage_usec 91713377\nuser_usec 1\nsystem_usec 1\n");

        time.Advance(TimeSpan.FromSeconds(5));
        var docker = collector.Collect().Single(c => c.Id == "3f4e1c2b9a8d");

        Assert.Equal(150.0, docker.CpuPercent, 3); // 7.5 s of CPU in 5 s: one and a half cores
    }

    [Fact]
    public void InsideAContainerItsOwnCgroupViewHasNoContainers()
    {
        CopyTree(TestFiles.Path("cgroup-container-view"), root);

        Assert.Empty(new ContainerCollector(new FakeTimeProvider(), root).Collect());
    }

    [Fact]
    public void AHostWithoutCgroupV2ReportsNoContainers() =>
        Assert.Empty(new ContainerCollector(new FakeTimeProvider(), null).Collect());

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
