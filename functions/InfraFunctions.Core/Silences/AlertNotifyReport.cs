namespace InfraFunctions.Core.Silences;

/// <summary>
/// What a notification sweep did: the held alerts it sent once their silence ended (<see cref="Sent"/> raises,
/// <see cref="ResolvesSent"/> resolves), the open alerts it sent again (<see cref="Renotified"/>), how many stay held,
/// and how many silences it deleted for having ended over a week ago.
/// </summary>
public sealed record AlertNotifyReport(
    DateTimeOffset RanAt,
    int AlertsChecked,
    IReadOnlyList<string> Sent,
    IReadOnlyList<string> ResolvesSent,
    IReadOnlyList<string> Renotified,
    int StillHeld,
    int SilencesDeleted);
