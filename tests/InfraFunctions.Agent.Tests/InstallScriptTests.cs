using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests;

/// <summary>install.sh is only ever run here with DESTDIR or --dry-run: it must never touch this machine's systemd.</summary>
public sealed class InstallScriptTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string script = Path.Combine(TestFiles.RepositoryRoot(), "collector-agent", "install.sh");
    private readonly string binary;

    public InstallScriptTests()
    {
        binary = Path.Combine(directory.Path, "infra-agent");
        File.WriteAllText(binary, "#!/bin/sh\n");
    }

    [Fact]
    public void InstallAndBenchScriptsAreValidBash()
    {
        Assert.Equal(0, Commands.RunWithExit("bash", ["-n", script]).Code);
        Assert.Equal(0, Commands.RunWithExit("bash", ["-n", Path.Combine(TestFiles.RepositoryRoot(), "collector-agent", "bench", "run.sh")]).Code);
    }

    [Fact]
    public void WithDestdirItWritesTheBinaryAPrivateConfigurationAndANotifyUnit()
    {
        var root = Path.Combine(directory.Path, "root");

        var (code, output, error) = Commands.RunWithExit(
            "bash", [script, "--endpoint", "https://app.example", "--key", "se\"cret", "--host-id", "web-1", "--binary", binary],
            new Dictionary<string, string> { ["DESTDIR"] = root });

        Assert.True(code == 0, error);
        Assert.Contains("systemd left alone", output, StringComparison.Ordinal);
        Assert.Equal("755", Mode(Path.Combine(root, "usr/local/bin/infra-agent")));
        var config = Path.Combine(root, "etc/infrafunctions/agent.json");
        Assert.Equal("600", Mode(config));
        var (options, _) = AgentConfiguration.Load(["--config", config], new System.Collections.Hashtable());
        Assert.Equal((new Uri("https://app.example"), "se\"cret", "web-1", "/var/lib/infrafunctions/spool"), (options.Endpoint, options.Key, options.HostId, options.SpoolDir));
        var unit = File.ReadAllText(Path.Combine(root, "etc/systemd/system/infra-agent.service"));
        Assert.Contains("Type=notify", unit, StringComparison.Ordinal);
        Assert.Contains("Restart=always", unit, StringComparison.Ordinal);
        Assert.Contains("StateDirectory=infrafunctions/spool", unit, StringComparison.Ordinal);
        Assert.Contains("ExecStart=/usr/local/bin/infra-agent --config /etc/infrafunctions/agent.json", unit, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRunChangesNothingAndDoesNotPrintTheKey()
    {
        var (code, output, _) = Commands.RunWithExit("bash", [script, "--endpoint", "https://app.example", "--key", "topsecret", "--binary", binary, "--dry-run"]);

        Assert.Equal(0, code);
        Assert.Contains("would run: systemctl enable --now infra-agent.service", output, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderAPermissiveUmaskOverWorldReadableLeftoversTheConfigurationIsStillMode600AndTheAgentAcceptsIt()
    {
        var root = Path.Combine(directory.Path, "root");
        var config = Path.Combine(root, "etc/infrafunctions/agent.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        var everyone = (UnixFileMode)0x1B6; // 666
        foreach (var leftover in new[] { config, config + ".tmp" })
        {
            File.WriteAllText(leftover, """{"endpoint":"https://old.example","key":"old-key"}""");
            File.SetUnixFileMode(leftover, everyone);
        }

        var (code, _, error) = Commands.RunWithExit(
            "bash", ["-c", "umask 000; exec \"$@\"", "bash", script, "--endpoint", "https://app.example", "--key", "new-key", "--binary", binary],
            new Dictionary<string, string> { ["DESTDIR"] = root });

        Assert.True(code == 0, error);
        Assert.Equal("600", Mode(config));
        Assert.False(File.Exists(config + ".tmp"));
        var (options, _) = AgentConfiguration.Load(["--config", config], new System.Collections.Hashtable());
        Assert.Equal("new-key", options.Key);
    }

    [Fact]
    public void TheAgentRefusesAConfigurationThatAnInstallLeftReadableByOthers()
    {
        var root = Path.Combine(directory.Path, "root");
        Assert.Equal(0, Commands.RunWithExit("bash", [script, "--endpoint", "https://app.example", "--key", "k", "--binary", binary], new Dictionary<string, string> { ["DESTDIR"] = root }).Code);
        var config = Path.Combine(root, "etc/infrafunctions/agent.json");
        File.SetUnixFileMode(config, (UnixFileMode)0x1A4); // 644, as a careless copy would leave it

        var refused = Assert.Throws<AgentConfigurationException>(() => AgentConfiguration.Load(["--config", config], new System.Collections.Hashtable()));

        Assert.Contains("readable by group or others (mode 644)", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--key", "k")]
    [InlineData("--endpoint", "https://app.example")]
    [InlineData("--endpoint", "app.example")]
    public void MissingOrBadArgumentsFailBeforeAnythingIsWritten(string flag, string value)
    {
        var root = Path.Combine(directory.Path, "root");
        var args = new List<string> { script, flag, value, "--binary", binary };
        if (flag == "--endpoint" && value.StartsWith("app", StringComparison.Ordinal))
        {
            args.AddRange(["--key", "k"]);
        }

        var (code, _, error) = Commands.RunWithExit("bash", args, new Dictionary<string, string> { ["DESTDIR"] = root });

        Assert.Equal(2, code);
        Assert.Contains("--endpoint", error + string.Join(' ', args), StringComparison.Ordinal);
        Assert.False(Directory.Exists(root));
    }

    public void Dispose() => directory.Dispose();

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);
}
