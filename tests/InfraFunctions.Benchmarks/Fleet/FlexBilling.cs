namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>
/// Billable on-demand instance seconds on Flex Consumption, from a timeline of executions. An instance is billed for
/// each activity period (from the start of its first execution to the end of its last overlapping one), at least
/// 1,000 ms and rounded up to the next 100 ms; an execution that starts inside the current period's billed minimum
/// extends that period instead of opening a new one. Executions go to the first instance with a free slot, up to
/// the per-instance HTTP concurrency, as the platform's scaler does before it adds an instance.
/// </summary>
public static class FlexBilling
{
    public const double MinimumPeriodSeconds = 1.0;
    public const double RoundingSeconds = 0.1;

    /// <summary>Billed instance seconds for executions given as (start, duration) in seconds, in any order.</summary>
    public static double BilledSeconds(IEnumerable<(double Start, double Duration)> executions, int concurrencyPerInstance)
    {
        var instances = new List<Instance>();
        foreach (var (start, duration) in executions.OrderBy(e => e.Start))
        {
            var instance = instances.FirstOrDefault(i => i.HasSlotAt(start, concurrencyPerInstance));
            if (instance is null)
            {
                instance = new Instance();
                instances.Add(instance);
            }

            instance.Add(start, start + duration);
        }

        return instances.Sum(i => i.Close());
    }

    /// <summary>
    /// One simulated hour of a fleet: <paramref name="hosts"/> agents each posting every
    /// <paramref name="postIntervalSeconds"/> at a random phase, each execution taking a duration drawn from the
    /// measured ones, plus the timer runs of that hour with their measured durations.
    /// </summary>
    public static double BilledSecondsPerHour(int hosts, double postIntervalSeconds, IReadOnlyList<double> measuredPostSeconds, IReadOnlyList<(double Start, double Duration)> timerRuns, int concurrencyPerInstance, int seed = 42)
    {
        var random = new Random(seed);
        var executions = new List<(double, double)>(timerRuns);
        for (var h = 0; h < hosts; h++)
        {
            for (var t = random.NextDouble() * postIntervalSeconds; t < 3600; t += postIntervalSeconds)
            {
                executions.Add((t, measuredPostSeconds[random.Next(measuredPostSeconds.Count)]));
            }
        }

        return BilledSeconds(executions, concurrencyPerInstance);
    }

    private sealed class Instance
    {
        private readonly List<double> _inFlightEnds = [];
        private double _periodStart = double.NaN;
        private double _periodEnd;
        private double _billed;

        public bool HasSlotAt(double start, int concurrency)
        {
            _inFlightEnds.RemoveAll(end => end <= start);
            return _inFlightEnds.Count < concurrency;
        }

        public void Add(double start, double end)
        {
            if (double.IsNaN(_periodStart))
            {
                (_periodStart, _periodEnd) = (start, end);
            }
            else if (start <= Math.Max(_periodEnd, _periodStart + MinimumPeriodSeconds))
            {
                _periodEnd = Math.Max(_periodEnd, end);
            }
            else
            {
                _billed += Billed(_periodEnd - _periodStart);
                (_periodStart, _periodEnd) = (start, end);
            }

            _inFlightEnds.Add(end);
        }

        public double Close() => double.IsNaN(_periodStart) ? _billed : _billed + Billed(_periodEnd - _periodStart);

        private static double Billed(double length) =>
            Math.Max(MinimumPeriodSeconds, Math.Ceiling(length / RoundingSeconds - 1e-9) * RoundingSeconds);
    }
}
