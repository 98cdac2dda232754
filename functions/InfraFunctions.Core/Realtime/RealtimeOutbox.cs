using System.Threading.Channels;

namespace InfraFunctions.Core.Realtime;

/// <summary>
/// One REST send waiting to go out: to a group, or to the whole hub when <see cref="Group"/> is null.
/// <see cref="ExpelFirst"/> are the leases of that group that ended: their connections leave every group before the send.
/// </summary>
public sealed record OutboundMessage(string? Group, string Target, byte[] Argument, IReadOnlyList<ExpiredLease>? ExpelFirst = null);

/// <summary>
/// A bounded queue between ingest and SignalR Service. Ingest only enqueues, so a slow or absent service never
/// slows or fails it; when the queue is full the message is dropped and counted (live data is replaced every post).
/// </summary>
public sealed class RealtimeOutbox(RealtimeCounters counters)
{
    public const int Capacity = 2048;

    private readonly Channel<OutboundMessage> _channel = Channel.CreateBounded<OutboundMessage>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    public ChannelReader<OutboundMessage> Reader => _channel.Reader;

    public void Post(OutboundMessage message)
    {
        if (!_channel.Writer.TryWrite(message))
        {
            counters.RecordDropped();
        }
    }
}
