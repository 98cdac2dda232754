using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Rules;

/// <summary>
/// Checks a rule as sent, and fills what was left out: scope every host, <see cref="DefaultDurationSeconds"/>, no clear
/// margin, the default channels, no renotify, enabled. Errors are keyed by the JSON field path they concern. Channel ids
/// are checked against every channel that exists; with no channel directory, no channel exists.
/// </summary>
public sealed class RuleValidation(IEnumerable<IChannelDirectory> directories)
{
    public const int MaxNameLength = 100;
    public const int MaxDurationSeconds = 86_400;
    public const int MaxChannels = 20;
    public const int MaxRenotifyMinutes = 10_080;
    public const int MaxRules = 500;
    public const int DefaultDurationSeconds = 60;

    /// <summary>Validates a new or replacing rule; for a preview, <paramref name="preview"/> makes the name optional.</summary>
    public async Task<RuleCheck> CheckAsync(RuleDraft draft, bool preview = false, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = RuleFieldChecks.CheckName(draft.Name, required: !preview, errors) ?? "Preview";
        var metric = RuleFieldChecks.CheckMetric(draft.Metric, errors);
        var scope = RuleFieldChecks.CheckScope(draft.Scope, errors);
        var condition = draft.Condition ?? string.Empty;
        if (condition is not (RuleConditions.Above or RuleConditions.Below))
        {
            errors["condition"] = [$"Give condition '{RuleConditions.Above}' (fires at or above the levels) or '{RuleConditions.Below}' (at or below)."];
        }

        RuleFieldChecks.CheckLevels(draft.Warning, draft.Critical, condition, errors);
        var common = await CheckCommonAsync(draft, DefaultDurationSeconds, 0, errors, cancellationToken);
        return errors.Count > 0
            ? new RuleCheck(null, errors)
            : new RuleCheck(new RuleDefinition(string.Empty, name, metric!, scope, condition, draft.Warning, draft.Critical,
                common.Duration, common.ClearMargin, common.Channels, common.Renotify, draft.Enabled ?? true), errors);
    }

    /// <summary>
    /// Validates a change to a built-in rule: only its name, duration, clear margin, channels, renotify and enabled may
    /// change; a metric, scope, condition or level, when sent, must be the rule's own. What is left out returns to the default.
    /// </summary>
    public async Task<RuleCheck> CheckBuiltInAsync(RuleDraft draft, RuleDefinition builtIn, AlertOptions alerts, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = draft.Name is null ? builtIn.Name : RuleFieldChecks.CheckName(draft.Name, required: true, errors);
        if (draft.Metric is not null && (!MetricPath.TryParse(draft.Metric, out var path, out _) || path.ToString() != builtIn.Metric))
        {
            errors["metric"] = [$"The built-in rule '{builtIn.Id}' always watches {builtIn.Metric}; create a rule of your own (POST /api/v1/observability/rules) to watch another metric."];
        }

        if (draft.Scope is { } s && (s.Host is not null || s.Tags is { Count: > 0 }))
        {
            errors["scope"] = [$"The built-in rule '{builtIn.Id}' applies to every host; create a rule of your own for some hosts, or change one host's levels with PUT /api/v1/observability/thresholds?host=."];
        }

        if (draft.Condition is not null && draft.Condition != builtIn.Condition)
        {
            errors["condition"] = [$"The built-in rule '{builtIn.Id}' always fires {builtIn.Condition} its levels."];
        }

        var levels = "The levels of built-in rules are the thresholds: change them for every host with the Thresholds__* app settings "
            + "(such as Thresholds__CpuWarning), or for one host with PUT /api/v1/observability/thresholds?host=.";
        if (draft.Warning is { } warning && warning != builtIn.Warning)
        {
            errors["warning"] = [$"{levels} Leave warning out, or send {builtIn.Warning}."];
        }

        if (draft.Critical is { } critical && critical != builtIn.Critical)
        {
            errors["critical"] = [$"{levels} Leave critical out, or send {builtIn.Critical}."];
        }

        var common = await CheckCommonAsync(draft, alerts.DurationSeconds, alerts.HysteresisPoints, errors, cancellationToken);
        return errors.Count > 0
            ? new RuleCheck(null, errors)
            : new RuleCheck(builtIn with
            {
                Name = name!,
                DurationSeconds = common.Duration,
                ClearMargin = common.ClearMargin,
                Channels = common.Channels,
                RenotifyMinutes = common.Renotify,
                Enabled = draft.Enabled ?? true,
            }, errors);
    }

    private async Task<(int Duration, double ClearMargin, IReadOnlyList<string> Channels, int Renotify)> CheckCommonAsync(
        RuleDraft draft, int defaultDuration, double defaultMargin, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var duration = draft.DurationSeconds ?? defaultDuration;
        if (duration is < 0 or > MaxDurationSeconds)
        {
            errors["duration_seconds"] = [$"How long a level must hold before the alert raises (and clear before it resolves), in seconds: 0-{MaxDurationSeconds}."];
        }

        var margin = draft.ClearMargin ?? defaultMargin;
        if (!double.IsFinite(margin) || margin < 0)
        {
            errors["clear_margin"] = ["How far back past its level the value must go to resolve, in the metric's unit: a finite number, 0 or more."];
        }

        var renotify = draft.RenotifyMinutes ?? 0;
        if (renotify is < 0 or > MaxRenotifyMinutes)
        {
            errors["renotify_minutes"] = [$"How often an open alert is sent again, in minutes: 0 (never) to {MaxRenotifyMinutes} (7 days)."];
        }

        var channels = draft.Channels ?? [];
        if (await ChannelProblemAsync(channels, cancellationToken) is { } channelProblem)
        {
            errors["channels"] = [channelProblem];
        }

        return ((int)Math.Clamp(duration, 0, MaxDurationSeconds), margin, channels.ToArray(), (int)Math.Clamp(renotify, 0, MaxRenotifyMinutes));
    }

    private async Task<string?> ChannelProblemAsync(IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return null;
        }

        if (channels.Count > MaxChannels)
        {
            return $"{channels.Count} channels; a rule may name at most {MaxChannels}.";
        }

        if (channels.Distinct(StringComparer.Ordinal).Count() != channels.Count)
        {
            return "A channel is named twice; name each once.";
        }

        if (directories.LastOrDefault() is not { } directory)
        {
            return "No notification channels exist, so a rule can name none: leave channels empty to use the default channels.";
        }

        var known = await directory.IdsAsync(cancellationToken);
        var unknown = channels.Select((id, i) => (id, i)).Where(c => !known.Contains(c.id)).ToArray();
        return unknown.Length == 0
            ? null
            : $"No channel {string.Join(", ", unknown.Select(u => $"'{u.id}' (channels[{u.i}])"))}: GET /api/v1/observability/channels lists the channels, or leave channels empty to use the default ones.";
    }
}
