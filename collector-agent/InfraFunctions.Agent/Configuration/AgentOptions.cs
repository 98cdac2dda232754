namespace InfraFunctions.Agent;

/// <summary>The agent's settings, read from the configuration file, the environment and flags, in that order.</summary>
internal sealed record AgentOptions
{
    public const string DefaultConfigPath = "/etc/infrafunctions/agent.json";
    public const string DefaultSpoolDir = "/var/lib/infrafunctions/spool";
    public const string DefaultKeyFile = "/var/lib/infrafunctions/agent.key";

    /// <summary>The textfile directory when the server turns the textfile collector on and no <c>textfile_dir</c> is set.</summary>
    public const string DefaultTextfileDir = "/var/lib/infrafunctions/textfile";

    public Uri? Endpoint { get; init; }

    public string? Key { get; init; }

    /// <summary>Where the key is kept when <c>key</c> is not set: enrollment writes it there, mode 600.</summary>
    public string KeyFile { get; init; } = DefaultKeyFile;

    /// <summary>The enrollment token from <c>INFRA_AGENT_ENROLL_TOKEN</c>, used only while there is no key.</summary>
    public string? EnrollToken { get; init; }

    public string HostId { get; init; } = Environment.MachineName;

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan PostInterval { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<string> Watch { get; init; } = [];

    public string SpoolDir { get; init; } = DefaultSpoolDir;

    public long QueueLimitBytes { get; init; } = 100L * 1024 * 1024;

    public int Top { get; init; } = 10;

    /// <summary>Where cgroup v2 is mounted; found from /proc/mounts when null. Not a setting: tests point it at captured trees.</summary>
    public string? CgroupRoot { get; init; }

    // Custom metrics (textfile collector) and temperatures.

    /// <summary>Directory of <c>*.prom</c> files read every sample; the textfile collector is off when null.</summary>
    public string? TextfileDir { get; init; }

    public int CustomMetricsMaxSeries { get; init; } = 200;

    /// <summary>Most distinct values one label may take within one metric name.</summary>
    public int CustomMetricsMaxLabelValues { get; init; } = 50;

    public bool Temperatures { get; init; } = true;

    /// <summary>Where the hwmon and thermal classes are (<c>/sys/class</c>). Not a setting: tests point it at captured trees.</summary>
    public string SysClassRoot { get; init; } = "/sys/class";

    /// <summary>Whether the systemd collector asks systemd over the system bus for failed and watched units.</summary>
    public bool Systemd { get; init; } = true;

    /// <summary>Units reported whatever their state, such as <c>nginx.service</c>.</summary>
    public IReadOnlyList<string> WatchUnits { get; init; } = [];

    /// <summary>Service checks run from the host, each on its own interval.</summary>
    public IReadOnlyList<CheckOptions> Checks { get; init; } = [];

    /// <summary>The host's tags (<c>env=prod</c>), sent with every batch; an operator's tags win over them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The D-Bus system bus address; <c>DBUS_SYSTEM_BUS_ADDRESS</c>, else the standard socket, when null. Not a
    /// setting: tests point it at a private bus.
    /// </summary>
    public string? SystemBusAddress { get; init; }

    /// <summary>
    /// Which source set each setting explicitly (<c>file</c>, <c>environment</c> or <c>flag</c>), by its configuration
    /// name; a setting missing here has its default, which a value pushed by the server may replace.
    /// </summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the file, the environment or a flag set <paramref name="name"/>, so a server value must not replace it.</summary>
    public bool SetExplicitly(string name) => Sources.ContainsKey(name);
}
