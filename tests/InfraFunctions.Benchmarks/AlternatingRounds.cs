using System.Globalization;

namespace InfraFunctions.Benchmarks;

/// <summary>
/// Two timed arms compared within one run: an uncounted warm-up, then rounds that alternate the arms (A, B, A, B ...)
/// so drift in the machine's load hits both alike, compared by the median of each arm's rounds.
/// </summary>
public static class AlternatingRounds
{
    public static async Task<(List<double> First, List<double> Second)> RunAsync(int rounds, Func<Task> warmUp, Func<int, Task<double>> first, Func<int, Task<double>> second)
    {
        await warmUp();
        var (a, b) = (new List<double>(rounds), new List<double>(rounds));
        for (var round = 0; round < rounds; round++)
        {
            a.Add(await first(round));
            b.Add(await second(round));
        }

        return (a, b);
    }

    /// <summary>The middle value; with an even count, the mean of the two middle values.</summary>
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Each round's figure in the order it ran, for the report line.</summary>
    public static string Join(IEnumerable<double> values) =>
        string.Join(", ", values.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)));
}
