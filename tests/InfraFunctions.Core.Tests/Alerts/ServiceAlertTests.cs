using InfraFunctions.Contracts;
using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Health;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Options;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class ServiceAlertTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingNotifier _notified = new();

    private CoreHarness Core(IDictionary<string, string?>? settings = null) =>
        CoreHarness.Create(tables.ConnectionString, T0, settings, s => s.AddSingleton<IAlertNotifier>(_notified));

    private static async Task PostAsync(CoreHarness core, string host, int second, Func<Sample, Sample> set)
    {
        core.Time.SetUtcNow(T0.AddSeconds(second + 1));
        var sample = set(SampleParts.Captured(T0.AddSeconds(second)));
        var thresholds = ThresholdSet.From(new ThresholdOptions());
        var accepted = new AcceptedSample(sample, HostHealth.Of(sample, thresholds).Check, 80);
        var evaluator = core.Get<IEnumerable<IIngestSubscriber>>().OfType<ServiceAlertEvaluator>().Single();
        await evaluator.OnIngestedAsync(new IngestedBatch(host, new PlatformInfo(host, "Linux", "Debian", "6.1", "x86_64", ".NET 10", T0.AddDays(-1), "1.0.0"), [accepted], thresholds));
    }

    private List<(string Kind, string Metric, string Severity, int Second, string Message)> Events(string host) =>
        _notified.Events.Where(e => e.HostId == host)
            .Select(e => (e.Kind, e.Metric, e.Severity, (int)((e.ResolvedAt ?? e.RaisedAt) - T0).TotalSeconds, e.Message)).ToList();

    [Fact]
    public async Task AFailedUnitRaisesAfterTheDurationSurvivesAGapAndAnErrorOfItsCollectorAndResolvesOnceItIsNoLongerFailed()
    {
        await using var core = Core();
        var host = $"unit-{Guid.NewGuid():N}"[..20];
        SystemdUnit[] failed = [new("nginx.service", "failed", "failed", 4)];
        foreach (var second in new[] { 0, 30, 60 })
        {
            await PostAsync(core, host, second, s => s with { SystemdUnits = failed });
        }

        await PostAsync(core, host, 90, s => s with { SystemdUnits = null });
        await PostAsync(core, host, 120, s => s with { SystemdUnits = [], CollectorErrors = [new("systemd", "The system bus went away")] });
        await PostAsync(core, host, 600, s => s with { SystemdUnits = [] });
        await PostAsync(core, host, 660, s => s with { SystemdUnits = [] });

        Assert.Equal(
        [
            (AlertKinds.Raised, "systemd_unit:nginx.service", Severity.Critical, 60, "Unit nginx.service failed"),
            (AlertKinds.Resolved, "systemd_unit:nginx.service", Severity.Critical, 660, "Unit nginx.service is no longer failed"),
        ],
        Events(host));
        var stored = Assert.Single(await core.Get<AlertRepository>().ListAsync(host, null, null));
        Assert.Equal(T0.AddSeconds(660), stored.ResolvedAt);
    }

    [Fact]
    public async Task AWatchedUnitThatIsNotActiveRaisesAWarningNamingItsStatesAndResolvesWhenActiveAgain()
    {
        await using var core = Core(new Dictionary<string, string?> { ["Alerts:DurationSeconds"] = "0" });
        var host = $"watch-{Guid.NewGuid():N}"[..20];

        await PostAsync(core, host, 0, s => s with { SystemdUnits = [new("nginx.service", "active", "running", 0, Watched: true)] });
        await PostAsync(core, host, 30, s => s with { SystemdUnits = [new("nginx.service", "inactive", "dead", 0, Watched: true)] });
        await PostAsync(core, host, 60, s => s with { SystemdUnits = [new("nginx.service", "active", "running", 1, Watched: true)] });

        Assert.Equal(
        [
            (AlertKinds.Raised, "systemd_unit:nginx.service", Severity.Warning, 30, "Watched unit nginx.service is inactive (dead)"),
            (AlertKinds.Resolved, "systemd_unit:nginx.service", Severity.Warning, 60, "Watched unit nginx.service is active again"),
        ],
        Events(host));
    }

    [Fact]
    public async Task ACheckDownForLongerThanItsSettingRaisesTimedByItsOwnResultsAndResolvesOnTheFirstResultUp()
    {
        await using var core = Core(new Dictionary<string, string?> { ["Alerts:CheckDownSeconds"] = "120" });
        var host = $"check-{Guid.NewGuid():N}"[..20];
        CheckResult Down(int at) => new("api", "https://x", false, T0.AddSeconds(at), Error: "connection refused");

        // Results every 30 s; each sample carries the latest, so some repeat one.
        foreach (var (second, result) in new[] { (5, Down(0)), (10, Down(0)), (35, Down(30)), (95, Down(90)), (125, Down(120)), (130, Down(120)) })
        {
            await PostAsync(core, host, second, s => s with { Checks = [result] });
        }

        await PostAsync(core, host, 155, s => s with { Checks = [new("api", "https://x", true, T0.AddSeconds(150), LatencyMs: 12, StatusCode: 200)] });

        Assert.Equal(
        [
            (AlertKinds.Raised, "check:api", Severity.Critical, 120, "Check api (https://x) down for 2 min: connection refused"),
            (AlertKinds.Resolved, "check:api", Severity.Critical, 150, "Check api (https://x) is up again"),
        ],
        Events(host));
        var stored = Assert.Single(await core.Get<AlertRepository>().ListAsync(host, null, null));
        Assert.Equal((120.0, 120.0, T0.AddSeconds(150)), (stored.Value, stored.Threshold, stored.ResolvedAt));
    }

    [Fact]
    public async Task ACertificateUnderTheWarningDaysWarnsUnderTheCriticalDaysOrExpiredIsCriticalAndARenewalResolvesBoth()
    {
        await using var core = Core();
        var host = $"cert-{Guid.NewGuid():N}"[..20];
        CheckResult Days(int at, double? days) => new("api", "https://x", true, T0.AddSeconds(at), 20, 200, days);

        await PostAsync(core, host, 0, s => s with { Checks = [Days(0, 20)] });
        await PostAsync(core, host, 60, s => s with { Checks = [Days(60, 10.5)] });
        await PostAsync(core, host, 120, s => s with { Checks = [Days(120, null)] });
        await PostAsync(core, host, 180, s => s with { Checks = [Days(180, -1)] });
        await PostAsync(core, host, 240, s => s with { Checks = [Days(240, 90)] });

        Assert.Equal(
        [
            (AlertKinds.Raised, "certificate:api", Severity.Warning, 60, "Certificate of api (https://x) expires in 10.5 days"),
            (AlertKinds.Raised, "certificate:api", Severity.Critical, 180, "Certificate of api (https://x) expired 1.0 days ago"),
            (AlertKinds.Resolved, "certificate:api", Severity.Warning, 240, "Certificate of api (https://x) is valid for 90.0 days"),
            (AlertKinds.Resolved, "certificate:api", Severity.Critical, 240, "Certificate of api (https://x) is valid for 90.0 days"),
        ],
        Events(host));
    }

    [Fact]
    public async Task UnitAndCheckNamesThatNoTableKeyMayHoldStillRaiseAndResolve()
    {
        await using var core = Core(new Dictionary<string, string?> { ["Alerts:DurationSeconds"] = "0", ["Alerts:CheckDownSeconds"] = "0" });
        var host = $"keys-{Guid.NewGuid():N}"[..20];
        var unit = "dev-disk-by\\x2duuid-1/2#3?.device";
        var check = "db #" + new string('\u00e9', 500);

        await PostAsync(core, host, 0, s => s with { SystemdUnits = [new(unit, "failed", "failed")], Checks = [new(check, "tcp://db:5432", false, T0)] });
        await PostAsync(core, host, 30, s => s with { SystemdUnits = [], Checks = [] });

        var events = Events(host);
        Assert.Equal(4, events.Count);
        Assert.Contains((AlertKinds.Raised, AlertMetrics.SystemdUnitPrefix + unit, Severity.Critical, 0, $"Unit {unit} failed"), events);
        Assert.Contains((AlertKinds.Resolved, AlertMetrics.CheckPrefix + check, Severity.Critical, 30, $"Check {check} (tcp://db:5432) is no longer reported"), events);
    }
}
