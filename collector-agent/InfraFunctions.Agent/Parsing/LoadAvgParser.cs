using InfraFunctions.Contracts;

namespace InfraFunctions.Agent.Parsing;

/// <summary>Parses <c>/proc/loadavg</c>: <c>0.52 0.58 0.59 1/467 12345</c>.</summary>
internal static class LoadAvgParser
{
    public static LoadAverage Parse(ReadOnlySpan<byte> text)
    {
        var one = ProcText.NextToken(ref text, out var a) ? ProcText.ParseDouble(a) : 0;
        var five = ProcText.NextToken(ref text, out var b) ? ProcText.ParseDouble(b) : 0;
        var fifteen = ProcText.NextToken(ref text, out var c) ? ProcText.ParseDouble(c) : 0;
        return new LoadAverage(one, five, fifteen);
    }
}
