namespace InfraFunctions.Auth;

/// <summary>
/// An anonymous-level HTTP function needs an agent key; the authentication middleware refuses a missing, unknown
/// or revoked key with 401 before the function runs. Which hosts the key may report for is the function's to check.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequireAgentKeyAttribute : Attribute;
