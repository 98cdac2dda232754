namespace InfraFunctions.Core.Webhooks;

/// <summary>Where the last delivery went, whether the receiver accepted it, when, and why not.</summary>
public sealed record WebhookOutcome(string Receiver, bool Delivered, DateTimeOffset At, string? Error);
