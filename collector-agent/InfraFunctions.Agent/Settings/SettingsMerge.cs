using System.Globalization;
using System.Text.Json;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging;
using Names = InfraFunctions.Agent.AgentSettingNames;
using Rules = InfraFunctions.Contracts.AgentSettingRules;

namespace InfraFunctions.Agent.Settings;

/// <summary>
/// One merge of the agent's settings with the server's: for each setting the server may push, the agent's explicit
/// value, else the server's (when within bounds), else the default; and the list of settings in force with sources.
/// </summary>
internal static partial class SettingsMerge
{
    private const string Temperatures = "temperatures";
    private const string Systemd = "systemd";
    private const string Textfile = "textfile";

    public static LiveValues Merge(AgentOptions options, AgentSettings? pushed, ILogger logger, bool warn)
    {
        var inForce = new List<SettingInForce>(8);

        var watch = options.Watch;
        (string Source, string? Scope) watchFrom = Local(options, Names.Watch);
        if (pushed?.Watch is { } pushedWatch && !options.SetExplicitly(Names.Watch))
        {
            if (pushedWatch.Count <= Rules.MaxWatch && pushedWatch.All(Rules.IsValidWatchName))
            {
                watch = pushedWatch.Distinct(StringComparer.Ordinal).ToArray();
                watchFrom = (SettingSources.Server, Scope(pushed, Rules.Watch));
            }
            else if (warn)
            {
                LogIgnored(logger, Rules.Watch, string.Join(",", pushedWatch), $"at most {Rules.MaxWatch} names of 1-{Rules.MaxWatchNameLength} printable characters");
            }
        }

        inForce.Add(new SettingInForce(Rules.Watch, string.Join(",", watch), watchFrom.Source, watchFrom.Scope));

        var top = options.Top;
        (string Source, string? Scope) topFrom = Local(options, Names.Top);
        if (pushed?.Top is { } pushedTop && !options.SetExplicitly(Names.Top))
        {
            if (Rules.IsValidTop(pushedTop))
            {
                top = pushedTop;
                topFrom = (SettingSources.Server, Scope(pushed, Rules.Top));
            }
            else if (warn)
            {
                LogIgnored(logger, Rules.Top, Text(pushedTop), $"from {Rules.MinTop} to {Rules.MaxTop}");
            }
        }

        inForce.Add(new SettingInForce(Rules.Top, Text(top), topFrom.Source, topFrom.Scope));

        var interval = options.SampleInterval;
        (string Source, string? Scope) intervalFrom = Local(options, Names.SampleInterval);
        if (pushed?.SampleIntervalSeconds is { } pushedSeconds && !options.SetExplicitly(Names.SampleInterval))
        {
            if (Rules.IsValidSampleInterval(pushedSeconds))
            {
                interval = TimeSpan.FromSeconds(pushedSeconds);
                intervalFrom = (SettingSources.Server, Scope(pushed, Rules.SampleIntervalSeconds));
            }
            else if (warn)
            {
                LogIgnored(logger, Rules.SampleIntervalSeconds, Text(pushedSeconds), $"from {Text(Rules.MinSampleIntervalSeconds)} to {Text(Rules.MaxSampleIntervalSeconds)} seconds");
            }
        }

        inForce.Add(new SettingInForce(Rules.SampleIntervalSeconds, Text(interval.TotalSeconds), intervalFrom.Source, intervalFrom.Scope));

        var turnOn = pushed?.Collectors ?? [];
        foreach (var unknown in turnOn.Where(c => !Rules.IsKnownCollector(c)))
        {
            if (warn)
            {
                LogIgnored(logger, Rules.CollectorsName, unknown, $"one of {string.Join(", ", Rules.Collectors)}");
            }
        }

        // A collector the agent's own settings switch on or off stays so; one left at its default the server may turn on.
        var temperatures = options.SetExplicitly(Names.Temperatures) ? options.Temperatures : options.Temperatures || turnOn.Contains(Temperatures);
        var systemd = options.SetExplicitly(Names.Systemd) ? options.Systemd : options.Systemd || turnOn.Contains(Systemd);
        var textfileDir = options.TextfileDir ?? (turnOn.Contains(Textfile) ? AgentOptions.DefaultTextfileDir : null);
        var byServer = (temperatures && !options.Temperatures) || (systemd && !options.Systemd) || (textfileDir is not null && options.TextfileDir is null);
        (string Source, string? Scope) collectorsFrom = byServer
            ? (SettingSources.Server, Scope(pushed, Rules.CollectorsName))
            : (Strongest(options, Names.Temperatures, Names.Systemd, Names.TextfileDir), null);
        var on = new List<string>(3);
        if (temperatures)
        {
            on.Add(Temperatures);
        }

        if (systemd)
        {
            on.Add(Systemd);
        }

        if (textfileDir is not null)
        {
            on.Add(Textfile);
        }

        inForce.Add(new SettingInForce(Rules.CollectorsName, string.Join(",", on), collectorsFrom.Source, collectorsFrom.Scope));

        var postFrom = Local(options, Names.PostInterval);
        inForce.Add(new SettingInForce("post_interval_seconds", Text(options.PostInterval.TotalSeconds), postFrom.Source));
        inForce.Add(new SettingInForce(Names.SpoolDir, options.SpoolDir, Local(options, Names.SpoolDir).Source));
        if (textfileDir is not null)
        {
            (string Source, string? Scope) textfileFrom = options.TextfileDir is null ? collectorsFrom : Local(options, Names.TextfileDir);
            inForce.Add(new SettingInForce(Names.TextfileDir, textfileDir, textfileFrom.Source, textfileFrom.Scope));
        }

        return new LiveValues(watch, top, interval, temperatures, systemd, textfileDir, inForce, Serialize(inForce));
    }

    private static (string Source, string? Scope) Local(AgentOptions options, string name) =>
        (options.Sources.GetValueOrDefault(name, SettingSources.Default), null);

    private static string? Scope(AgentSettings? pushed, string name) => pushed?.Sources?.GetValueOrDefault(name);

    // Of several settings, the source with the highest precedence that set any of them.
    private static string Strongest(AgentOptions options, params string[] names) =>
        names.Select(n => options.Sources.GetValueOrDefault(n, SettingSources.Default)).MaxBy(s => Rules.Sources.ToList().IndexOf(s)) ?? SettingSources.Default;

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Serialize(List<SettingInForce> inForce)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var setting in inForce)
            {
                JsonSerializer.Serialize(writer, setting, ContractsJsonContext.Default.SettingInForce);
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The server's '{Setting}' of '{Value}' is ignored: it must be {Rule}; the agent keeps its own value")]
    private static partial void LogIgnored(ILogger logger, string setting, string value, string rule);
}
