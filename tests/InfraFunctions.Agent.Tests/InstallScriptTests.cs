using System.Text.Json;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests;

/// <summary>
/// install.sh without a server (--binary, --no-start): what it writes, keeps and removes. It is only ever run here
/// with DESTDIR or --dry-run: it must never touch this machine's systemd.
/// </summary>
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

    private string Root => Path.Combine(directory.Path, "root");

    private string ConfigPath => Path.Combine(Root, "etc/infrafunctions/agent.json");

    private string KeyFile => Path.Combine(Root, "var/lib/infrafunctions/agent.key");

    [Fact]
    public void InstallPublishAndBenchScriptsAreValidBash()
    {
        foreach (var file in new[] { script, Path.Combine(TestFiles.RepositoryRoot(), "collector-agent", "publish.sh"), Path.Combine(TestFiles.RepositoryRoot(), "collector-agent", "bench", "run.sh") })
        {
            Assert.Equal(0, Commands.RunWithExit("bash", ["-n", file]).Code);
        }
    }

    [Fact]
    public void WithDestdirItWritesTheBinaryAPrivateConfigurationAPrivateKeyFileAndAHardenedNotifyUnit()
    {
        var (code, output, error) = Install("--endpoint", "https://app.example/", "--key", "se\"cret", "--host-id", "web-1");

        Assert.True(code == 0, error);
        Assert.Contains("systemd left alone", output, StringComparison.Ordinal);
        Assert.Equal("755", Mode(Path.Combine(Root, "usr/local/bin/infra-agent")));
        Assert.Equal("600", Mode(ConfigPath));
        Assert.Equal("600", Mode(KeyFile));
        Assert.Equal("se\"cret\n", File.ReadAllText(KeyFile));
        var config = Config();
        Assert.Equal("https://app.example", config.GetProperty("endpoint").GetString());
        Assert.Equal("web-1", config.GetProperty("host_id").GetString());
        Assert.Equal(Path.Combine(Root, "var/lib/infrafunctions/spool"), config.GetProperty("spool_dir").GetString());
        Assert.Equal(KeyFile, config.GetProperty("key_file").GetString());
        Assert.False(config.TryGetProperty("key", out _), "The key belongs in the key file only.");
        Assert.True(Directory.Exists(Path.Combine(Root, "var/lib/infrafunctions/spool")));
        var unit = File.ReadAllText(Path.Combine(Root, "etc/systemd/system/infra-agent.service"));
        foreach (var line in new[] { "Type=notify", "Restart=always", "RestartPreventExitStatus=2 3", "StateDirectory=infrafunctions\n", "StateDirectoryMode=0700", "ProtectSystem=strict", "NoNewPrivileges=yes", "ProtectHome=read-only",
            "ExecStart=/usr/local/bin/infra-agent --config /etc/infrafunctions/agent.json" })
        {
            Assert.Contains(line, unit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DryRunChangesNothingAndDoesNotPrintTheKey()
    {
        var (code, output, _) = Commands.RunWithExit("bash", [script, "--endpoint", "https://app.example", "--key", "topsecret", "--binary", binary, "--dry-run"]);

        Assert.Equal(0, code);
        Assert.Contains("would run: systemctl enable infra-agent.service", output, StringComparison.Ordinal);
        Assert.Contains("would run: /usr/local/bin/infra-agent --config /etc/infrafunctions/agent.json --post-once", output, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnderAPermissiveUmaskOverWorldReadableLeftoversTheConfigurationAndTheKeyFileAreStillMode600()
    {
        var everyone = (UnixFileMode)0x1B6; // 666
        foreach (var leftover in new[] { ConfigPath, ConfigPath + ".tmp", KeyFile, KeyFile + ".tmp" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
            File.WriteAllText(leftover, "old");
            File.SetUnixFileMode(leftover, everyone);
        }

        var (code, _, error) = Commands.RunWithExit(
            "bash", ["-c", "umask 000; exec \"$@\"", "bash", script, "--endpoint", "https://app.example", "--key", "new-key", "--host-id", "web-1", "--binary", binary, "--no-start"],
            new Dictionary<string, string> { ["DESTDIR"] = Root });

        Assert.True(code == 0, error);
        Assert.Equal(("600", "600"), (Mode(ConfigPath), Mode(KeyFile)));
        Assert.False(File.Exists(ConfigPath + ".tmp") || File.Exists(KeyFile + ".tmp"));
        Assert.Equal("new-key\n", File.ReadAllText(KeyFile));
    }

    [Fact]
    public void ARerunWithoutArgumentsKeepsTheEndpointTheHostIdTheKeyAndTheSpool()
    {
        Assert.Equal(0, Install("--endpoint", "https://app.example", "--key", "kept-key", "--host-id", "web-1").Code);
        var spooled = Path.Combine(Root, "var/lib/infrafunctions/spool", "0001.seg");
        File.WriteAllText(spooled, "unsent samples");

        var (code, _, error) = Install();

        Assert.True(code == 0, error);
        Assert.Equal("kept-key\n", File.ReadAllText(KeyFile));
        Assert.Equal("unsent samples", File.ReadAllText(spooled));
        Assert.Equal(("https://app.example", "web-1"), (Config().GetProperty("endpoint").GetString(), Config().GetProperty("host_id").GetString()));
    }

    [Fact]
    public void AnUpgradeOverAnOlderInstallMovesTheKeyFromTheConfigurationIntoTheKeyFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        File.WriteAllText(ConfigPath, "{\n  \"endpoint\": \"https://old.example\",\n  \"key\": \"ifa_old.s\\\"ecret\",\n  \"host_id\": \"web-2\",\n  \"spool_dir\": \"/var/lib/infrafunctions/spool\"\n}\n");

        var (code, _, error) = Install();

        Assert.True(code == 0, error);
        Assert.Equal("ifa_old.s\"ecret\n", File.ReadAllText(KeyFile));
        Assert.False(Config().TryGetProperty("key", out _));
        Assert.Equal(("https://old.example", "web-2"), (Config().GetProperty("endpoint").GetString(), Config().GetProperty("host_id").GetString()));
    }

    [Fact]
    public void UninstallRemovesTheBinaryTheUnitAndTheConfigurationAndKeepsTheKeyAndSpoolUnlessPurged()
    {
        Assert.Equal(0, Install("--endpoint", "https://app.example", "--key", "k", "--host-id", "web-1").Code);

        var (code, output, error) = Install("--uninstall");

        Assert.True(code == 0, error);
        Assert.False(File.Exists(Path.Combine(Root, "usr/local/bin/infra-agent")));
        Assert.False(File.Exists(Path.Combine(Root, "etc/systemd/system/infra-agent.service")));
        Assert.False(Directory.Exists(Path.Combine(Root, "etc/infrafunctions")));
        Assert.True(File.Exists(KeyFile));
        Assert.Contains("--purge deletes them", output, StringComparison.Ordinal);

        Assert.Equal(0, Install("--uninstall", "--purge").Code);
        Assert.False(Directory.Exists(Path.Combine(Root, "var/lib/infrafunctions")));
    }

    [Theory]
    [InlineData("--key", "k")]
    [InlineData("--endpoint", "https://app.example")]
    [InlineData("--endpoint", "app.example", "--key", "k")]
    [InlineData("--endpoint", "https://app.example", "--key", "k", "--enroll", "ife_t.x")]
    public void MissingOrBadArgumentsFailBeforeAnythingIsWritten(params string[] args)
    {
        var (code, _, error) = Install(args);

        Assert.Equal(2, code);
        Assert.Matches("--endpoint|--key|--enroll", error);
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public void WithoutADownloadBaseOrABinaryItSaysWhereToGetTheAgent()
    {
        var (code, _, error) = Commands.RunWithExit("bash", [script, "--endpoint", "https://app.example", "--key", "k"], new Dictionary<string, string> { ["DESTDIR"] = Root });

        Assert.Equal(2, code);
        Assert.Contains("--download-base", error, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private (int Code, string Output, string Error) Install(params string[] args) =>
        Commands.RunWithExit("bash", [script, .. args, "--binary", binary, "--no-start"], new Dictionary<string, string> { ["DESTDIR"] = Root });

    private JsonElement Config() => JsonDocument.Parse(File.ReadAllText(ConfigPath)).RootElement.Clone();

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8);
}
