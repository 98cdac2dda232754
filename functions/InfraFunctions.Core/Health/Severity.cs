namespace InfraFunctions.Core.Health;

/// <summary>How serious an alert or an anomaly is.</summary>
public static class Severity
{
    public const string Warning = StatusWords.Warning;
    public const string Critical = StatusWords.Critical;

    /// <summary>Every severity, mildest first.</summary>
    public static readonly IReadOnlyList<string> All = [Warning, Critical];
}
