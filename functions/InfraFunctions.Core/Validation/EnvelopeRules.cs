namespace InfraFunctions.Core.Validation;

/// <summary>
/// The batch-level fields: they go into the host's row, so a bad one refuses the whole batch before anything is
/// written. The string bounds are in UTF-8 bytes.
/// </summary>
public static class EnvelopeRules
{
    public const int MaxHostnameBytes = 255;
    public const int MaxNameBytes = 64;
    public const int MaxDescriptionBytes = 256;
    public const int MaxSampleIntervalSeconds = 3600;

    public static Dictionary<string, string[]> Check(IngestEnvelope envelope)
    {
        var errors = new Dictionary<string, string[]>();
        if (envelope.SchemaVersion != SampleBatch.CurrentSchemaVersion)
        {
            errors["schema_version"] = [$"Schema version {envelope.SchemaVersion} is not supported; this server reads version {SampleBatch.CurrentSchemaVersion}."];
        }

        if (HostIdRules.Validate(envelope.HostId) is { } hostError)
        {
            errors["host_id"] = [hostError];
        }

        if (envelope.Samples.Count == 0)
        {
            errors["samples"] = ["At least one sample is required."];
        }

        if (envelope.DroppedSamples < 0)
        {
            errors["dropped_samples"] = [$"dropped_samples: must be at least 0 (got {envelope.DroppedSamples.ToString(CultureInfo.InvariantCulture)})."];
        }

        if (!double.IsFinite(envelope.SampleIntervalSeconds) || envelope.SampleIntervalSeconds <= 0 || envelope.SampleIntervalSeconds > MaxSampleIntervalSeconds)
        {
            errors["sample_interval_seconds"] =
                [$"sample_interval_seconds: must be more than 0 and at most {MaxSampleIntervalSeconds} (got {envelope.SampleIntervalSeconds.ToString("R", CultureInfo.InvariantCulture)})."];
        }

        var p = envelope.Platform;
        Text(errors, "platform.hostname", p.Hostname, MaxHostnameBytes);
        Text(errors, "platform.system", p.System, MaxNameBytes);
        Text(errors, "platform.os", p.Os, MaxDescriptionBytes);
        Text(errors, "platform.release", p.Release, MaxDescriptionBytes);
        Text(errors, "platform.architecture", p.Architecture, MaxNameBytes);
        Text(errors, "platform.runtime_version", p.RuntimeVersion, MaxDescriptionBytes);
        Text(errors, "platform.agent_version", p.AgentVersion, MaxNameBytes);
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string value, int maxBytes)
    {
        if (TextRules.Check(value, maxBytes) is { } problem)
        {
            errors[field] = [$"{field}: {problem}"];
        }
    }
}
