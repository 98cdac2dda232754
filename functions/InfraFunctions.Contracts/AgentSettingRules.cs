namespace InfraFunctions.Contracts;

/// <summary>
/// The settings an operator may push to agents through the ingest reply, and their bounds; the server refuses values
/// outside them and the agent ignores any that still arrive.
/// </summary>
public static class AgentSettingRules
{
    /// <summary>The watched process names' setting.</summary>
    public const string Watch = "watch";

    /// <summary>The top-N size's setting.</summary>
    public const string Top = "top";

    /// <summary>The sample interval's setting.</summary>
    public const string SampleIntervalSeconds = "sample_interval_seconds";

    /// <summary>The optional collectors' setting.</summary>
    public const string CollectorsName = "collectors";

    /// <summary>Most watched process names.</summary>
    public const int MaxWatch = 32;

    /// <summary>Longest watched process name (the kernel's <c>comm</c> is 15 bytes; a command line's first word may be longer).</summary>
    public const int MaxWatchNameLength = 64;

    /// <summary>Smallest top-N size: 0 lists only watched processes.</summary>
    public const int MinTop = 0;

    /// <summary>Largest top-N size.</summary>
    public const int MaxTop = 100;

    /// <summary>Sampling faster than this costs more than the agent's budget.</summary>
    public const double MinSampleIntervalSeconds = 1;

    /// <summary>Sampling slower than this would leave the host marked stale between samples.</summary>
    public const double MaxSampleIntervalSeconds = 300;

    /// <summary>Optional collectors an operator may turn on.</summary>
    public static readonly IReadOnlyList<string> Collectors = ["temperatures", "systemd", "textfile"];

    /// <summary>Where a setting in force came from, lowest precedence first: the server's value yields to the file, the environment and the flags.</summary>
    public static readonly IReadOnlyList<string> Sources = ["default", "server", "file", "environment", "flag"];

    /// <summary>A process name: 1-64 characters, no control characters, no surrounding spaces.</summary>
    public static bool IsValidWatchName(string name) =>
        name.Length is > 0 and <= MaxWatchNameLength && !name.Any(char.IsControl) && name.Trim().Length == name.Length;

    /// <summary>Within <see cref="MinTop"/>..<see cref="MaxTop"/>.</summary>
    public static bool IsValidTop(int top) => top is >= MinTop and <= MaxTop;

    /// <summary>Finite and within <see cref="MinSampleIntervalSeconds"/>..<see cref="MaxSampleIntervalSeconds"/>.</summary>
    public static bool IsValidSampleInterval(double seconds) =>
        double.IsFinite(seconds) && seconds >= MinSampleIntervalSeconds && seconds <= MaxSampleIntervalSeconds;

    /// <summary>One of <see cref="Collectors"/>.</summary>
    public static bool IsKnownCollector(string name) => Collectors.Contains(name, StringComparer.Ordinal);
}
