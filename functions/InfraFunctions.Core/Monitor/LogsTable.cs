namespace InfraFunctions.Core.Monitor;

/// <summary>One table of a Log Analytics query answer: column names and rows of JSON cells.</summary>
public sealed record LogsTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<JsonElement[]> Rows)
{
    public int Column(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
