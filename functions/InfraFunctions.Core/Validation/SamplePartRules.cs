namespace InfraFunctions.Core.Validation;

/// <summary>
/// Rules for the parts a sample carries beside its metrics: custom series (by <see cref="CustomMetricRules"/>, the
/// agent's own), temperatures, systemd units, service checks and collector errors. Each message names its field.
/// </summary>
internal static class SamplePartRules
{
    public const int MaxListItems = 512;
    public const int MaxCollectorErrors = 64;

    /// <summary>Far below and above anything a sensor reads; beyond them a reading is a unit mistake (millidegrees, Kelvin).</summary>
    public const double MinCelsius = -100;
    public const double MaxCelsius = 300;

    public static void Check(Sample s, SampleErrors e)
    {
        CheckCustomMetrics(s.CustomMetrics, e);
        CheckTemperatures(s.Temperatures, e);
        CheckUnits(s.SystemdUnits, e);
        CheckChecks(s.Checks, e);
        CheckCollectorErrors(s.CollectorErrors, e);
        e.NonNegative("dropped_custom_metrics", s.DroppedCustomMetrics);
    }

    private static void CheckCustomMetrics(IReadOnlyList<CustomMetric>? metrics, SampleErrors e)
    {
        if (metrics is null)
        {
            return;
        }

        Limit("custom_metrics", metrics.Count, CustomMetricRules.MaxSeriesPerSample, e);
        for (var i = 0; i < metrics.Count && i < CustomMetricRules.MaxSeriesPerSample; i++)
        {
            var m = metrics[i];
            var f = $"custom_metrics[{i}]";
            if (m.Name is null || !CustomMetricRules.IsValidName(m.Name))
            {
                e.Add($"{f}.name: '{Shown(m.Name)}' is not a metric name: [a-zA-Z_:][a-zA-Z0-9_:]*, at most {CustomMetricRules.MaxNameLength} characters, not starting with {CustomMetricRules.ReservedPrefix}.");
            }

            if (!double.IsFinite(m.Value))
            {
                e.Add($"{f}.value: must be a finite number.");
            }

            if (m.Type is not null && m.Type is not ("gauge" or "counter" or "untyped" or "summary" or "histogram"))
            {
                e.Add($"{f}.type: '{Shown(m.Type)}' is not a Prometheus type: gauge, counter, untyped, summary or histogram.");
            }

            CheckLabels(f, m.Labels, e);
        }
    }

    private static void CheckLabels(string field, IReadOnlyDictionary<string, string>? labels, SampleErrors e)
    {
        if (labels is null)
        {
            return;
        }

        if (labels.Count > CustomMetricRules.MaxLabels)
        {
            e.Add($"{field}.labels: has {labels.Count} labels; the limit is {CustomMetricRules.MaxLabels}.");
            return;
        }

        foreach (var (name, value) in labels)
        {
            if (!CustomMetricRules.IsValidLabelName(name))
            {
                e.Add($"{field}.labels: '{Shown(name)}' is not a label name: [a-zA-Z_][a-zA-Z0-9_]*, at most {CustomMetricRules.MaxLabelNameLength} characters, not starting with __.");
            }

            if (value is null)
            {
                e.Add($"{field}.labels.{Shown(name)}: is required.");
            }
            else if (value.Length > CustomMetricRules.MaxLabelValueLength)
            {
                e.Add($"{field}.labels.{Shown(name)}: is {value.Length} characters long; the limit is {CustomMetricRules.MaxLabelValueLength}.");
            }
            else
            {
                e.Text($"{field}.labels.{Shown(name)}", value, CustomMetricRules.MaxLabelValueLength * 3);
            }
        }
    }

    private static void CheckTemperatures(IReadOnlyList<Temperature>? temperatures, SampleErrors e)
    {
        if (temperatures is null)
        {
            return;
        }

        Limit("temperatures", temperatures.Count, MaxListItems, e);
        for (var i = 0; i < temperatures.Count && i < MaxListItems; i++)
        {
            var t = temperatures[i];
            var f = $"temperatures[{i}]";
            e.Text($"{f}.sensor", t.Sensor, 256);
            Celsius($"{f}.celsius", t.Celsius, e);
            if (t.CriticalCelsius is { } critical)
            {
                Celsius($"{f}.critical_celsius", critical, e);
            }

            if (t.MaxCelsius is { } max)
            {
                Celsius($"{f}.max_celsius", max, e);
            }
        }
    }

    private static void CheckUnits(IReadOnlyList<SystemdUnit>? units, SampleErrors e)
    {
        if (units is null)
        {
            return;
        }

        Limit("systemd_units", units.Count, MaxListItems, e);
        for (var i = 0; i < units.Count && i < MaxListItems; i++)
        {
            var u = units[i];
            var f = $"systemd_units[{i}]";
            e.Text($"{f}.name", u.Name, 256);
            e.Text($"{f}.active_state", u.ActiveState, 32);
            e.Text($"{f}.sub_state", u.SubState, 32);
            e.NonNegative($"{f}.restarts", u.Restarts);
        }
    }

    private static void CheckChecks(IReadOnlyList<CheckResult>? checks, SampleErrors e)
    {
        if (checks is null)
        {
            return;
        }

        Limit("checks", checks.Count, MaxListItems, e);
        for (var i = 0; i < checks.Count && i < MaxListItems; i++)
        {
            var c = checks[i];
            var f = $"checks[{i}]";
            e.Text($"{f}.name", c.Name, 1024);
            e.Text($"{f}.target", c.Target, 1024);
            if (c.LatencyMs is { } latency)
            {
                e.NonNegative($"{f}.latency_ms", latency);
            }

            if (c.StatusCode is { } status and (< 100 or > 599))
            {
                e.Add($"{f}.status_code: must be an HTTP status from 100 to 599 (got {status.ToString(CultureInfo.InvariantCulture)}).");
            }

            if (c.CertificateDaysLeft is { } days && (!double.IsFinite(days) || Math.Abs(days) > 100_000))
            {
                e.Add($"{f}.certificate_days_left: must be a number of days within ±100000 (got {days.ToString("R", CultureInfo.InvariantCulture)}).");
            }

            if (c.Error is not null)
            {
                e.Text($"{f}.error", c.Error, 1024);
            }
        }
    }

    private static void CheckCollectorErrors(IReadOnlyList<CollectorError>? errors, SampleErrors e)
    {
        if (errors is null)
        {
            return;
        }

        Limit("collector_errors", errors.Count, MaxCollectorErrors, e);
        for (var i = 0; i < errors.Count && i < MaxCollectorErrors; i++)
        {
            e.Text($"collector_errors[{i}].collector", errors[i].Collector, 32);
            e.Text($"collector_errors[{i}].message", errors[i].Message, 1024);
        }
    }

    private static void Celsius(string field, double value, SampleErrors e)
    {
        if (!double.IsFinite(value) || value < MinCelsius || value > MaxCelsius)
        {
            e.Add($"{field}: must be between {MinCelsius.ToString(CultureInfo.InvariantCulture)} and {MaxCelsius.ToString(CultureInfo.InvariantCulture)} °C (got {value.ToString("R", CultureInfo.InvariantCulture)}).");
        }
    }

    private static void Limit(string field, int count, int max, SampleErrors e)
    {
        if (count > max)
        {
            e.Add($"{field}: has {count} items; the limit is {max}.");
        }
    }

    // Names are echoed back to say which one is wrong; a long one is cut so the reply stays small.
    private static string Shown(string? value) => value is null ? "null" : value.Length <= 64 ? value : value[..64] + "…";
}
