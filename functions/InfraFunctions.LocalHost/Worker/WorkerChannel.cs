using System.Collections.Concurrent;
using System.Threading.Channels;
using InfraFunctions.LocalHost.Rpc;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// The host's end of one worker's event stream: messages to send, requests waiting for their response (matched by
/// request id), invocations waiting for theirs (matched by invocation id), and the worker's logs.
/// </summary>
public sealed class WorkerChannel(string workerId, ILogger logger)
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<InvocationResponse>> _invocations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string WorkerId => workerId;

    /// <summary>Completes when the worker has opened its stream with StartStream.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the stream has ended.</summary>
    public Task Closed => _closed.Task;

    public ChannelReader<StreamingMessage> Outbound => _outbound.Reader;

    /// <summary>Invocations sent and not yet answered.</summary>
    public int InFlight => _invocations.Count;

    public void Attach() => _connected.TrySetResult();

    /// <summary>Sends a request and waits for the worker's message with the same request id.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, CancellationToken cancellationToken)
    {
        request.RequestId = Guid.NewGuid().ToString("N");
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests[request.RequestId] = reply;
        try
        {
            Send(request);
            return await reply.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _requests.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends an invocation; the task completes with the worker's InvocationResponse.</summary>
    public Task<InvocationResponse> InvokeAsync(InvocationRequest request)
    {
        var reply = new TaskCompletionSource<InvocationResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[request.InvocationId] = reply;
        Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString("N"), InvocationRequest = request });
        return reply.Task;
    }

    public void Cancel(string invocationId)
    {
        if (_invocations.ContainsKey(invocationId))
        {
            Send(new StreamingMessage { InvocationCancel = new InvocationCancel { InvocationId = invocationId } });
        }
    }

    public void Terminate(TimeSpan grace) =>
        Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(grace) } });

    public void Receive(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.RpcLog:
                WorkerLog.Write(logger, message.RpcLog);
                break;
            case StreamingMessage.ContentOneofCase.InvocationResponse:
                if (_invocations.TryRemove(message.InvocationResponse.InvocationId, out var invocation))
                {
                    invocation.TrySetResult(message.InvocationResponse);
                }

                break;
            default:
                if (_requests.TryGetValue(message.RequestId, out var request))
                {
                    request.TrySetResult(message);
                }

                break;
        }
    }

    /// <summary>The stream ended: everything still waiting fails, so no caller waits for a worker that is gone.</summary>
    public void Close()
    {
        _outbound.Writer.TryComplete();
        var gone = new WorkerUnavailableException($"The worker {workerId} closed its stream.");
        foreach (var request in _requests.Values)
        {
            request.TrySetException(gone);
        }

        foreach (var invocation in _invocations.Values)
        {
            invocation.TrySetException(gone);
        }

        _invocations.Clear();
        _connected.TrySetException(gone);
        _closed.TrySetResult();
    }

    private void Send(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message))
        {
            throw new WorkerUnavailableException($"The worker {workerId} is no longer connected.");
        }
    }
}
