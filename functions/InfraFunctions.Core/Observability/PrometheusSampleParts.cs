namespace InfraFunctions.Core.Observability;

/// <summary>
/// The export's families from the parts of each host's latest sample: custom series under their own names and labels,
/// temperatures, systemd units (a state set, as node_exporter's <c>node_systemd_unit_state</c>) and service checks.
/// </summary>
internal static class PrometheusSampleParts
{
    /// <summary>The active states systemd reports; one series each per unit, 1 for the unit's own.</summary>
    public static readonly string[] UnitStates = ["active", "activating", "deactivating", "inactive", "failed", "reloading"];

    public static void Render(PrometheusText text, IReadOnlyList<HostRecord> sorted, PrometheusHostLabels hostLabels)
    {
        IReadOnlyList<(string, string)> Labels(HostRecord h, params (string, string)[] more) => hostLabels.Of(h, more);
        IReadOnlyList<(string, string)> Check(HostRecord h, CheckResult c) => hostLabels.Of(h, ("check", c.Name), ("target", c.Target));

        Custom(text, sorted, hostLabels);
        text.Family("infra_custom_metrics_dropped", "gauge", "Custom series the latest sample left out, past the agent's limits or to fit storage.",
            sorted.Select(h => (Labels(h), (double)h.Latest.DroppedCustomMetrics)));
        text.Family("infra_temperature_celsius", "gauge", "Temperature of each sensor, in degrees Celsius.",
            sorted.SelectMany(h => Distinct(h.Latest.Temperatures, t => t.Sensor).Select(t => (Labels(h, ("sensor", t.Sensor)), t.Celsius))));
        text.Family("infra_temperature_critical_celsius", "gauge", "Critical level of each sensor that has one, in degrees Celsius.",
            sorted.SelectMany(h => Distinct(h.Latest.Temperatures, t => t.Sensor).Where(t => t.CriticalCelsius is not null).Select(t => (Labels(h, ("sensor", t.Sensor)), t.CriticalCelsius!.Value))));
        text.Family("infra_systemd_unit_state", "gauge", "1 for the unit's active state, 0 for the others; failed and watched units only.",
            sorted.SelectMany(h => Distinct(h.Latest.SystemdUnits, u => u.Name).SelectMany(u => UnitStates.Select(state =>
                (Labels(h, ("unit", u.Name), ("state", state)), string.Equals(u.ActiveState, state, StringComparison.Ordinal) ? 1d : 0d)))));
        text.Family("infra_systemd_unit_restarts_total", "counter", "How often systemd restarted the service (NRestarts).",
            sorted.SelectMany(h => Distinct(h.Latest.SystemdUnits, u => u.Name).Select(u => (Labels(h, ("unit", u.Name)), (double)u.Restarts))));
        text.Family("infra_check_up", "gauge", "1 when the service check's target answered as expected, else 0.",
            sorted.SelectMany(h => Distinct(h.Latest.Checks, c => c.Name + "\n" + c.Target).Select(c => (Check(h, c), c.Up ? 1d : 0d))));
        text.Family("infra_check_latency_seconds", "gauge", "Time to connect, or to the response's headers, in seconds.",
            sorted.SelectMany(h => Distinct(h.Latest.Checks, c => c.Name + "\n" + c.Target).Where(c => c.LatencyMs is not null).Select(c => (Check(h, c), c.LatencyMs!.Value / 1000))));
        text.Family("infra_check_certificate_expiry_days", "gauge", "Days until the target's TLS certificate expires; negative once it has.",
            sorted.SelectMany(h => Distinct(h.Latest.Checks, c => c.Name + "\n" + c.Target).Where(c => c.CertificateDaysLeft is not null).Select(c => (Check(h, c), c.CertificateDaysLeft!.Value))));
    }

    /// <summary>
    /// One family per custom name, across hosts, with each series' labels after the host's own (a custom label named like
    /// one of them, <c>host</c> or a <c>tag_</c> label, becomes <c>exported_host</c>, as Prometheus renames it). The family's TYPE is gauge or counter when every series
    /// says so; otherwise, and for summary and histogram series (whose parts the agent sends as plain series), untyped.
    /// </summary>
    private static void Custom(PrometheusText text, IReadOnlyList<HostRecord> sorted, PrometheusHostLabels hostLabels)
    {
        var families = sorted
            .SelectMany(h => Distinct(h.Latest.CustomMetrics, m => Aggregation.CustomSeriesKey.Of(m.Name, m.Labels)).Select(m => (Host: h, Metric: m)))
            .GroupBy(x => x.Metric.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var types = family.Select(x => x.Metric.Type ?? "untyped").Distinct(StringComparer.Ordinal).ToArray();
            var type = types is ["gauge"] or ["counter"] ? types[0] : "untyped";
            text.Family(family.Key, type, "Custom metric from the host's textfile directory.", family.Select(x => (CustomLabels(x.Host, x.Metric, hostLabels), x.Metric.Value)));
        }
    }

    private static IReadOnlyList<(string, string)> CustomLabels(HostRecord h, CustomMetric m, PrometheusHostLabels hostLabels)
    {
        var labels = hostLabels.Of(h).ToList();
        if (m.Labels is null)
        {
            return labels;
        }

        foreach (var (name, value) in m.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (!hostLabels.Takes(h, name))
            {
                labels.Add((name, value));
            }
            else if (!m.Labels.ContainsKey("exported_" + name) && !hostLabels.Takes(h, "exported_" + name))
            {
                labels.Add(("exported_" + name, value));
            }
        }

        return labels;
    }

    // A series appears once in an exposition: the first of any repeat in a sample is kept.
    private static IEnumerable<T> Distinct<T>(IReadOnlyList<T>? items, Func<T, string> key) =>
        (items ?? []).DistinctBy(key, StringComparer.Ordinal);
}
