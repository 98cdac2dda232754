namespace InfraFunctions.Core.Anomalies;

/// <summary>
/// Finds anomalies in one evenly spaced series without any ML service:
/// <list type="bullet">
/// <item>a robust z-score of each point against the median and MAD of the previous <see cref="Window"/> points
/// (of the residual after the seasonal baseline, when there is one; without one, the medians of the window's two
/// halves extrapolate the local trend, so a smooth daily cycle is not mistaken for a shift);</item>
/// <item>an EWMA of the (clipped) residual compared with the same rolling median, which flags a level shift while the
/// median still lags behind it;</item>
/// <item>consecutive flagged points merged into one episode, reported at a spike's peak or a shift's onset.</item>
/// </list>
/// </summary>
public static class AnomalyDetector
{
    /// <summary>Rolling baseline length in points (one hour of one-minute points).</summary>
    public const int Window = 60;

    /// <summary>Points needed before the first score: a median of fewer is not a baseline.</summary>
    public const int MinimumHistory = 15;

    // EWMA weight of the newest point: a shift of 5 MAD units crosses 3 within four points, a lone spike never.
    private const double Alpha = 0.25;

    // Flagged points up to this many apart belong to one episode.
    private const int Gap = 2;

    /// <summary>
    /// Anomalies among <paramref name="points"/> (time order, evenly spaced) at or after <paramref name="reportFrom"/>;
    /// earlier points only feed the baseline. A point must also differ from the expected value by at least
    /// <paramref name="minEffect"/> (in the metric's unit): a 3.5-sigma wobble of one point of CPU is not worth a look.
    /// </summary>
    public static List<Anomaly> Detect(
        IReadOnlyList<MetricValue> points,
        string metric,
        AnomalySensitivity sensitivity,
        SeasonalBaseline? seasonal = null,
        DateTimeOffset reportFrom = default,
        double minEffect = 5)
    {
        var n = points.Count;
        var found = new List<Anomaly>();
        if (n <= MinimumHistory)
        {
            return found;
        }

        var residual = new double[n];
        for (var i = 0; i < n; i++)
        {
            residual[i] = points[i].Value - (seasonal?.Expected(points[i].Timestamp) ?? 0);
        }

        Span<double> scratch = stackalloc double[Window];
        var clip = 2 * sensitivity.ZThreshold;
        double? ewma = null;
        Episode? open = null;
        var baseline = seasonal is null ? "rolling_median" : "seasonal";
        for (var i = MinimumHistory; i < n; i++)
        {
            var start = Math.Max(0, i - Window);
            var (median, sigma) = seasonal is null
                ? RobustStats.TrendAndSigma(residual.AsSpan(start, i - start), scratch)
                : RobustStats.MedianAndSigma(residual.AsSpan(start, i - start), scratch);
            var scale = Math.Max(sigma, 1e-9 + (0.01 * Math.Abs(median + (seasonal?.Expected(points[i].Timestamp) ?? 0))));
            var z = (residual[i] - median) / scale;
            var clipped = median + (Math.Clamp(z, -clip, clip) * scale);
            ewma = ewma is { } e ? e + (Alpha * (clipped - e)) : median;
            var shift = (ewma.Value - median) / scale;

            var spike = Math.Abs(z) >= sensitivity.ZThreshold && Math.Abs(residual[i] - median) >= minEffect;
            var shifted = Math.Abs(shift) >= sensitivity.ShiftThreshold && Math.Abs(ewma.Value - median) >= minEffect;
            if (!spike && !shifted)
            {
                if (open is { } o && i - o.Last > Gap)
                {
                    Close(o);
                    open = null;
                }

                continue;
            }

            var expected = median + (seasonal?.Expected(points[i].Timestamp) ?? 0);
            var candidate = new Candidate(i, points[i].Value, expected, z);
            if (open is { } current && i - current.Last <= Gap)
            {
                current.Last = i;
                current.Shift |= shifted;
                if (Math.Abs(z) > Math.Abs(current.Peak.Score))
                {
                    current.Peak = candidate;
                }
            }
            else
            {
                if (open is { } previous)
                {
                    Close(previous);
                }

                open = new Episode { Onset = candidate, Peak = candidate, Last = i, Shift = shifted };
            }
        }

        if (open is { } last)
        {
            Close(last);
        }

        return found;

        void Close(Episode episode)
        {
            // A shift is reported where it began; a spike at its peak. Onsets before the window are context only.
            var at = episode.Shift ? episode.Onset : episode.Peak;
            if (points[episode.Onset.Index].Timestamp < reportFrom)
            {
                return;
            }

            var score = episode.Shift && Math.Abs(episode.Peak.Score) > Math.Abs(at.Score) ? Math.Abs(episode.Peak.Score) * Math.Sign(at.Score == 0 ? episode.Peak.Score : at.Score) : at.Score;
            found.Add(new Anomaly(
                points[at.Index].Timestamp,
                metric,
                Math.Round(at.Value, 3),
                Math.Round(at.Expected, 3),
                Math.Round(Math.Abs(score), 2),
                score >= 0 ? "up" : "down",
                Math.Abs(score) >= 2 * sensitivity.ZThreshold ? Health.Severity.Critical : Health.Severity.Warning,
                episode.Shift ? AnomalyKinds.LevelShift : AnomalyKinds.Spike,
                points[episode.Last].Timestamp,
                baseline));
        }
    }

    private readonly record struct Candidate(int Index, double Value, double Expected, double Score);

    private sealed class Episode
    {
        public Candidate Onset { get; init; }

        public Candidate Peak { get; set; }

        public int Last { get; set; }

        public bool Shift { get; set; }
    }
}
