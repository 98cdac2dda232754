using System.Diagnostics;
using InfraFunctions.Core.Telemetry;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace InfraFunctions.Http;

/// <summary>
/// The one place an HTTP function's failure becomes an answer: a storage outage or throttling is a 503 with
/// Retry-After, anything unexpected a 500 problem that names the function, never a stack trace. It wraps the caller
/// checks too, so a credential lookup that meets an outage answers the same way. Timer functions are left to fail, so
/// the host records and retries them.
/// </summary>
public sealed class FailureMiddleware(ILogger<FailureMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is not null && !IsCallerGone(ex, context))
        {
            var function = context.FunctionDefinition.Name;
            // The answer hides the failure from the worker, so the invocation's span records it: the trace is kept.
            Activity.Current.Fail(ex);
            if (TransientStorageFailure(ex) is { } outage)
            {
                logger.LogWarning(ex, "{Function}: Table Storage unavailable", function);
                context.GetInvocationResult().Value = ApiResults.Unavailable(
                    "Table Storage is unavailable or throttling; nothing from this request was stored. Retry after the given delay.",
                    StorageFailure.RetryAfterSeconds(outage));
                return;
            }

            logger.LogError(ex, "{Function} failed unexpectedly", function);
            context.GetInvocationResult().Value = ApiResults.Problem(500, "Internal error",
                $"{function} failed unexpectedly; the error is logged. Try again, and report it if it persists.");
        }
    }

    // The worker may hand over the function's exception wrapped once.
    private static Exception? TransientStorageFailure(Exception ex) =>
        StorageFailure.IsTransient(ex) ? ex : ex.InnerException is { } inner && StorageFailure.IsTransient(inner) ? inner : null;

    private static bool IsCallerGone(Exception ex, FunctionContext context) =>
        ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested;
}
