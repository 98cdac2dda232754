using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.AgentSettings;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Tags;

namespace InfraFunctions.Handlers;

/// <summary>The per-host infrastructure endpoints (system, process, platform, summary, health, report) and the fleet list, read from the <c>hosts</c> row and the sample tables.</summary>
public sealed class InfrastructureHandler(
    HostSelector selector,
    HostRepository hosts,
    HostTagRepository tags,
    AlertRepository alerts,
    SampleRepository samples,
    Core.Aggregation.TieredSummaryReader tiers,
    TimeProvider time,
    HostThresholds thresholds,
    FleetHealth fleetHealth,
    IOptionsMonitor<IngestOptions> ingest)
{
    private const string Success = "success";

    /// <summary>The deployment's version, which the agents it serves share: an agent reporting an older one is outdated.</summary>
    private static readonly string DeploymentVersion = ProductVersion.Of(typeof(InfrastructureHandler).Assembly);

    public Task<IActionResult> SystemAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, snap =>
        {
            var s = snap.Host.Latest;
            return ApiResults.Ok(new SystemResponse(Success, snap.Host.HostId, s.Timestamp, s.Cpu, s.Memory, s.Disk, s.Network, s.Disks ?? [], s.Containers ?? [],
                s.Temperatures ?? [], s.SystemdUnits ?? [], s.Checks ?? [], s.CustomMetrics ?? [], s.CollectorErrors ?? [], s.DroppedCustomMetrics,
                snap.Host.SettingsInForce ?? []), ApiJsonContext.Default.SystemResponse);
        }, cancellationToken);

    public Task<IActionResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, snap =>
        {
            var s = snap.Host.Latest;
            var processes = BusiestFirst(s);
            return ApiResults.Ok(new ProcessResponse(Success, snap.Host.HostId, s.Timestamp, processes.Length, processes), ApiJsonContext.Default.ProcessResponse);
        }, cancellationToken);

    public Task<IActionResult> PlatformAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, snap =>
            ApiResults.Ok(new PlatformResponse(Success, snap.Host.HostId, View(snap.Host), snap.Host.FirstSeen, snap.Host.LastSeen), ApiJsonContext.Default.PlatformResponse),
            cancellationToken);

    public Task<IActionResult> HealthAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, snap =>
        {
            var c = snap.Health.Check;
            var data = new HealthData(c.Status, c.Warnings, c.Critical, c.Thresholds, snap.Health.Score, snap.Health.Level, snap.Host.HostId, snap.Health.Stale, snap.Host.Latest.Timestamp, snap.Health.Status);
            return ApiResults.Ok(new HealthResponse(Success, data), ApiJsonContext.Default.HealthResponse);
        }, cancellationToken);

    public Task<IActionResult> ReportAsync(HttpRequest request, CancellationToken cancellationToken = default) =>
        ForHostAsync(request, snap =>
        {
            var s = snap.Host.Latest;
            var top = BusiestFirst(s);
            var busiest = top.FirstOrDefault() is { } p ? new ReportProcess(p.Pid, p.Name, p.CpuPercent, p.MemoryMb, p.NumThreads, p.NumFds) : null;
            var report = new ReportResponse(Success, s.Timestamp, snap.Host.HostId, View(snap.Host), new SystemBlock(s.Cpu, s.Memory, s.Disk, s.Network),
                busiest, top, snap.Health.Check, snap.Health.Score, snap.Health.Level, snap.Health.Stale, snap.Health.Status);
            return ApiResults.Ok(report, ApiJsonContext.Default.ReportResponse);
        }, cancellationToken);

    public async Task<IActionResult> SummaryAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? windowName = request.Query["window"];
        if (!TimeWindows.Summary.TryParse(windowName, out _, out var window))
        {
            return ApiResults.InvalidWindow(windowName, TimeWindows.Summary.Names);
        }

        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        if (host is null)
        {
            return error!;
        }

        var to = time.GetUtcNow();
        var from = to - window;
        if (window > TimeWindows.SummaryRawUpTo)
        {
            var read = await tiers.ReadAsync(host.HostId, from, to, cancellationToken);
            return ApiResults.Ok(
                new SummaryResponse(Success, host.HostId, windowName!, read.Resolution, from, to, (int)read.SampleCount, read.Stats(), read.Series()),
                ApiJsonContext.Default.SummaryResponse);
        }

        var rows = await samples.ReadRowsAsync(host.HostId, from, to, cancellationToken);
        var summary = new SummaryResponse(Success, host.HostId, windowName ?? "1h", "raw", from, to, rows.Count, SummaryBuilder.Stats(rows), SummaryBuilder.Series(rows));
        return ApiResults.Ok(summary, ApiJsonContext.Default.SummaryResponse);
    }

    /// <summary>
    /// A page of the fleet (<see cref="FleetPaging"/>) with each host's tags in effect, keeping the hosts that carry every
    /// <c>?tag=</c>: the filter applies to the page read, so a filtered page may hold fewer hosts than the limit.
    /// </summary>
    public async Task<IActionResult> HostsAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (selector, tagErrors) = TagQuery.Parse(request);
        var (limit, after, errors) = FleetPaging.Parse(request);
        if (tagErrors is not null)
        {
            errors["tag"] = tagErrors;
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest($"The fleet list's parameters are not valid: {string.Join(" ", errors.Values.SelectMany(e => e))}", errors);
        }

        var pageTask = hosts.ListPageAsync(limit, after, cancellationToken);
        var judge = await fleetHealth.LoadAsync(cancellationToken);
        var page = await pageTask;
        var tagged = page.Rows.Count == 0
            ? new Dictionary<string, HostTags>()
            : await tags.ListRangeAsync(page.Rows[0].HostId, page.Rows[^1].HostId, cancellationToken);
        var views = page.Rows
            .Select(r => (Row: r, Tags: tagged.GetValueOrDefault(r.HostId) ?? HostTags.None))
            .Where(h => h.Tags.Matches(selector))
            .Select(h => View(h.Row, judge.Of(h.Row), h.Tags.Effective))
            .OrderBy(v => v.HostId, StringComparer.Ordinal).ToArray();
        return ApiResults.Ok(new HostsResponse(Success, views.Length, views, DeploymentVersion, FleetPaging.Encode(page.After)), ApiJsonContext.Default.HostsResponse);
    }

    private async Task<IActionResult> ForHostAsync(HttpRequest request, Func<HostSnapshot, IActionResult> respond, CancellationToken cancellationToken)
    {
        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        if (host is null)
        {
            return error!;
        }

        var criticalAlertOpen = (await alerts.ListAsync(host.HostId, AlertStates.Open, null, cancellationToken)).Any(HostStatus.KeepsCritical);
        return respond(HostSnapshot.Of(host, await thresholds.ForHostAsync(host.HostId, cancellationToken), new Staleness(ingest.CurrentValue), time.GetUtcNow(), criticalAlertOpen));
    }

    private static HostView View(HostSummaryRow r, HostHealth health, IReadOnlyDictionary<string, string> tags) =>
        new(r.HostId, r.Hostname, r.Os, health.Status, health.Score, health.Level, r.CpuPercent, r.MemoryPercent, r.DiskPercent,
            r.FirstSeen, r.LastSeen, r.LatestTimestamp, r.IntervalSeconds, health.Stale, health.Check.Thresholds, health.Check.Status,
            r.AgentVersion, ProductVersion.IsOlder(r.AgentVersion, DeploymentVersion), tags);

    // The process list and the report's top processes: by CPU, then memory.
    private static ProcessInfo[] BusiestFirst(Sample s) =>
        (s.Processes ?? []).OrderByDescending(p => p.CpuPercent).ThenByDescending(p => p.MemoryMb).ToArray();

    private static PlatformView View(HostRecord h) =>
        new(h.Platform.System, h.Platform.Release, h.Platform.Hostname, h.Platform.RuntimeVersion, h.Platform.Os, h.Platform.Architecture, h.Platform.BootTime, h.Platform.AgentVersion);
}
