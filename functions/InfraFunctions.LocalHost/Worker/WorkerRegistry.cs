using System.Collections.Concurrent;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>The workers LocalHost has started and is waiting for, by worker id.</summary>
public sealed class WorkerRegistry
{
    private readonly ConcurrentDictionary<string, WorkerChannel> _channels = new(StringComparer.Ordinal);

    public void Add(WorkerChannel channel) => _channels[channel.WorkerId] = channel;

    public void Remove(WorkerChannel channel) => _channels.TryRemove(channel.WorkerId, out _);

    public WorkerChannel? Find(string workerId) => _channels.GetValueOrDefault(workerId);
}
