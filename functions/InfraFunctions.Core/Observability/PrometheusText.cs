using System.Text;

namespace InfraFunctions.Core.Observability;

/// <summary>
/// Writes the Prometheus text exposition format 0.0.4: per metric family one <c># HELP</c> and one <c># TYPE</c>
/// line, then its samples. Label values escape <c>\</c>, <c>"</c> and line feed; HELP text escapes <c>\</c> and line feed.
/// </summary>
public sealed class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    public void Family(string name, string type, string help, IEnumerable<(IReadOnlyList<(string Name, string Value)> Labels, double Value)> samples)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, value) in samples)
        {
            _text.Append(name);
            if (labels.Count > 0)
            {
                _text.Append('{');
                for (var i = 0; i < labels.Count; i++)
                {
                    _text.Append(i == 0 ? string.Empty : ",").Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
                }

                _text.Append('}');
            }

            _text.Append(' ').Append(Number(value)).Append('\n');
        }
    }

    public override string ToString() => _text.ToString();

    public static string EscapeLabel(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string EscapeHelp(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    // Go's ParseFloat spellings for the specials; shortest round-trip digits otherwise.
    public static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : value.ToString("R", CultureInfo.InvariantCulture);
}
