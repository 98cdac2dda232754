using InfraFunctions.LocalHost.Rpc;
using InfraFunctions.LocalHost.Timers;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>
/// The host's start-up handshake with a new worker, as the Functions host runs it: init (the worker must offer
/// <c>HttpUri</c>), worker indexing, one load per function, then a connection to the worker's own HTTP server.
/// </summary>
public static class WorkerHandshake
{
    private const string HostVersion = "4.0.0-localhost";

    public static async Task<WorkerSession> RunAsync(WorkerProcess process, WorkerChannel channel, string directory, AppSettings settings, CancellationToken cancellationToken)
    {
        await channel.Connected.WaitAsync(cancellationToken);

        var init = (await channel.RequestAsync(new StreamingMessage
        {
            WorkerInitRequest = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = directory, FunctionAppDirectory = directory },
        }, cancellationToken)).WorkerInitResponse;
        Require(init.Result, "initialise");
        if (!init.Capabilities.TryGetValue("HttpUri", out var httpUri) || !Uri.TryCreate(httpUri, UriKind.Absolute, out var http))
        {
            throw new InvalidOperationException("The worker has no HttpUri capability: LocalHost serves HTTP functions only through the ASP.NET Core integration (ConfigureFunctionsWebApplication).");
        }

        var metadata = (await channel.RequestAsync(new StreamingMessage
        {
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = directory },
        }, cancellationToken)).FunctionMetadataResponse;
        Require(metadata.Result, "index its functions");
        if (metadata.UseDefaultMetadataIndexing)
        {
            throw new InvalidOperationException("The worker asked for host-side indexing, which LocalHost does not do: the app must use worker indexing.");
        }

        // One FunctionLoadRequest per function; the worker ignores FunctionLoadRequestCollection.
        var loads = metadata.FunctionMetadataResults.Select(async m =>
        {
            var reply = (await channel.RequestAsync(new StreamingMessage { FunctionLoadRequest = new FunctionLoadRequest { FunctionId = m.FunctionId, Metadata = m } }, cancellationToken)).FunctionLoadResponse;
            Require(reply.Result, $"load {m.Name}");
        });
        await Task.WhenAll(loads);

        await WaitForHttpAsync(http, cancellationToken);
        var index = FunctionIndex.From(metadata.FunctionMetadataResults, directory);
        TimerSchedules.Resolve(index, settings); // a missing or bad schedule setting fails start-up, naming it
        return new WorkerSession(process, channel, http, index);
    }

    // The worker reports its HttpUri before its web server has started; ready means it also accepts connections.
    private static async Task WaitForHttpAsync(Uri http, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var client = new System.Net.Sockets.TcpClient();
            try
            {
                await client.ConnectAsync(http.Host, http.Port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private static void Require(StatusResult? result, string step)
    {
        if (result is null || result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker could not {step}: {result?.Exception?.Message ?? result?.Result ?? "no status"}");
        }
    }
}
