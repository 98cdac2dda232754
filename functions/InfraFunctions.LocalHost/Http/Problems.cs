using System.Text.Json;

namespace InfraFunctions.LocalHost.Http;

/// <summary>LocalHost's own answers (key checks, a worker that is down, a failed invocation) as application/problem+json.</summary>
public static class Problems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, IReadOnlyDictionary<string, object>? extensions = null)
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

        var body = new Dictionary<string, object> { ["type"] = $"https://httpstatuses.io/{status}", ["title"] = title, ["status"] = status, ["detail"] = detail };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object>())
        {
            body[key] = value;
        }

        context.Response.ContentType = "application/problem+json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    /// <summary>503 with Retry-After while the worker starts or restarts.</summary>
    public static Task WorkerUnavailableAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "2";
        return WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Function app not ready",
            "The function app's worker is starting or restarting. Retry after the number of seconds in Retry-After.");
    }
}
