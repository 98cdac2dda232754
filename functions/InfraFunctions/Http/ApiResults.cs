using System.Text.Json.Serialization.Metadata;

namespace InfraFunctions.Http;

/// <summary>The results the handlers answer with: JSON replies and the problems, each written the one way.</summary>
public static class ApiResults
{
    public static JsonApiResult<T> Ok<T>(T value, JsonTypeInfo<T> typeInfo) => new(value, typeInfo);

    public static JsonApiResult<Problem> Problem(int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Problem(new Problem(Contracts.Problem.TypeFor(status), title, status, detail, errors));

    public static JsonApiResult<Problem> Problem(Problem problem) =>
        new(problem, ContractsJsonContext.Default.Problem, problem.Status, Contracts.Problem.ContentType);

    public static JsonApiResult<Problem> BadRequest(string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid", detail, errors);

    public static JsonApiResult<Problem> NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static JsonApiResult<Problem> Unauthorized(string detail)
    {
        var result = Problem(StatusCodes.Status401Unauthorized, "Authentication required", detail);
        result.Headers["WWW-Authenticate"] = "Bearer";
        return result;
    }

    public static JsonApiResult<Problem> Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "Not allowed", detail);

    public static JsonApiResult<Problem> Unavailable(string detail, int retryAfterSeconds)
    {
        var result = Problem(StatusCodes.Status503ServiceUnavailable, "Storage is unavailable", detail);
        result.Headers["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    /// <summary>A window the endpoint does not accept, with the ones it does.</summary>
    public static JsonApiResult<Problem> InvalidWindow(string? name, IEnumerable<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return BadRequest($"window '{name}' is not supported; use one of {list}.", new Dictionary<string, string[]> { ["window"] = WindowErrors(allowed) });
    }

    /// <summary>The <c>errors["window"]</c> of a query that also reports other fields, optionally saying why the list is short.</summary>
    public static string[] WindowErrors(IEnumerable<string> allowed, string? reason = null)
    {
        var list = string.Join(", ", allowed);
        return [reason is null ? $"Use one of {list}." : $"{reason}: use one of {list}."];
    }
}
