using InfraFunctions.Core.Observability;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace InfraFunctions.Auth;

/// <summary>
/// Checks the caller of every anonymous-level HTTP function against its <see cref="CallerRule"/> before the
/// function runs, so a caller without the right credential gets 401 or 403 whatever else is wrong with its request,
/// and learns nothing from a validation error. A refusal becomes the invocation's result, which the ASP.NET Core
/// integration writes as the response. A storage outage during the check is <see cref="FailureMiddleware"/>'s to answer.
/// </summary>
public sealed class AuthenticationMiddleware(CallerRules rules, CallerGate gate, TimeProvider time, ILogger<AuthenticationMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (rules.For(context.FunctionDefinition.Name) is { } rule && context.GetHttpContext() is { } http
            && await CheckAsync(context.FunctionDefinition.Name, rule, http, context.CancellationToken) is { } refusal)
        {
            context.GetInvocationResult().Value = refusal;
            return;
        }

        await next(context);
    }

    private async Task<IActionResult?> CheckAsync(string function, CallerRule rule, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            if (rule.Kind == CallerKind.AgentKey)
            {
                var (agent, agentRefusal) = await gate.RequireAgentAsync(http.Request, cancellationToken);
                if (agent is not null)
                {
                    AuthenticatedCaller.SetAgent(http, agent);
                }

                return agentRefusal;
            }

            if (rule.Kind == CallerKind.EnrollmentToken)
            {
                var (token, tokenRefusal) = await gate.RequireEnrollmentTokenAsync(http.Request, cancellationToken);
                if (token is not null)
                {
                    AuthenticatedCaller.SetEnrollmentToken(http, token);
                }

                return tokenRefusal;
            }

            var check = gate.RequireAsync(http.Request, rule.Role!, cancellationToken);
            var (caller, refusal) = rule.AdmitWhenStorageIsDown ? await check.WaitAsync(ComponentHealthService.CheckTimeout, time, cancellationToken) : await check;
            if (caller is not null)
            {
                AuthenticatedCaller.Set(http, caller);
            }

            return refusal;
        }
        catch (Exception ex) when (rule.AdmitWhenStorageIsDown && (ex is TimeoutException || StorageFailure.IsTransient(ex)))
        {
            logger.LogWarning(ex, "{Function}: the caller's credential could not be checked; it runs for an unverified caller", function);
            AuthenticatedCaller.SetUnverified(http);
            return null;
        }
    }
}
