using InfraFunctions.LocalHost.Rpc;
using Yarp.ReverseProxy.Forwarder;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// Forwards one request to the worker under its invocation id. A function that throws leaves the worker's
/// HTTP side to answer an empty 200; its InvocationResponse says Failure, and the client gets a 500 problem.
/// </summary>
public sealed class InvocationTransformer(string invocationId, Task<InvocationResponse> outcome, ILogger logger) : HttpTransformer
{
    public const string InvocationHeader = "x-ms-invocation-id";

    private static readonly TimeSpan OutcomeWait = TimeSpan.FromSeconds(30);

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        proxyRequest.Headers.Remove(InvocationHeader);
        proxyRequest.Headers.TryAddWithoutValidation(InvocationHeader, invocationId);
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        // Only an empty 200 can hide a failure; any other answer streams through at once.
        if (proxyResponse is { StatusCode: System.Net.HttpStatusCode.OK } && proxyResponse.Content.Headers.ContentLength is 0 or null
            && proxyResponse.Content.Headers.ContentType is null)
        {
            InvocationResponse? response = null;
            try
            {
                response = await outcome.WaitAsync(OutcomeWait, cancellationToken);
            }
            catch (Exception ex) when (ex is TimeoutException or Worker.WorkerUnavailableException)
            {
                logger.LogWarning("Invocation {InvocationId} gave no response: {Reason}", invocationId, ex.Message);
            }

            if (response?.Result?.Status != StatusResult.Types.Status.Success)
            {
                await Problems.WriteAsync(httpContext, StatusCodes.Status500InternalServerError, "Function failed",
                    $"The function failed while handling this request (invocation {invocationId}); the host's log has the error.",
                    invocationId);
                return false;
            }
        }

        return await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
    }
}
