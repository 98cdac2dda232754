using System.Security.Cryptography;
using System.Text;
using InfraFunctions.Core.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace InfraFunctions.LocalHost;

/// <summary>The Functions host's key check: admin- and function-level routes need the key as <c>x-functions-key</c> or <c>?code=</c>.</summary>
public static class FunctionKeyCheck
{
    public static async Task<bool> AdmitAsync(HttpContext context, string authLevel, string masterKey)
    {
        if (authLevel.Equals("Anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? presented = context.Request.Headers["x-functions-key"];
        presented ??= context.Request.Query["code"];
        if (presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(masterKey)))
        {
            return true;
        }

        var problem = ApiResults.Problem(StatusCodes.Status401Unauthorized, "Function key required",
            "This is an admin function: send the master key as the 'x-functions-key' header or '?code='. Locally it is INFRA_MASTER_KEY in .local/secrets.env.");
        await problem.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        return false;
    }
}
