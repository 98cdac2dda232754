namespace InfraFunctions.Core.Aggregation;

/// <summary>
/// A rollup resolution and its tables: hourly rows in one table per month (<c>hourly202611</c>), daily rows in one
/// table per year (<c>daily2026</c>), so retention drops whole tables (README "Data").
/// </summary>
public sealed class RollupTier
{
    public static readonly RollupTier Hourly = new("hourly", TimeSpan.FromHours(1), "yyyyMM");
    public static readonly RollupTier Daily = new("daily", TimeSpan.FromDays(1), "yyyy");

    private readonly string _tableFormat;

    private RollupTier(string name, TimeSpan bucket, string tableFormat)
    {
        Name = name;
        Bucket = bucket;
        _tableFormat = tableFormat;
    }

    public string Name { get; }

    public TimeSpan Bucket { get; }

    public DateTimeOffset Floor(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % Bucket.Ticks), TimeSpan.Zero);

    public string Table(DateTimeOffset bucketStart) => Name + bucketStart.UtcDateTime.ToString(_tableFormat, CultureInfo.InvariantCulture);

    /// <summary>The period one of this tier's tables covers, or null when the name is not one of them.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? TablePeriod(string tableName)
    {
        if (!tableName.StartsWith(Name, StringComparison.Ordinal)
            || !DateTime.TryParseExact(tableName.AsSpan(Name.Length), _tableFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            return null;
        }

        var from = new DateTimeOffset(start, TimeSpan.Zero);
        return (from, _tableFormat.Length == 4 ? from.AddYears(1) : from.AddMonths(1));
    }

    /// <summary>The tables holding buckets that start in [from, to).</summary>
    public IEnumerable<string> Tables(DateTimeOffset from, DateTimeOffset to)
    {
        var last = string.Empty;
        for (var t = Floor(from); t < to; t += Bucket)
        {
            var name = Table(t);
            if (name != last)
            {
                yield return last = name;
            }
        }
    }
}
