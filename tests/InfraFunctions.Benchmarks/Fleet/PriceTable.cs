using System.Text.Json;
using InfraFunctions.Testing;

namespace InfraFunctions.Benchmarks.Fleet;

/// <summary>The dated list prices in <c>Fleet/prices.json</c>, one row per meter with its source.</summary>
public sealed class PriceTable(IReadOnlyDictionary<string, PriceTable.Meter> meters)
{
    public sealed record Meter(string Name, string Unit, double PricePerUnit, double FreePerMonth, string AsOf, string Source);

    public static string FilePath => Path.Combine(RepoPaths.Root, "tests", "InfraFunctions.Benchmarks", "Fleet", "prices.json");

    public IReadOnlyDictionary<string, Meter> Meters => meters;

    public static PriceTable Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(FilePath));
        var rows = doc.RootElement.GetProperty("meters").EnumerateArray().Select(m => new Meter(
            m.GetProperty("meter").GetString()!,
            m.GetProperty("unit").GetString()!,
            m.GetProperty("price_per_unit").GetDouble(),
            m.GetProperty("free_per_month").GetDouble(),
            m.GetProperty("as_of").GetString()!,
            m.GetProperty("source").GetString()!));
        return new PriceTable(rows.ToDictionary(m => m.Name, StringComparer.Ordinal));
    }

    /// <summary>The month's charge for <paramref name="quantity"/> units of a meter, after its free grant.</summary>
    public double Charge(string meter, double quantity)
    {
        var m = meters[meter];
        return Math.Max(0, quantity - m.FreePerMonth) * m.PricePerUnit;
    }
}
