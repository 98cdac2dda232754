using System.Xml.Linq;
using InfraFunctions.Agent.Collectors;

namespace InfraFunctions.Agent.Tests.Collectors;

public sealed class AgentVersionTests
{
    [Fact]
    public void TheAgentReportsTheProductVersionOfDirectoryBuildPropsWithoutASourceRevision()
    {
        var props = XDocument.Load(Path.Combine(TestFiles.RepositoryRoot(), "Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value;

        Assert.Equal(version, PlatformCollector.AgentVersion);
        Assert.Equal(version, PlatformCollector.Collect(0).AgentVersion);
    }
}
