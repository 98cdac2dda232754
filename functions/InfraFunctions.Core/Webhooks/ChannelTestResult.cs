namespace InfraFunctions.Core.Webhooks;

/// <summary>What a channel's receiver answered a test: its status and the start of its reply, or why it could not be reached.</summary>
public sealed record ChannelTestResult(bool Delivered, int? ReceiverStatus, string? ReceiverReply, long DurationMs, string? Error);
