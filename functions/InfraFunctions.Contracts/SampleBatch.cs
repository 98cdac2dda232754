namespace InfraFunctions.Contracts;

/// <summary>
/// What an agent posts to <c>POST /api/v1/ingest/samples</c>: who it is, and one or more samples.
/// </summary>
/// <param name="SchemaVersion">Wire schema version; this is version 1.</param>
/// <param name="HostId">The host the samples describe: 1-128 printable characters.</param>
/// <param name="Platform">Identity and platform of the host.</param>
/// <param name="Samples">The samples, oldest first.</param>
/// <param name="DroppedSamples">Samples the agent had to drop since its last accepted post (its queue was full).</param>
/// <param name="SampleIntervalSeconds">How often the agent samples.</param>
/// <param name="Settings">The agent's settings in force and where each came from; older agents send none.</param>
/// <param name="Tags">The host's tags from the agent's configuration (<c>env=prod</c>); an operator's tags win over them. Older agents send none.</param>
public sealed record SampleBatch(
    int SchemaVersion,
    string HostId,
    PlatformInfo Platform,
    IReadOnlyList<Sample> Samples,
    long DroppedSamples = 0,
    double SampleIntervalSeconds = 5,
    IReadOnlyList<SettingInForce>? Settings = null,
    IReadOnlyDictionary<string, string>? Tags = null)
{
    /// <summary>The schema version this contracts assembly writes.</summary>
    public const int CurrentSchemaVersion = 1;
}
