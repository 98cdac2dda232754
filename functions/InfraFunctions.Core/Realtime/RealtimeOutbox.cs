using System.Threading.Channels;

namespace InfraFunctions.Core.Realtime;

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
