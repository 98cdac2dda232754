using System.Globalization;

namespace InfraFunctions.Core.Validation;

/// <summary>Collects field-level messages for one sample.</summary>
public sealed class SampleErrors
{
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
    }

    public void Text(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            _errors.Add($"{field}: is required.");
        }
        else if (value.Length > maxLength)
        {
            _errors.Add($"{field}: is {value.Length} characters long; the limit is {maxLength}.");
        }
    }

    public string[] ToArray() => [.. _errors];

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
