using InfraFunctions.Core.Alerts;
using InfraFunctions.Core.Rules;
using InfraFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfraFunctions.Core.Tests.Alerts;

public sealed class RuleFlappingTests(TablesFixture tables) : IClassFixture<TablesFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private readonly RecordingNotifier _notified = new();
    private readonly RuleSourceForTests _rules = new();

    [Fact]
    public async Task AValueOscillatingAroundALevelFlapsAfterSixTransitionsWithOneFlappingEventHeldFlagsAfterAndOneSettlingEventAfterAQuietWindow()
    {
        await using var core = CoreHarness.Create(tables.ConnectionString, T0, services: s =>
        {
            s.AddSingleton<IAlertNotifier>(_notified);
            s.AddSingleton<IRuleSource>(_rules);
        });
        var host = $"flap-{Guid.NewGuid():N}"[..20];
        _rules.Set(new RuleDefinition("rule-00000000f1a9", "Load spikes", MetricNames.Load1m, RuleScope.All, RuleConditions.Above, null, 1.0, 0, 0, [], 0));

        // One sample a minute: ten around the level (a raise or a resolve each), then 35 min quiet below it.
        for (var minute = 0; minute < 45; minute++)
        {
            var load = minute < 10 && minute % 2 == 0 ? 1.5 : 0.5;
            await RuleSamples.PostAsync(core, host, [T0.AddMinutes(minute)], (s, _) => RuleSamples.Load(s, load));
        }

        var events = _notified.Events.Where(e => e.HostId == host && e.RuleId == "rule-00000000f1a9").Select(e => (e.Kind, e.Flapping, Minute: (int)((e.ResolvedAt ?? e.RaisedAt) - T0).TotalMinutes)).ToList();
        Assert.Equal(
        [
            (AlertKinds.Raised, false, 0), (AlertKinds.Resolved, false, 1), (AlertKinds.Raised, false, 2),
            (AlertKinds.Resolved, false, 3), (AlertKinds.Raised, false, 4), (AlertKinds.Resolved, false, 5),
            (AlertKinds.Raised, true, 6), (AlertKinds.Flapping, true, 6),
            (AlertKinds.Resolved, true, 7), (AlertKinds.Raised, true, 8), (AlertKinds.Resolved, true, 9),
            (AlertKinds.Resolved, false, 9), // settled at minute 39, a whole window after the last resolve: its state once more
        ],
        events);
        var flapping = _notified.Events.Single(e => e.HostId == host && e.Kind == AlertKinds.Flapping);
        Assert.Equal("rule-00000000f1a9", flapping.RuleId);
        Assert.Contains("flapping, more than 6 raises and resolves in 30 min", flapping.Message, StringComparison.Ordinal);

        var stored = await core.Get<AlertRepository>().ListAsync(host, null, null);
        Assert.Equal(5, stored.Count);
        Assert.All(stored, a => Assert.Equal(AlertStates.Resolved, a.State));
        Assert.Equal([false, false, false, true, false], stored.OrderBy(a => a.RaisedAt).Select(a => a.Flapping)); // the last one settled
    }
}
