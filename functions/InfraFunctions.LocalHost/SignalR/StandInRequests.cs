using Microsoft.AspNetCore.Http.Features;

namespace InfraFunctions.LocalHost.SignalR;

/// <summary>What a server token's audience is compared with.</summary>
public static class StandInRequests
{
    /// <summary>The request target exactly as the client sent it, without its query.</summary>
    public static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.ToUriComponent();
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }
}
