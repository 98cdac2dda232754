using InfraFunctions.Core.Tags;

namespace InfraFunctions.Core.Silences;

/// <summary>Finds the silence holding a host's alerts of a rule now: the host's tags come from <see cref="HostTagCache"/>.</summary>
public sealed class SilenceFinder(SilenceRepository silences, HostTagCache tags)
{
    /// <summary>The silences active at <paramref name="at"/>.</summary>
    public async Task<IReadOnlyList<Silence>> ActiveAsync(DateTimeOffset at, CancellationToken cancellationToken = default) =>
        (await silences.ListAsync(cancellationToken)).Where(s => s.IsActive(at)).ToArray();

    /// <summary>The silence active at <paramref name="at"/> that matches the host's alerts of the rule, or null.</summary>
    public async Task<Silence?> HoldingAsync(string hostId, string? ruleId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var active = await ActiveAsync(at, cancellationToken);
        return await HoldingAsync(active, hostId, ruleId, cancellationToken);
    }

    /// <summary>The silence of <paramref name="active"/> that matches the host's alerts of the rule, or null.</summary>
    public async Task<Silence?> HoldingAsync(IReadOnlyList<Silence> active, string hostId, string? ruleId, CancellationToken cancellationToken = default)
    {
        if (active.Count == 0)
        {
            return null;
        }

        // The host's tags are read only when a silence selects by them.
        var hostTags = active.Any(s => s.Matchers.Tags is { Count: > 0 }) ? await tags.GetAsync(hostId, cancellationToken) : HostTags.None;
        return Holding(active, hostId, ruleId, hostTags);
    }

    public static Silence? Holding(IEnumerable<Silence> active, string hostId, string? ruleId, HostTags hostTags) =>
        active.FirstOrDefault(s => s.Matchers.Matches(hostId, ruleId, hostTags));
}
