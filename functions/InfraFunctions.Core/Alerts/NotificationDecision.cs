namespace InfraFunctions.Core.Alerts;

/// <summary>Whether channels get an alert event now; when not, why (<c>silenced</c>, <c>flapping</c>, <c>never_sent</c>) and which silence held it.</summary>
public sealed record NotificationDecision(bool Send, string? HeldFor = null, string? SilenceId = null)
{
    public static NotificationDecision Now { get; } = new(true);
}
