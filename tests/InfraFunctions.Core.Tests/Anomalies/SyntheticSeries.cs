using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Anomalies;

namespace InfraFunctions.Core.Tests.Anomalies;

/// <summary>A daily cycle (50 ± 20) with Gaussian noise, one-minute points, optional injected spikes and level shifts.</summary>
public sealed class SyntheticSeries
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public SyntheticSeries(int seed, int minutes, DateTimeOffset start, double noise = 1.0)
    {
        var random = new Random(seed);
        Points = new List<MetricValue>(minutes);
        for (var i = 0; i < minutes; i++)
        {
            var t = start.AddMinutes(i);
            Points.Add(new MetricValue(t, Cycle(t) + (Gaussian(random) * noise)));
        }
    }

    public List<MetricValue> Points { get; }

    public List<(int Index, string Kind)> Events { get; } = [];

    public static double Cycle(DateTimeOffset t) => 50 + (20 * Math.Sin(2 * Math.PI * t.UtcDateTime.TimeOfDay.TotalHours / 24));

    public void Spike(int index, double size)
    {
        Points[index] = Points[index] with { Value = Points[index].Value + size };
        Events.Add((index, AnomalyKinds.Spike));
    }

    public void Shift(int index, double size)
    {
        for (var i = index; i < Points.Count; i++)
        {
            Points[i] = Points[i] with { Value = Points[i].Value + size };
        }

        Events.Add((index, AnomalyKinds.LevelShift));
    }

    /// <summary>Hourly rollups of the clean cycle for <paramref name="days"/> days before <paramref name="before"/>.</summary>
    public static List<Rollup> History(DateTimeOffset before, int days, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Rollup>();
        for (var t = before.AddDays(-days); t < before; t = t.AddHours(1))
        {
            var values = Enumerable.Range(0, 60).Select(m => Cycle(t.AddMinutes(m)) + Gaussian(random)).ToArray();
            rows.Add(new Rollup("h", t, new Dictionary<string, MetricRollup> { ["cpu"] = MetricRollup.Of(values) }, new Dictionary<string, IReadOnlyDictionary<string, MetricRollup>>()));
        }

        return rows;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
