using System.Text.RegularExpressions;

namespace InfraFunctions.Core.Monitor;

/// <summary>The KQL behind <c>traces</c>, and the mapping of its rows to traces grouped by operation id.</summary>
public static partial class TraceQuery
{
    public const int MaxTraces = 100;

    /// <summary>Operation names are function names and routes: letters, digits and <c>_ . / { } -</c> and spaces.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9_./{} \-]{1,128}$")]
    public static partial Regex OperationPattern();

    /// <summary>
    /// The latest <see cref="MaxTraces"/> requests (filtered), then every request and dependency of those operations.
    /// <paramref name="operation"/> must match <see cref="OperationPattern"/>, so it cannot break out of the string literal.
    /// </summary>
    public static string Build(string? operation, bool? success)
    {
        var filters = new List<string>();
        if (operation is not null)
        {
            filters.Add($"| where OperationName == '{operation}' or Name == '{operation}'");
        }

        if (success is { } s)
        {
            filters.Add($"| where Success == {(s ? "true" : "false")}");
        }

        return string.Join('\n',
        [
            "let roots = AppRequests",
            .. filters,
            $"| top {MaxTraces} by TimeGenerated desc",
            "| project OperationId;",
            "union withsource=SourceTable AppRequests, AppDependencies",
            "| where OperationId in (roots)",
            "| project TimeGenerated, SourceTable, OperationId, Id, ParentId, Name, OperationName, Target, DependencyType, DurationMs, Success, ResultCode",
            "| order by TimeGenerated asc",
        ]);
    }

    /// <summary>
    /// Groups the rows by operation id, newest trace first, each trace's spans in tree order (<see cref="TraceTree"/>);
    /// its earliest request without a parent in the trace is its root.
    /// </summary>
    public static IReadOnlyList<Trace> Map(LogsTable table)
    {
        int C(string name) => table.Column(name);
        var (time, source, op, id, parent, name, opName, target, type, duration, success, code) =
            (C("TimeGenerated"), C("SourceTable"), C("OperationId"), C("Id"), C("ParentId"), C("Name"), C("OperationName"), C("Target"), C("DependencyType"), C("DurationMs"), C("Success"), C("ResultCode"));
        var spans = table.Rows.Select(r => (Operation: Text(r, op) ?? string.Empty, OperationName: Text(r, opName), Span: new TraceSpan(
            Text(r, id) ?? string.Empty,
            Text(r, parent) is { Length: > 0 } p ? p : null,
            Text(r, source) == "AppDependencies" ? "dependency" : "request",
            Text(r, name) ?? string.Empty,
            Text(r, target),
            Text(r, type),
            Time(r, time),
            Number(r, duration),
            Bool(r, success),
            Text(r, code)))).ToArray();
        return spans.GroupBy(s => s.Operation, StringComparer.Ordinal).Select(g =>
        {
            var all = TraceTree.Order(g.Select(s => s.Span).ToArray());
            var root = all.FirstOrDefault(s => s.Kind == "request" && s.Depth == 0) ?? all[0];
            var start = all.Min(s => s.Start);
            var end = all.Max(s => s.Start + TimeSpan.FromMilliseconds(s.DurationMs));
            return new Trace(g.Key, g.First().OperationName ?? root.Name, root.Start, Math.Round((end - start).TotalMilliseconds, 3),
                all.All(s => s.Success), root.ResultCode, all.Count, all);
        }).OrderByDescending(t => t.Start).ToArray();
    }

    private static string? Text(JsonElement[] row, int i) =>
        i < 0 || row[i].ValueKind == JsonValueKind.Null ? null : row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : row[i].GetRawText();

    private static double Number(JsonElement[] row, int i) =>
        i < 0 ? 0 : row[i].ValueKind == JsonValueKind.Number ? row[i].GetDouble() : double.TryParse(Text(row, i), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static bool Bool(JsonElement[] row, int i) =>
        i >= 0 && (row[i].ValueKind == JsonValueKind.True || (row[i].ValueKind == JsonValueKind.String && bool.TryParse(row[i].GetString(), out var b) && b));

    private static DateTimeOffset Time(JsonElement[] row, int i) =>
        i >= 0 && DateTimeOffset.TryParse(Text(row, i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : default;
}
