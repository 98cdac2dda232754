using Grpc.Core;
using InfraFunctions.LocalHost.Rpc;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// <c>FunctionRpc.EventStream</c>, the one call of the protocol: the worker dials in, says StartStream with the
/// worker id it was started with, and from then on both sides send messages on the stream.
/// </summary>
public sealed class FunctionRpcService(WorkerRegistry registry, ILogger<FunctionRpcService> logger) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken))
        {
            return;
        }

        var start = requestStream.Current;
        if (start.ContentCase != StreamingMessage.ContentOneofCase.StartStream || registry.Find(start.StartStream.WorkerId) is not { } channel)
        {
            logger.LogWarning("Refused an event stream that did not start with a known worker id");
            throw new Grpc.Core.RpcException(new Status(StatusCode.PermissionDenied, "Unknown worker id."));
        }

        channel.Attach();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var writer = WriteAsync(channel, responseStream, stop.Token);
        try
        {
            while (await requestStream.MoveNext(stop.Token))
            {
                channel.Receive(requestStream.Current);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            logger.LogDebug(ex, "The event stream of worker {WorkerId} ended", channel.WorkerId);
        }
        finally
        {
            channel.Close();
            await stop.CancelAsync();
            await writer;
        }
    }

    private static async Task WriteAsync(WorkerChannel channel, IServerStreamWriter<StreamingMessage> responseStream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in channel.Outbound.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(message, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The stream is closing; Close() fails whatever was waiting on it.
        }
    }
}
