using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InfraFunctions.LocalHost.Http;

/// <summary>
/// The Functions host's key check, which the worker does not do: anonymous functions need no key, function-level
/// ones the function key or the master key, admin-level ones the master key, as <c>x-functions-key</c> or <c>?code=</c>.
/// </summary>
public sealed class FunctionKeys(IOptions<LocalHostOptions> options)
{
    public bool Admits(HttpContext context, string authLevel)
    {
        if (authLevel.Equals("Anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? presented = context.Request.Headers["x-functions-key"];
        presented ??= context.Request.Query["code"];
        if (presented is null)
        {
            return false;
        }

        if (Same(presented, options.Value.MasterKey))
        {
            return true;
        }

        return authLevel.Equals("Function", StringComparison.OrdinalIgnoreCase) && options.Value.FunctionKey is { Length: > 0 } functionKey && Same(presented, functionKey);
    }

    public Task RefuseAsync(HttpContext context, string authLevel) =>
        Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Function key required",
            authLevel.Equals("Admin", StringComparison.OrdinalIgnoreCase)
                ? "This is an admin function: send the master key as the 'x-functions-key' header or '?code='. Locally it is INFRA_MASTER_KEY in .local/secrets.env."
                : "This function needs a function key or the master key, as the 'x-functions-key' header or '?code='.");

    private static bool Same(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));
}
