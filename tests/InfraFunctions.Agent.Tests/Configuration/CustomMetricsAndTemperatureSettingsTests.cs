using System.Collections;
using InfraFunctions.Agent.Tests.Delivery;

namespace InfraFunctions.Agent.Tests.Configuration;

public sealed class CustomMetricsAndTemperatureSettingsTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public void WithoutSettingsTheTextfileCollectorIsOffAndTemperaturesAreOn()
    {
        var options = Load([], Env());

        Assert.Equal(((string?)null, true, 200, 50), (options.TextfileDir, options.Temperatures, options.CustomMetricsMaxSeries, options.CustomMetricsMaxLabelValues));
    }

    [Fact]
    public void EachSettingIsReadFromTheFile()
    {
        var file = Path.Combine(directory.Path, "agent.json");
        File.WriteAllText(file, """{"textfile_dir":"/var/lib/infrafunctions/textfile","temperatures":false,"custom_metrics_max_series":300,"custom_metrics_max_label_values":10}""");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var options = Load(["--config", file], Env());

        Assert.Equal(("/var/lib/infrafunctions/textfile", false, 300, 10), (options.TextfileDir, options.Temperatures, options.CustomMetricsMaxSeries, options.CustomMetricsMaxLabelValues));
    }

    [Fact]
    public void EachSettingIsReadFromTheEnvironment()
    {
        var options = Load([], Env(
            ("INFRA_AGENT_TEXTFILE_DIR", "/srv/prom"), ("INFRA_AGENT_TEMPERATURES", "FALSE"),
            ("INFRA_AGENT_CUSTOM_METRICS_MAX_SERIES", "1000"), ("INFRA_AGENT_CUSTOM_METRICS_MAX_LABEL_VALUES", "1")));

        Assert.Equal(("/srv/prom", false, 1000, 1), (options.TextfileDir, options.Temperatures, options.CustomMetricsMaxSeries, options.CustomMetricsMaxLabelValues));
    }

    [Fact]
    public void EachSettingIsReadFromFlagsOverTheEnvironment()
    {
        var options = Load(
            ["--textfile-dir", "/srv/flag", "--temperatures=true", "--custom-metrics-max-series", "20", "--custom-metrics-max-label-values=5"],
            Env(("INFRA_AGENT_TEXTFILE_DIR", "/srv/env"), ("INFRA_AGENT_TEMPERATURES", "false")));

        Assert.Equal(("/srv/flag", true, 20, 5), (options.TextfileDir, options.Temperatures, options.CustomMetricsMaxSeries, options.CustomMetricsMaxLabelValues));
    }

    [Theory]
    [InlineData("temperatures", "--temperatures", "yes", "must be true or false (got 'yes')")]
    [InlineData("custom_metrics_max_series", "--custom-metrics-max-series", "1001", "must be a whole number from 1 to 1000")]
    [InlineData("custom_metrics_max_series", "--custom-metrics-max-series", "0", "must be a whole number from 1 to 1000")]
    [InlineData("custom_metrics_max_label_values", "--custom-metrics-max-label-values", "2.5", "must be a whole number from 1 to 1000")]
    public void ABadValueStopsTheAgentNamingTheSetting(string setting, string flag, string value, string problem)
    {
        var error = Assert.Throws<AgentConfigurationException>(() => Load([flag, value], Env()));

        Assert.Contains($"'{setting}' (in the configuration file, INFRA_AGENT_{setting.ToUpperInvariant()}, or {flag}) {problem}", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => directory.Dispose();

    private AgentOptions Load(string[] args, Hashtable env) =>
        AgentConfiguration.Load(["--endpoint", "https://x.example", "--key", "k", .. args], env, Path.Combine(directory.Path, "missing.json")).Options;

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
