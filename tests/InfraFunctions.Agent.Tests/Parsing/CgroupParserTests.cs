using InfraFunctions.Agent.Parsing;

namespace InfraFunctions.Agent.Tests.Parsing;

public sealed class CgroupParserTests
{
    private const string Id = "3f4e1c2b9a8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    [Theory]
    [InlineData("docker-" + Id + ".scope", "system.slice", "docker")]
    [InlineData("cri-containerd-" + Id + ".scope", "kubepods-burstable-pod1.slice", "containerd")]
    [InlineData("libpod-" + Id + ".scope", "machine.slice", "podman")]
    [InlineData("crio-" + Id + ".scope", "kubepods.slice", "cri-o")]
    [InlineData(Id, "docker", "docker")]
    public void ContainerScopesAreRecognisedWithTheirRuntimeAndShortId(string name, string parent, string runtime)
    {
        Assert.True(CgroupParser.TryParseContainer(name, parent, out var actualRuntime, out var id));
        Assert.Equal((runtime, Id[..12]), (actualRuntime, id));
    }

    [Theory]
    [InlineData("docker.service", "system.slice")]
    [InlineData("libpod-conmon-" + Id + ".scope", "system.slice")]
    [InlineData("session-3.scope", "user-1000.slice")]
    [InlineData(Id, "system.slice")]
    public void OtherCgroupsAreNotContainers(string name, string parent) =>
        Assert.False(CgroupParser.TryParseContainer(name, parent, out _, out _));

    [Fact]
    public void CapturedCpuStatGivesUsageMicroseconds()
    {
        var first = Commands.Fields(TestFiles.Text("cgroup-cpu-stat.txt").Split('\n')[0]);

        Assert.Equal(ulong.Parse(first[1], null), CgroupParser.ParseUsageMicroseconds(TestFiles.Bytes("cgroup-cpu-stat.txt")));
    }

    [Fact]
    public void MemoryMaxOfMaxMeansNoLimit()
    {
        Assert.Equal(0, CgroupParser.ParseMemoryMax("max\n"u8));
        Assert.Equal(536870912, CgroupParser.ParseMemoryMax("536870912\n"u8));
        Assert.Equal(94371840, CgroupParser.ParseMemoryCurrent("94371840\n"u8));
    }
}
