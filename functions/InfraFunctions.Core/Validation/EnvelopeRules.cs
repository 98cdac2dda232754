namespace InfraFunctions.Core.Validation;

/// <summary>
/// The batch-level fields: they go into the host's row, so a bad one refuses the whole batch before anything is
/// written. The string bounds are in UTF-8 bytes. The settings in force are the exception: they describe the agent,
/// not the host, so a list out of bounds is dropped with its reason (<see cref="SettingsProblem"/>) and the samples
/// are still stored; refusing the batch would leave the host unwatched over a diagnostic.
/// </summary>
public static class EnvelopeRules
{
    public const int MaxHostnameBytes = 255;
    public const int MaxNameBytes = 64;
    public const int MaxDescriptionBytes = 256;
    public const int MaxSampleIntervalSeconds = 3600;

    /// <summary>Most settings in force one batch reports: the agent has a few dozen settings.</summary>
    public const int MaxSettings = 64;
    public const int MaxSettingNameBytes = 64;

    /// <summary>Room for the longest value the agent has, the watch list (32 names of 64 bytes, comma-separated).</summary>
    public const int MaxSettingValueBytes = 4096;

    /// <summary>Room for <c>tag key=value</c> with the longest key and value.</summary>
    public const int MaxSettingScopeBytes = 640;

    /// <summary>All names, values and scopes together, so the stored list stays far inside a table property's 64 KiB.</summary>
    public const int MaxSettingsTotalBytes = 16 * 1024;

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

    /// <summary>Why the batch's settings in force cannot be kept, or null when they can (or when there are none).</summary>
    public static string? SettingsProblem(IReadOnlyList<SettingInForce>? settings)
    {
        if (settings is null)
        {
            return null;
        }

        if (settings.Count > MaxSettings)
        {
            return $"settings: {settings.Count} entries; report at most {MaxSettings}.";
        }

        var total = 0;
        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i];
            var problem = SettingText(s.Name, MaxSettingNameBytes, false) is { } name ? $"settings[{i}].name {name}"
                : SettingText(s.Value, MaxSettingValueBytes, true) is { } value ? $"settings[{i}].value {value}"
                : !AgentSettingRules.Sources.Contains(s.Source, StringComparer.Ordinal) ? $"settings[{i}].source '{s.Source}' is not one of {string.Join(", ", AgentSettingRules.Sources)}."
                : s.Scope is { } scope && SettingText(scope, MaxSettingScopeBytes, false) is { } scopeProblem ? $"settings[{i}].scope {scopeProblem}"
                : null;
            if (problem is not null)
            {
                return problem;
            }

            total += System.Text.Encoding.UTF8.GetByteCount(s.Name) + System.Text.Encoding.UTF8.GetByteCount(s.Value) + System.Text.Encoding.UTF8.GetByteCount(s.Scope ?? string.Empty);
        }

        return total > MaxSettingsTotalBytes ? $"settings: {total} bytes of names, values and scopes; the limit is {MaxSettingsTotalBytes}." : null;
    }

    private static string? SettingText(string value, int maxBytes, bool mayBeEmpty) =>
        value.Length == 0 && !mayBeEmpty ? "is empty."
        : value.Any(char.IsControl) ? "contains control characters."
        : TextRules.Check(value, maxBytes);

    private static void Text(Dictionary<string, string[]> errors, string field, string value, int maxBytes)
    {
        if (TextRules.Check(value, maxBytes) is { } problem)
        {
            errors[field] = [$"{field}: {problem}"];
        }
    }
}
