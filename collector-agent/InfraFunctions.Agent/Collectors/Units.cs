namespace InfraFunctions.Agent.Collectors;

/// <summary>Unit conversions and rounding shared by the collectors.</summary>
internal static class Units
{
    private const double BytesPerGb = 1024.0 * 1024 * 1024;
    private const double BytesPerMb = 1024.0 * 1024;

    // Three decimals of a GB is 1 MB: finer than any figure a person reads, and it keeps the JSON short.
    public static double Gb(double bytes) => Math.Round(bytes / BytesPerGb, 3);

    public static double Mb(double bytes) => Math.Round(bytes / BytesPerMb, 2);

    public static double Percent(double part, double whole) => whole <= 0 ? 0 : Math.Round(100.0 * part / whole, 2);

    public static double Round(double value) => Math.Round(value, 2);

    public static double PerSecond(ulong earlier, ulong later, double seconds) =>
        seconds <= 0 || later < earlier ? 0 : Math.Round((later - earlier) / seconds, 1);
}
