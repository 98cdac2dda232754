namespace InfraFunctions.Core.Storage;

/// <summary>The fixed tables (README "Data"); samples and rollups have one table per period instead.</summary>
public static class TableNames
{
    public const string Hosts = "hosts";
    public const string Agents = "agents";
    public const string Tokens = "tokens";
    public const string Alerts = "alerts";
    public const string Streams = "streams";
    public const string Jobs = "jobs";
    public const string Thresholds = "thresholds";
    public const string Webhooks = "webhooks";
    public const string Tags = "tags";
    public const string AgentSettings = "agentsettings";
    public const string Rules = "rules";
    public const string Channels = "channels";
    public const string Silences = "silences";
}
