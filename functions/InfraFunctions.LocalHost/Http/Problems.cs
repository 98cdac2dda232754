using System.Text.Json;
using InfraFunctions.Contracts;

namespace InfraFunctions.LocalHost.Http;

/// <summary>LocalHost's own answers (key checks, a worker that is down, a failed invocation) in the API's one error shape, <see cref="Problem"/>.</summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, string? invocationId = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var problem = new Problem(Problem.TypeFor(status), title, status, detail, InvocationId: invocationId);
        context.Response.ContentType = Problem.ContentType;
        await context.Response.WriteAsync(JsonSerializer.Serialize(problem, ContractsJsonContext.Default.Problem), context.RequestAborted);
    }

    /// <summary>503 with Retry-After while the worker starts or restarts.</summary>
    public static Task WorkerUnavailableAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "2";
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Function app not ready",
            "The function app's worker is starting or restarting. Retry after the number of seconds in Retry-After.");
    }
}
