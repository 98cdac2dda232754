namespace InfraFunctions.Core.AgentSettings;

/// <summary>Checks an operator's settings against <see cref="AgentSettingRules"/>, with each problem under the field it is about (<c>watch[2]</c>, <c>top</c>).</summary>
public static class AgentSettingsValidation
{
    public static Dictionary<string, string[]> Check(Contracts.AgentSettings settings)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (settings.Watch is { } watch)
        {
            if (watch.Count > AgentSettingRules.MaxWatch)
            {
                errors[AgentSettingRules.Watch] = [$"{watch.Count} process names; watch at most {AgentSettingRules.MaxWatch}."];
            }

            List(errors, AgentSettingRules.Watch, watch, name => AgentSettingRules.IsValidWatchName(name)
                ? null
                : $"'{name}' is not a process name: give 1-{AgentSettingRules.MaxWatchNameLength} characters, without control characters or surrounding spaces.");
        }

        if (settings.Top is { } top && !AgentSettingRules.IsValidTop(top))
        {
            errors[AgentSettingRules.Top] = [string.Create(CultureInfo.InvariantCulture,
                $"top is {top}; give {AgentSettingRules.MinTop}-{AgentSettingRules.MaxTop} (0 lists only the watched processes).")];
        }

        if (settings.SampleIntervalSeconds is { } interval && !AgentSettingRules.IsValidSampleInterval(interval))
        {
            errors[AgentSettingRules.SampleIntervalSeconds] = [string.Create(CultureInfo.InvariantCulture,
                $"sample_interval_seconds is {interval}; give {AgentSettingRules.MinSampleIntervalSeconds}-{AgentSettingRules.MaxSampleIntervalSeconds} seconds.")];
        }

        if (settings.Collectors is { } collectors)
        {
            List(errors, AgentSettingRules.CollectorsName, collectors, name => AgentSettingRules.IsKnownCollector(name)
                ? null
                : $"'{name}' is not an optional collector; choose from {string.Join(", ", AgentSettingRules.Collectors)}.");
        }

        return errors;
    }

    private static void List(Dictionary<string, string[]> errors, string field, IReadOnlyList<string> values, Func<string, string?> problem)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null)
            {
                errors[$"{field}[{i}]"] = ["null is not a name; give a string."];
            }
            else if (problem(value) is { } p)
            {
                errors[$"{field}[{i}]"] = [p];
            }
            else if (!seen.Add(value))
            {
                errors[$"{field}[{i}]"] = [$"'{value}' is listed twice; give each once."];
            }
        }
    }
}
