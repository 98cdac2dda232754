namespace InfraFunctions.Agent.Parsing;

/// <summary>Parses <c>/etc/os-release</c> (a shell-style KEY="value" file) for the OS pretty name.</summary>
internal static class OsReleaseParser
{
    public static string PrettyName(string text)
    {
        string? pretty = null, name = null, version = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = Unquote(line[(eq + 1)..]);
            switch (line[..eq])
            {
                case "PRETTY_NAME": pretty = value; break;
                case "NAME": name = value; break;
                case "VERSION": version = value; break;
                default: break;
            }
        }

        return pretty ?? (name is null ? "Linux" : version is null ? name : $"{name} {version}");
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0]
            ? value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal)
            : value;
}
