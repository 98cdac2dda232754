using Microsoft.Extensions.Options;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// The agent's public downloads at <c>/agent/</c> (install.sh, SHA256SUMS, infra-agent-linux-&lt;arch&gt;), from the
/// directory collector-agent/publish.sh wrote (<c>LocalHost__AgentRoot</c>), as the Static Web App serves them in Azure.
/// Only those names are served: no listing, no other file of the directory, no path outside it.
/// </summary>
public static class AgentFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["install.sh"] = "text/plain; charset=utf-8",
        ["SHA256SUMS"] = "text/plain; charset=utf-8",
        ["infra-agent-linux-x64"] = "application/octet-stream",
        ["infra-agent-linux-arm64"] = "application/octet-stream",
    };

    public static void Map(WebApplication app)
    {
        var root = app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value.AgentRoot;
        app.Map("/agent/{**name}", (HttpContext context, string? name) => ServeAsync(context, root, name))
            .WithDisplayName("agent downloads");
    }

    private static async Task ServeAsync(HttpContext context, string? root, string? name)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            await Problems.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed",
                $"{context.Request.Path} is a download: use GET.");
            return;
        }

        if (string.IsNullOrEmpty(root))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "No agent published",
                "LocalHost serves no agent downloads: publish them with collector-agent/publish.sh --out DIR --download-base <this origin> and set LocalHost__AgentRoot=DIR (./run.sh does both).");
            return;
        }

        if (name is null || !ContentTypes.TryGetValue(name, out var contentType) || !File.Exists(Path.Combine(root, name)))
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "Not found",
                $"{context.Request.Path} is not a published agent download. /agent/ serves install.sh, SHA256SUMS and infra-agent-linux-x64 or -arm64 where they were published (SHA256SUMS lists them).");
            return;
        }

        // Each publish replaces the files under the same names, so a client revalidates instead of keeping an old one.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var download = contentType == "application/octet-stream" ? name : null;
        await Results.File(Path.GetFullPath(Path.Combine(root, name)), contentType, download, enableRangeProcessing: true).ExecuteAsync(context);
    }
}
