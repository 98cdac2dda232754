using System.Buffers.Text;

namespace InfraFunctions.Agent.Parsing;

/// <summary>
/// The hwmon sysfs interface (Documentation/hwmon/sysfs-interface.rst): <c>temp[N]_input</c>, <c>_crit</c> and
/// <c>_max</c> hold millidegrees Celsius, <c>temp[N]_label</c> and <c>name</c> one line of text.
/// </summary>
internal static class HwmonParser
{
    /// <summary>A millidegree file's value in °C; false when it holds no number (a driver may write an error text).</summary>
    public static bool TryParseMillidegrees(ReadOnlySpan<byte> text, out double celsius)
    {
        text = text.Trim(" \t\r\n"u8);
        if (Utf8Parser.TryParse(text, out long millidegrees, out var used) && used == text.Length && text.Length > 0)
        {
            celsius = millidegrees / 1000.0;
            return true;
        }

        celsius = 0;
        return false;
    }

    /// <summary>N of <c>temp[N]_input</c>; -1 for any other file name.</summary>
    public static int InputIndex(string fileName) => Index(fileName, "temp", "_input");

    /// <summary>N of <c>{prefix}N{suffix}</c>, such as <c>hwmon3</c> or <c>trip_point_1_type</c>; -1 when it is not of that shape.</summary>
    public static int Index(string name, string prefix, string suffix) =>
        name.Length > prefix.Length + suffix.Length
        && name.StartsWith(prefix, StringComparison.Ordinal)
        && name.EndsWith(suffix, StringComparison.Ordinal)
        && int.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - suffix.Length), System.Globalization.NumberStyles.None, null, out var index)
            ? index
            : -1;

    /// <summary><c>chip/label</c> (<c>coretemp/Package id 0</c>), or <c>chip/tempN</c> for an unlabeled input.</summary>
    public static string SensorName(string chip, string? label, int index) =>
        string.IsNullOrWhiteSpace(label) ? $"{chip}/temp{index}" : $"{chip}/{label}";
}
