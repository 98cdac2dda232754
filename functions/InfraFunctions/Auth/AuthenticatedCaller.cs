namespace InfraFunctions.Auth;

/// <summary>
/// Who the request's credential belongs to, as the function app's authentication middleware found it before the
/// handler ran. A handler reads it here and never checks a credential itself; a request that reached a handler
/// without one is a wiring fault, which fails the request rather than admitting it.
/// </summary>
public static class AuthenticatedCaller
{
    private static readonly object CallerKey = new();
    private static readonly object AgentKey = new();
    private static readonly object UnverifiedKey = new();
    private static readonly object EnrollmentTokenKey = new();

    public static void Set(HttpContext context, Caller caller) => context.Items[CallerKey] = caller;

    public static void SetAgent(HttpContext context, AgentRecord agent) => context.Items[AgentKey] = agent;

    public static void SetEnrollmentToken(HttpContext context, EnrollmentTokenRecord token) => context.Items[EnrollmentTokenKey] = token;

    /// <summary>Marks a request whose credential could not be checked (storage down) on a route that answers anyway.</summary>
    public static void SetUnverified(HttpContext context) => context.Items[UnverifiedKey] = true;

    public static Caller Of(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(CallerKey, out var caller) && caller is Caller c
            ? c
            : throw new InvalidOperationException("No authenticated caller on this request: the function lacks [RequireRole], or the authentication middleware is not registered.");

    public static AgentRecord AgentOf(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(AgentKey, out var agent) && agent is AgentRecord a
            ? a
            : throw new InvalidOperationException("No authenticated agent on this request: the function lacks [RequireAgentKey], or the authentication middleware is not registered.");

    public static EnrollmentTokenRecord EnrollmentTokenOf(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(EnrollmentTokenKey, out var token) && token is EnrollmentTokenRecord t
            ? t
            : throw new InvalidOperationException("No checked enrollment token on this request: the function lacks [RequireEnrollmentToken], or the authentication middleware is not registered.");

    /// <summary>True when the credential could not be checked, so the handler must answer with what an unverified caller may see.</summary>
    public static bool IsUnverified(HttpRequest request) => request.HttpContext.Items.ContainsKey(UnverifiedKey);
}
