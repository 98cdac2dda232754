using System.Text.Json;

namespace InfraFunctions.Contracts;

/// <summary>
/// The batch as the server first reads it: samples stay raw so that each is parsed and validated on its own,
/// and one malformed sample cannot poison the others.
/// </summary>
/// <param name="SchemaVersion">Wire schema version.</param>
/// <param name="HostId">The host the samples describe.</param>
/// <param name="Platform">Identity and platform of the host.</param>
/// <param name="Samples">The samples, unparsed.</param>
/// <param name="DroppedSamples">Samples the agent dropped since its last accepted post.</param>
/// <param name="SampleIntervalSeconds">How often the agent samples.</param>
/// <param name="Settings">The agent's settings in force and where each came from; older agents send none.</param>
/// <param name="Tags">The host's tags from the agent's configuration (<c>env=prod</c>); an operator's tags win over them. Older agents send none.</param>
public sealed record IngestEnvelope(
    int SchemaVersion,
    string HostId,
    PlatformInfo Platform,
    IReadOnlyList<JsonElement> Samples,
    long DroppedSamples = 0,
    double SampleIntervalSeconds = 5,
    IReadOnlyList<SettingInForce>? Settings = null,
    IReadOnlyDictionary<string, string>? Tags = null);
