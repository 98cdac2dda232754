
namespace InfraFunctions.Agent.Tests.Configuration;

public sealed class SystemdAndCheckSettingsTests : IDisposable
{
    private readonly ConfigurationDirectory directory = new();

    [Fact]
    public void SystemdIsOnWithoutWatchedUnitsAndWithoutChecksByDefault()
    {
        var options = directory.Load([]);

        Assert.True(options.Systemd);
        Assert.Empty(options.WatchUnits);
        Assert.Empty(options.Checks);
        Assert.Null(options.SystemBusAddress);
    }

    [Fact]
    public void SystemdIsAnObjectInTheFileAndWatchedNamesWithoutATypeAreServices()
    {
        var file = directory.WriteConfig("""{"systemd": {"enabled": false, "watch_units": ["nginx", "data.mount", "nginx.service"]}}""");

        var options = directory.Load(["--config", file]);

        Assert.False(options.Systemd);
        Assert.Equal(["nginx.service", "data.mount"], options.WatchUnits);
    }

    [Fact]
    public void TheEnvironmentAndFlagsOverrideTheFile()
    {
        var file = directory.WriteConfig("""{"systemd": {"enabled": true, "watch_units": ["nginx"]}}""");

        var fromEnvironment = directory.Load(["--config", file], ("INFRA_AGENT_SYSTEMD", "false"), ("INFRA_AGENT_WATCH_UNITS", "sshd, docker.socket"));
        var fromFlags = directory.Load(["--config", file, "--systemd", "false", "--watch-unit", "a", "--watch-unit", "b.timer"], ("INFRA_AGENT_SYSTEMD", "true"));

        Assert.False(fromEnvironment.Systemd);
        Assert.Equal(["sshd.service", "docker.socket"], fromEnvironment.WatchUnits);
        Assert.False(fromFlags.Systemd);
        Assert.Equal(["a.service", "b.timer"], fromFlags.WatchUnits);
    }

    [Fact]
    public void ChecksAreObjectsInTheFileWithDefaultsForWhatIsLeftOut()
    {
        var file = directory.WriteConfig("""
            {"checks": [
              {"name": "web", "target": "https://example.com/health", "interval": 60, "timeout": 10, "expect_status": 200, "body_contains": "ok", "verify_tls": false},
              {"target": "tcp://db.internal:5432"},
              {"target": "http://127.0.0.1:8080/", "interval": 5}
            ]}
            """);

        var checks = directory.Load(["--config", file]).Checks;

        Assert.Equal(
            new CheckOptions("web", "https://example.com/health", CheckKind.Http, "example.com", 443, new Uri("https://example.com/health"),
                TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10), 200, "ok", false),
            checks[0]);
        Assert.Equal(
            new CheckOptions("tcp://db.internal:5432", "tcp://db.internal:5432", CheckKind.Tcp, "db.internal", 5432, null,
                TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)),
            checks[1]);
        // At the shortest interval the default timeout is half of it, so a run always ends before the next.
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2.5), true), (checks[2].Interval, checks[2].Timeout, checks[2].VerifyTls));
    }

    [Fact]
    public void ChecksFromTheEnvironmentOrRepeatedFlagsReplaceTheFileAndTakeTheDefaults()
    {
        var file = directory.WriteConfig("""{"checks": [{"target": "tcp://from-file:1"}]}""");

        var fromEnvironment = directory.Load(["--config", file], ("INFRA_AGENT_CHECKS", "tcp://a:1, https://b.example/"));
        var fromFlags = directory.Load(["--config", file, "--check", "tcp://c:2", "--check=http://d.example/x"]);

        Assert.Equal(["tcp://a:1", "https://b.example/"], fromEnvironment.Checks.Select(c => c.Target));
        Assert.Equal(["tcp://c:2", "http://d.example/x"], fromFlags.Checks.Select(c => c.Name));
        Assert.All(fromFlags.Checks, c => Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), null, null, true), (c.Interval, c.Timeout, c.ExpectStatus, c.BodyContains, c.VerifyTls)));
    }

    [Theory]
    [InlineData("""{"systemd": {"enabled": "maybe"}}""", "'systemd'", "must be true or false (got 'maybe')")]
    [InlineData("""{"systemd": {"watch_units": ["bad name"]}}""", "'watch_units'", "(got 'bad name')")]
    [InlineData("""{"checks": [{"target": "ftp://x.example/"}]}""", "entry 1 ('ftp://x.example/')", "scheme 'ftp': it must be tcp, http or https")]
    [InlineData("""{"checks": [{"target": "tcp://db:70000"}]}""", "entry 1 ('tcp://db:70000')", "port '70000', out of range: it must be from 1 to 65535")]
    [InlineData("""{"checks": [{"target": "tcp://db"}]}""", "entry 1 ('tcp://db')", "'target' must be tcp://host:port")]
    [InlineData("""{"checks": [{"target": "tcp://db:1", "interval": 10, "timeout": 10}]}""", "entry 1 ('tcp://db:1')", "'timeout' (10 s) must be less than 'interval' (10 s)")]
    [InlineData("""{"checks": [{"target": "tcp://db:1", "interval": 2}]}""", "entry 1 ('tcp://db:1')", "'interval' must be a number of seconds from 5 to 86400 (got '2')")]
    [InlineData("""{"checks": [{"target": "https://x.example/", "expect_status": 700}]}""", "entry 1 ('https://x.example/')", "'expect_status' must be an HTTP status from 100 to 599")]
    [InlineData("""{"checks": [{"target": "https://x.example/", "verify_tls": "no"}]}""", "entry 1 ('https://x.example/')", "'verify_tls' must be true or false")]
    [InlineData("""{"checks": [{"target": "tcp://db:1", "body_contains": "ok"}]}""", "entry 1 ('tcp://db:1')", "apply to http(s) targets only")]
    [InlineData("""{"checks": [{"name": "web"}]}""", "entry 1", "needs a \"target\"")]
    [InlineData("""{"checks": ["tcp://db:1", "tcp://db:1"]}""", "entry 2 ('tcp://db:1')", "has the same name as entry 1")]
    public void ABadSystemdOrCheckSettingFailsWithAMessageNamingIt(string json, string names, string problem)
    {
        var file = directory.WriteConfig(json);

        var error = Assert.Throws<AgentConfigurationException>(() => directory.Load(["--config", file]));

        Assert.Contains(names, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadCheckFromAFlagNamesWhereChecksAreSet()
    {
        var error = Assert.Throws<AgentConfigurationException>(() => directory.Load(["--check", "tcp://db:0"]));

        Assert.Contains("'checks' (in the configuration file, INFRA_AGENT_CHECKS, or --check) entry 1 ('tcp://db:0')", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();
}
