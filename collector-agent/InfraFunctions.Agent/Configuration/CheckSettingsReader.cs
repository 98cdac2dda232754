using System.Globalization;
using Microsoft.Extensions.Configuration;
using Names = InfraFunctions.Agent.AgentSettingNames;

namespace InfraFunctions.Agent;

/// <summary>
/// Reads <c>checks</c>: an array of objects in the file (<c>name</c>, <c>target</c>, <c>interval</c>, <c>timeout</c>,
/// <c>expect_status</c>, <c>body_contains</c>, <c>verify_tls</c>); <c>INFRA_AGENT_CHECKS</c> (comma list of targets)
/// and <c>--check TARGET</c> (repeatable) replace it with checks that take the defaults for the rest.
/// </summary>
internal static class CheckSettingsReader
{
    private const string Where = "'checks' (in the configuration file, INFRA_AGENT_CHECKS, or --check)";

    public static CheckOptions[] Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Names.Checks);
        var checks = new List<CheckOptions>();
        if (section.Value is { } list)
        {
            foreach (var target in list.Split(','))
            {
                if (!string.IsNullOrWhiteSpace(target))
                {
                    checks.Add(Parse(checks.Count, null, target.Trim(), null, null, null, null, null));
                }
            }
        }
        else
        {
            foreach (var item in section.GetChildren())
            {
                if (item.Value is { } bare)
                {
                    // A bare string in the array is a target with defaults for the rest.
                    checks.Add(Parse(checks.Count, null, bare.Trim(), null, null, null, null, null));
                    continue;
                }

                checks.Add(Parse(
                    checks.Count, SettingText.Trimmed(item["name"]), SettingText.Trimmed(item["target"]), SettingText.Trimmed(item["interval"]), SettingText.Trimmed(item["timeout"]),
                    SettingText.Trimmed(item["expect_status"]), item["body_contains"], SettingText.Trimmed(item["verify_tls"])));
            }
        }

        for (var i = 0; i < checks.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (checks[i].Name == checks[j].Name)
                {
                    throw Invalid(i, checks[i].Target, $"has the same name as entry {j + 1} ('{checks[i].Name}'); give one of them a \"name\"");
                }
            }
        }

        return [.. checks];
    }

    private static CheckOptions Parse(
        int index, string? name, string? target, string? interval, string? timeout, string? expectStatus, string? bodyContains, string? verifyTls)
    {
        if (target is null)
        {
            throw Invalid(index, null, "needs a \"target\": tcp://host:port or an http(s):// URL");
        }

        var (kind, host, port, url) = ParseTarget(index, target);
        var intervalValue = Seconds(index, target, "interval", interval, CheckOptions.DefaultInterval, CheckOptions.MinInterval.TotalSeconds, 86400);
        var defaultTimeout = TimeSpan.FromSeconds(Math.Min(CheckOptions.DefaultTimeout.TotalSeconds, intervalValue.TotalSeconds / 2));
        var timeoutValue = Seconds(index, target, "timeout", timeout, defaultTimeout, 0.1, 86400);
        if (timeoutValue >= intervalValue)
        {
            throw Invalid(index, target, Inv($"'timeout' ({timeoutValue.TotalSeconds} s) must be less than 'interval' ({intervalValue.TotalSeconds} s)"));
        }

        int? status = null;
        if (expectStatus is not null)
        {
            if (!int.TryParse(expectStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 599)
            {
                throw Invalid(index, target, $"'expect_status' must be an HTTP status from 100 to 599 (got '{expectStatus}')");
            }

            status = code;
        }

        var verify = true;
        if (verifyTls is not null && !bool.TryParse(verifyTls, out verify))
        {
            throw Invalid(index, target, $"'verify_tls' must be true or false (got '{verifyTls}')");
        }

        if (kind == CheckKind.Tcp && (status is not null || bodyContains is not null))
        {
            throw Invalid(index, target, "'expect_status' and 'body_contains' apply to http(s) targets only");
        }

        if (bodyContains is { Length: 0 })
        {
            bodyContains = null;
        }

        return new CheckOptions(name ?? target, target, kind, host, port, url, intervalValue, timeoutValue, status, bodyContains, verify);
    }

    private static (CheckKind Kind, string Host, int Port, Uri? Url) ParseTarget(int index, string target)
    {
        const string TcpPrefix = "tcp://";
        if (target.StartsWith(TcpPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = target[TcpPrefix.Length..].TrimEnd('/');
            var colon = rest.LastIndexOf(':');
            var host = colon > 0 ? rest[..colon].Trim('[', ']') : "";
            if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal))
            {
                throw Invalid(index, target, "'target' must be tcp://host:port, such as tcp://db.internal:5432");
            }

            if (!int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw Invalid(index, target, $"'target' has port '{rest[(colon + 1)..]}', out of range: it must be from 1 to 65535");
            }

            return (CheckKind.Tcp, host, port, null);
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var url))
        {
            throw Invalid(index, target, "'target' must be tcp://host:port or an absolute http(s):// URL");
        }

        if (url.Scheme is not ("http" or "https"))
        {
            throw Invalid(index, target, $"'target' has scheme '{url.Scheme}': it must be tcp, http or https");
        }

        return (CheckKind.Http, url.IdnHost, url.Port, url);
    }

    private static TimeSpan Seconds(int index, string target, string field, string? text, TimeSpan fallback, double min, double max)
    {
        if (text is null)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Invalid(index, target, Inv($"'{field}' must be a number of seconds from {min} to {max} (got '{text}')"));
        }

        return TimeSpan.FromSeconds(value);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static AgentConfigurationException Invalid(int index, string? target, string problem) =>
        new(target is null
            ? $"Invalid configuration: {Where} entry {index + 1} {problem}."
            : $"Invalid configuration: {Where} entry {index + 1} ('{target}'): {problem}.");
}
