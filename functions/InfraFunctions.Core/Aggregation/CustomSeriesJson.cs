namespace InfraFunctions.Core.Aggregation;

/// <summary>Reads the custom series of a stored sample's JSON without binding the whole sample.</summary>
public static class CustomSeriesJson
{
    public readonly record struct Entry(string Key, string Name, IReadOnlyDictionary<string, string>? Labels, string? Type, double Value);

    public static IEnumerable<Entry> Read(JsonElement sample)
    {
        if (!sample.TryGetProperty("custom_metrics", out var series) || series.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var m in series.EnumerateArray())
        {
            if (!m.TryGetProperty("name", out var nameElement) || nameElement.GetString() is not { } name
                || !m.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Number)
            {
                continue;
            }

            Dictionary<string, string>? labels = null;
            if (m.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                labels = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in l.EnumerateObject())
                {
                    labels[p.Name] = p.Value.GetString() ?? string.Empty;
                }
            }

            var type = m.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            yield return new Entry(CustomSeriesKey.Of(name, labels), name, labels, type, v.GetDouble());
        }
    }
}
