using System.Collections;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.Configuration;

public sealed class AgentConfigurationTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void FlagsOverrideTheEnvironmentWhichOverridesTheFile()
    {
        var file = WriteConfig("""{"endpoint":"https://file.example","key":"file-key","host_id":"from-file","top":3,"sample_interval":10}""");
        var env = Env(("INFRA_AGENT_KEY", "env-key"), ("INFRA_AGENT_HOST_ID", "from-env"), ("INFRA_AGENT_TOP", "4"));

        var (options, command) = AgentConfiguration.Load(["--host-id", "from-flag", "--config", file], env);

        Assert.Equal(AgentCommand.Run, command);
        Assert.Equal(new Uri("https://file.example"), options.Endpoint);
        Assert.Equal(("env-key", "from-flag", 4, TimeSpan.FromSeconds(10)), (options.Key, options.HostId, options.Top, options.SampleInterval));
    }

    [Fact]
    public void EveryFlagIsReadAndDefaultsFillTheRest()
    {
        var (options, _) = AgentConfiguration.Load(
            ["--endpoint=http://127.0.0.1:7071", "--key", "k", "--sample-interval", "1", "--post-interval", "10", "--watch", "nginx,postgres",
             "--watch", "redis-server", "--spool-dir", "/tmp/spool", "--queue-limit-mb", "5", "--top", "0"],
            Env(),
            Path.Combine(directory.Path, "missing.json"));

        Assert.Equal(["nginx", "postgres", "redis-server"], options.Watch);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), "/tmp/spool", 5L * 1024 * 1024, 0),
            (options.SampleInterval, options.PostInterval, options.SpoolDir, options.QueueLimitBytes, options.Top));
        Assert.Equal(Environment.MachineName, options.HostId);
    }

    [Fact]
    public void WatchIsAJsonArrayInTheFileAndACommaListInTheEnvironment()
    {
        var file = WriteConfig("""{"endpoint":"https://x.example","key":"k","watch":["nginx","sshd"]}""");

        Assert.Equal(["nginx", "sshd"], AgentConfiguration.Load([], Env(("INFRA_AGENT_CONFIG", file))).Options.Watch);
        Assert.Equal(["a", "b"], AgentConfiguration.Load([], Env(("INFRA_AGENT_CONFIG", file), ("INFRA_AGENT_WATCH", "a, b"))).Options.Watch);
    }

    [Fact]
    public void OnceNeedsNeitherEndpointNorKey()
    {
        var (options, command) = AgentConfiguration.Load(["--once"], Env(), Path.Combine(directory.Path, "missing.json"));

        Assert.Equal(AgentCommand.Once, command);
        Assert.Null(options.Endpoint);
    }

    [Theory]
    [InlineData("endpoint", new[] { "--key", "k" })]
    [InlineData("key", new[] { "--endpoint", "https://x.example" })]
    [InlineData("endpoint", new[] { "--endpoint", "ftp://x.example", "--key", "k" })]
    [InlineData("sample_interval", new[] { "--endpoint", "https://x.example", "--key", "k", "--sample-interval", "0" })]
    [InlineData("post_interval", new[] { "--endpoint", "https://x.example", "--key", "k", "--post-interval", "fast" })]
    [InlineData("top", new[] { "--endpoint", "https://x.example", "--key", "k", "--top", "2.5" })]
    [InlineData("queue_limit_mb", new[] { "--endpoint", "https://x.example", "--key", "k", "--queue-limit-mb", "-1" })]
    [InlineData("host_id", new[] { "--endpoint", "https://x.example", "--key", "k", "--host-id", "a/b" })]
    public void ABadSettingFailsWithAMessageNamingIt(string setting, string[] args)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(args, Env(), Path.Combine(directory.Path, "none.json")));

        Assert.Contains($"'{setting}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("INFRA_AGENT_" + setting.ToUpperInvariant(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFlagsMissingValuesAndMissingOrBrokenFilesFail()
    {
        Assert.Contains("--endpiont", Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--endpiont", "x"], Env())).Message, StringComparison.Ordinal);
        Assert.Contains("--key", Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--key"], Env())).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--config", "/nonexistent/agent.json"], Env())).Message, StringComparison.Ordinal);
        var broken = WriteConfig("{ not json");
        Assert.Contains(broken, Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--config", broken], Env())).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(UnixFileMode.GroupRead, "640")]
    [InlineData(UnixFileMode.OtherRead, "604")]
    public void AFileHoldingTheKeyThatOthersCanReadIsRefusedWithItsModeAndTheFix(UnixFileMode extra, string mode)
    {
        var file = WriteConfig("""{"endpoint":"https://x.example","key":"secret"}""", UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);

        var error = Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--config", file], Env()));

        Assert.Contains($"'{file}' holds the agent key and is readable by group or others (mode {mode})", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod 600 '{file}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileWithoutTheKeyMayBeReadableButNotWritableByOthers()
    {
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var file = WriteConfig("""{"endpoint":"https://x.example","top":3}""", readable);

        Assert.Equal(3, AgentConfiguration.Load(["--config", file], Env(("INFRA_AGENT_KEY", "k"))).Options.Top);

        File.SetUnixFileMode(file, readable | UnixFileMode.OtherWrite);
        var error = Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--config", file], Env(("INFRA_AGENT_KEY", "k"))));
        Assert.Contains($"'{file}' is writable by group or others (mode 646)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyAKeyGivenAsAFlagCountsAsOnTheCommandLine()
    {
        Assert.True(AgentConfiguration.KeyOnCommandLine(["--endpoint", "https://x.example", "--key", "k"]));
        Assert.True(AgentConfiguration.KeyOnCommandLine(["--key=k"]));
        Assert.False(AgentConfiguration.KeyOnCommandLine(["--endpoint", "https://x.example", "--host-id", "key"]));
    }

    public void Dispose() => directory.Dispose();

    private string WriteConfig(string json, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(directory.Path, "agent.json");
        File.WriteAllText(path, json);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    private static Hashtable Env(params (string Key, string Value)[] values)
    {
        var env = new Hashtable { ["PATH"] = "/usr/bin", ["INFRA_OTHER"] = "ignored" };
        foreach (var (key, value) in values)
        {
            env[key] = value;
        }

        return env;
    }
}
