using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfraFunctions.Auth;

public static class AuthenticationBuilderExtensions
{
    /// <summary>
    /// Checks every HTTP function's caller before it runs (<see cref="AuthenticationMiddleware"/>). The rules are read
    /// now, so a function that declares nothing stops the app at start-up rather than answering anyone.
    /// </summary>
    public static IFunctionsWorkerApplicationBuilder UseCallerAuthentication(this IFunctionsWorkerApplicationBuilder worker)
    {
        worker.Services.AddSingleton(CallerRules.From(typeof(AuthenticationMiddleware).Assembly));
        return worker.UseMiddleware<AuthenticationMiddleware>();
    }
}
