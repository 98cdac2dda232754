namespace InfraFunctions.Agent.Tests.Collectors.Systemd;

/// <summary>A unit the stand-in systemd knows; <paramref name="Loaded"/> units are the ones ListUnits returns.</summary>
internal sealed record FakeUnit(string Name, string LoadState, string ActiveState, string SubState, uint Restarts = 0, bool Loaded = true)
{
    /// <summary>The unit's object path, escaped as systemd does (sd_bus_path_encode): <c>nginx.service</c> is <c>/org/freedesktop/systemd1/unit/nginx_2eservice</c>.</summary>
    public string Path => UnitPath(Name);

    public static string UnitPath(string name)
    {
        var escaped = new System.Text.StringBuilder("/org/freedesktop/systemd1/unit/");
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsAsciiLetter(c) || (char.IsAsciiDigit(c) && i > 0))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('_').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
