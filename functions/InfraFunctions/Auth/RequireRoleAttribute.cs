namespace InfraFunctions.Auth;

/// <summary>
/// An anonymous-level HTTP function needs a person's or script's token with this role; the authentication
/// middleware refuses anything else with 401 or 403 before the function runs, whatever else is wrong with the request.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequireRoleAttribute(string role) : Attribute
{
    public string Role { get; } = role;

    /// <summary>
    /// When storage is down no token can be checked; a route that reports storage being down still runs then,
    /// told that its caller is unverified, and answers with what anyone may see.
    /// </summary>
    public bool AdmitWhenStorageIsDown { get; set; }
}
