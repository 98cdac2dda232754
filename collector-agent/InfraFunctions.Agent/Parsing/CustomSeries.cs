using System.Text;
using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Parsing;

/// <summary>A custom series' identity and the <see cref="CustomMetricRules"/> it must keep to be sent.</summary>
internal static class CustomSeries
{
    /// <summary>The first of <see cref="CustomMetricRules"/> the series breaks, or null.</summary>
    public static string? BrokenRule(string name, Dictionary<string, string>? labels)
    {
        if (!CustomMetricRules.IsValidName(name))
        {
            return name.Length > CustomMetricRules.MaxNameLength
                ? $"metric name longer than {CustomMetricRules.MaxNameLength} characters"
                : $"metric name '{name}' starts with the reserved '{CustomMetricRules.ReservedPrefix}'";
        }

        if (labels is null)
        {
            return null;
        }

        if (labels.Count > CustomMetricRules.MaxLabels)
        {
            return $"'{name}' has more than {CustomMetricRules.MaxLabels} labels";
        }

        foreach (var (label, value) in labels)
        {
            if (!CustomMetricRules.IsValidLabelName(label))
            {
                return label.Length > CustomMetricRules.MaxLabelNameLength
                    ? $"a label name of '{name}' is longer than {CustomMetricRules.MaxLabelNameLength} characters"
                    : $"label '{label}' of '{name}' starts with the reserved '__'";
            }

            if (value.Length > CustomMetricRules.MaxLabelValueLength)
            {
                return $"the value of label '{label}' of '{name}' is longer than {CustomMetricRules.MaxLabelValueLength} characters";
            }
        }

        return null;
    }

    /// <summary>Name and labels sorted by name, so the same series has the same key whatever the order of its labels.</summary>
    public static string Key(string name, Dictionary<string, string>? labels)
    {
        if (labels is null)
        {
            return name;
        }

        var names = new string[labels.Count];
        labels.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.Ordinal);
        var key = new StringBuilder(name);
        foreach (var label in names)
        {
            key.Append('\0').Append(label).Append('\0').Append(labels[label]);
        }

        return key.ToString();
    }
}
