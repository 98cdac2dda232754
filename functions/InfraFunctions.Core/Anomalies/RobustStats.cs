namespace InfraFunctions.Core.Anomalies;

/// <summary>Median and median absolute deviation over a scratch buffer (the buffer is reordered).</summary>
public static class RobustStats
{
    // MAD * 1.4826 estimates the standard deviation of normal data.
    public const double MadToSigma = 1.4826;

    public static double Median(Span<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }

    /// <summary>Median, and the MAD scaled to a standard deviation.</summary>
    public static (double Median, double Sigma) MedianAndSigma(ReadOnlySpan<double> values, Span<double> scratch)
    {
        var buffer = scratch[..values.Length];
        values.CopyTo(buffer);
        var median = Median(buffer);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Math.Abs(values[i] - median);
        }

        return (median, Median(buffer) * MadToSigma);
    }

    /// <summary>
    /// The window's level extrapolated to the next point from the medians of its two halves, and the MAD of each half
    /// around its own median scaled to a standard deviation: a robust location and spread that follow a slow trend.
    /// </summary>
    public static (double Level, double Sigma) TrendAndSigma(ReadOnlySpan<double> values, Span<double> scratch)
    {
        if (values.Length < 8)
        {
            return MedianAndSigma(values, scratch);
        }

        var half = values.Length / 2;
        var older = values[..half];
        var recent = values[half..];
        var buffer = scratch[..values.Length];
        older.CopyTo(buffer);
        recent.CopyTo(buffer[half..]);
        var mOld = Median(buffer[..half]);
        var mNew = Median(buffer[half..]);
        for (var i = 0; i < values.Length; i++)
        {
            buffer[i] = Math.Abs(values[i] - (i < half ? mOld : mNew));
        }

        // The halves' centres are half a window apart; the next point is a quarter window (plus a half step) past the recent centre.
        // The correction is capped at two sigma: a smooth cycle needs far less, and a level shift inside the window
        // must not be extrapolated into a phantom trend.
        var sigma = Median(buffer) * MadToSigma;
        var slope = (mNew - mOld) / (values.Length - half);
        var correction = Math.Clamp(slope * ((recent.Length / 2.0) + 0.5), -2 * sigma, 2 * sigma);
        return (mNew + correction, sigma);
    }
}
