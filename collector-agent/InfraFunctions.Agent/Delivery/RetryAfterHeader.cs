namespace InfraFunctions.Agent.Delivery;

/// <summary>How long a reply asks the agent to wait (<c>Retry-After</c>, as seconds or as a date), or null when it does not say.</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
