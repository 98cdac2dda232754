namespace InfraFunctions.Agent;

/// <summary>
/// Setting names as the configuration file spells them; the environment adds <c>INFRA_AGENT_</c> and upper case
/// (<c>INFRA_AGENT_HOST_ID</c>), the flags use dashes (<c>--host-id</c>).
/// </summary>
internal static class AgentSettingNames
{
    public const string EnvironmentPrefix = "INFRA_AGENT_";
    public const string Endpoint = "endpoint";
    public const string Key = "key";
    public const string HostId = "host_id";
    public const string SampleInterval = "sample_interval";
    public const string PostInterval = "post_interval";
    public const string Watch = "watch";
    public const string SpoolDir = "spool_dir";
    public const string QueueLimitMb = "queue_limit_mb";
    public const string Top = "top";
    public const string Config = "config";

    /// <summary>Where the agent key is kept when neither <c>key</c> nor <c>INFRA_AGENT_KEY</c> gives it (enrollment writes it there).</summary>
    public const string KeyFile = "key_file";

    /// <summary>The enrollment token's environment variable: never a flag or a file setting, so no secret is on a command line.</summary>
    public const string EnrollTokenVariable = "INFRA_AGENT_ENROLL_TOKEN";

    // Custom metrics (textfile collector) and temperatures.
    public const string TextfileDir = "textfile_dir";
    public const string CustomMetricsMaxSeries = "custom_metrics_max_series";
    public const string CustomMetricsMaxLabelValues = "custom_metrics_max_label_values";
    public const string Temperatures = "temperatures";

    // systemd units and service checks: "systemd" is an object in the file ({"enabled", "watch_units"}) and a
    // true/false value in the environment and flags; "checks" is an array of objects in the file and a comma list
    // of targets in the environment and flags.
    public const string Systemd = "systemd";
    public const string SystemdEnabled = "systemd:enabled";
    public const string WatchUnits = "watch_units";
    public const string SystemdWatchUnits = "systemd:watch_units";
    public const string Checks = "checks";

    /// <summary>The host's tags: an object in the file, a comma list of key=value in the environment and flags.</summary>
    public const string Tags = "tags";

    /// <summary>How a person can set <paramref name="name"/>, for error messages.</summary>
    public static string Describe(string name) =>
        $"'{name}' (in the configuration file, {EnvironmentPrefix}{name.ToUpperInvariant()}, or --{name.Replace('_', '-')})";
}
