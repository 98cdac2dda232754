using System.Diagnostics;
using System.Net;
using InfraFunctions.LocalHost.Rpc;
using InfraFunctions.LocalHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// Serves one HTTP function as the Functions host does: check the key, send the InvocationRequest, forward the
/// request to the worker's own HTTP server, and cancel the invocation if the client goes away.
/// </summary>
public sealed class HttpFunctionInvoker(WorkerSupervisor supervisor, IHttpForwarder forwarder, FunctionKeys keys, ILogger<HttpFunctionInvoker> logger) : IDisposable
{
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    });

    public async Task InvokeAsync(HttpContext context, FunctionInfo function)
    {
        if (!keys.Admits(context, function.AuthLevel))
        {
            await keys.RefuseAsync(context, function.AuthLevel);
            return;
        }

        if (supervisor.Current is not { } worker)
        {
            await Problems.WorkerUnavailableAsync(context);
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        using var activity = InvocationActivity.Start(function.Name);
        Task<InvocationResponse> outcome;
        try
        {
            outcome = worker.Channel.InvokeAsync(InvocationMessages.Http(function, invocationId, context.Request.RouteValues, activity));
        }
        catch (WorkerUnavailableException)
        {
            await Problems.WorkerUnavailableAsync(context);
            return;
        }

        using var cancel = context.RequestAborted.Register(() => Cancel(worker.Channel, invocationId));
        var error = await forwarder.SendAsync(context, worker.HttpUri.ToString(), _client, ForwarderRequestConfig.Empty, new InvocationTransformer(invocationId, outcome, logger));
        if (error != ForwarderError.None && !context.RequestAborted.IsCancellationRequested)
        {
            var reason = context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message;
            logger.LogWarning("Forwarding invocation {InvocationId} of {Function} to the worker failed: {Error} {Reason}", invocationId, function.Name, error, reason);
            Cancel(worker.Channel, invocationId);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await Problems.WorkerUnavailableAsync(context);
            }
        }

        _ = LogOutcomeAsync(function, invocationId, outcome);
    }

    public void Dispose() => _client.Dispose();

    private static void Cancel(WorkerChannel channel, string invocationId)
    {
        try
        {
            channel.Cancel(invocationId);
        }
        catch (WorkerUnavailableException)
        {
            // Nothing left to cancel.
        }
    }

    private async Task LogOutcomeAsync(FunctionInfo function, string invocationId, Task<InvocationResponse> outcome)
    {
        try
        {
            var response = await outcome.WaitAsync(TimeSpan.FromMinutes(10));
            if (response.Result?.Status == StatusResult.Types.Status.Failure)
            {
                var exception = response.Result.Exception;
                logger.LogError("Function {Function} failed (invocation {InvocationId}): {Message}{NewLine}{StackTrace}",
                    function.Name, invocationId, exception?.Message, Environment.NewLine, exception?.StackTrace);
            }
        }
        catch (Exception ex) when (ex is TimeoutException or WorkerUnavailableException)
        {
            logger.LogDebug("Invocation {InvocationId} of {Function} ended without a response: {Reason}", invocationId, function.Name, ex.Message);
        }
    }
}
