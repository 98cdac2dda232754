namespace InfraFunctions.Core.Validation;

/// <summary>Collects field-level messages for one sample.</summary>
public sealed class SampleErrors
{
    /// <summary>The largest magnitude accepted for a size, rate or counter: far beyond any real host, and small
    /// enough that sums over years of samples stay finite.</summary>
    public const double MaxQuantity = 1e15;

    private readonly List<string> _errors = [];

    public int Count => _errors.Count;

    public void Add(string message) => _errors.Add(message);

    public void Percent(string field, double value)
    {
        if (!double.IsFinite(value) || value < 0 || value > 100)
        {
            _errors.Add($"{field}: must be a percentage between 0 and 100 (got {Show(value)}).");
        }
    }

    public void NonNegative(string field, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            _errors.Add($"{field}: must be a finite number of at least 0 (got {Show(value)}).");
        }
        else if (value > MaxQuantity)
        {
            _errors.Add($"{field}: must be at most {Show(MaxQuantity)} (got {Show(value)}).");
        }
    }

    /// <summary>Counters and byte sizes read as integers are only checked for sign: they are stored, never summed.</summary>
    public void NonNegative(string field, long value)
    {
        if (value < 0)
        {
            _errors.Add($"{field}: must be at least 0 (got {value.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>A required string of at most <paramref name="maxBytes"/> bytes in UTF-8, with no broken surrogate pair.</summary>
    public void Text(string field, string? value, int maxBytes)
    {
        if (value is null)
        {
            _errors.Add($"{field}: is required.");
        }
        else if (TextRules.Check(value, maxBytes) is { } problem)
        {
            _errors.Add($"{field}: {problem}");
        }
    }

    public string[] ToArray() => [.. _errors];

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
