using System.Collections;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.Configuration;

public sealed class KeySourcesTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly TempDirectory directory = new();

    private string Missing => Path.Combine(directory.Path, "none.json");

    [Fact]
    public void WithoutKeyOrInfraAgentKeyTheKeyIsReadFromKeyFile()
    {
        var keyFile = WriteKey("ifa_abc.stored\n", OwnerOnly);

        var options = Load(["--endpoint", "https://x.example", "--key-file", keyFile]);

        Assert.Equal("ifa_abc.stored", options.Key);
        Assert.Equal(keyFile, options.KeyFile);
    }

    [Fact]
    public void KeyAndInfraAgentKeyWinOverKeyFile()
    {
        var keyFile = WriteKey("ifa_abc.stored", OwnerOnly);

        Assert.Equal("ifa_env.key", Load(["--endpoint", "https://x.example", "--key-file", keyFile], ("INFRA_AGENT_KEY", "ifa_env.key")).Key);
        Assert.Equal("ifa_flag.key", Load(["--endpoint", "https://x.example", "--key-file", keyFile, "--key", "ifa_flag.key"]).Key);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead, "640")]
    [InlineData(UnixFileMode.OtherRead, "604")]
    [InlineData(UnixFileMode.UserExecute, "700")]
    public void AKeyFileLooserThanMode600IsRefusedWithItsModeAndTheFix(UnixFileMode extra, string mode)
    {
        var keyFile = WriteKey("ifa_abc.stored", OwnerOnly | extra);

        var error = Assert.Throws<AgentConfigurationException>(() => Load(["--endpoint", "https://x.example", "--key-file", keyFile]));

        Assert.Contains($"'{keyFile}' (from 'key_file') must be mode 600 or stricter, but is mode {mode}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 '{keyFile}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyFileOfMode400IsRead()
    {
        var keyFile = WriteKey("ifa_abc.stored", UnixFileMode.UserRead);

        Assert.Equal("ifa_abc.stored", Load(["--endpoint", "https://x.example", "--key-file", keyFile]).Key);
    }

    [Fact]
    public void WithNoKeyAnywhereTheErrorNamesEveryWayToGiveOne()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Load(["--endpoint", "https://x.example", "--key-file", Path.Combine(directory.Path, "agent.key")]));

        Assert.Contains("'key'", error.Message, StringComparison.Ordinal);
        Assert.Contains("INFRA_AGENT_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("key_file", error.Message, StringComparison.Ordinal);
        Assert.Contains("INFRA_AGENT_ENROLL_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnrollmentTokenInTheEnvironmentStandsInForTheKeyUntilEnrollmentStoresOne()
    {
        var options = Load(["--endpoint", "https://x.example", "--key-file", Path.Combine(directory.Path, "agent.key")], ("INFRA_AGENT_ENROLL_TOKEN", " ife_t.secret "));

        Assert.Null(options.Key);
        Assert.Equal("ife_t.secret", options.EnrollToken);
    }

    [Fact]
    public void EnrollNeedsTheTokenInTheEnvironmentAndNeverTakesItAsAFlag()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--enroll", "--endpoint", "https://x.example"], Env(), Missing));
        Assert.Contains("INFRA_AGENT_ENROLL_TOKEN", error.Message, StringComparison.Ordinal);

        Assert.Contains("Unknown flag '--enroll-token'", Assert.Throws<AgentConfigurationException>(
            () => AgentConfiguration.Load(["--enroll", "--endpoint", "https://x.example", "--enroll-token", "ife_t.secret"], Env(), Missing)).Message, StringComparison.Ordinal);

        var (options, command) = AgentConfiguration.Load(["--enroll", "--endpoint", "https://x.example"], Env(("INFRA_AGENT_ENROLL_TOKEN", "ife_t.secret")), Missing);
        Assert.Equal((AgentCommand.Enroll, "ife_t.secret"), (command, options.EnrollToken));
    }

    [Fact]
    public void PostOnceAndEnrollAreCommandsOfTheirOwn()
    {
        Assert.Equal(AgentCommand.PostOnce, AgentConfiguration.Load(["--post-once", "--endpoint", "https://x.example", "--key", "k"], Env(), Missing).Command);
        Assert.Contains("only one of", Assert.Throws<AgentConfigurationException>(
            () => AgentConfiguration.Load(["--post-once", "--once"], Env(), Missing)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WritingTheKeyFileCreatesItMode600AndReplacesAnOldKeyWhole()
    {
        var keyFile = Path.Combine(directory.Path, "state", "agent.key");

        KeyFile.Write(keyFile, "ifa_one.first");
        KeyFile.Write(keyFile, "ifa_two.second");

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(keyFile));
        Assert.Equal("ifa_two.second\n", File.ReadAllText(keyFile));
        Assert.Equal(["agent.key"], Directory.GetFiles(Path.GetDirectoryName(keyFile)!).Select(Path.GetFileName));
        Assert.Equal("ifa_two.second", KeyFile.Read(keyFile));
    }

    public void Dispose() => directory.Dispose();

    private AgentOptions Load(string[] args, params (string Key, string Value)[] env) => AgentConfiguration.Load(args, Env(env), Missing).Options;

    private string WriteKey(string text, UnixFileMode mode)
    {
        var path = Path.Combine(directory.Path, "agent.key");
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    private static Hashtable Env(params (string Key, string Value)[] values)
    {
        var env = new Hashtable { ["PATH"] = "/usr/bin" };
        foreach (var (key, value) in values)
        {
            env[key] = value;
        }

        return env;
    }
}
