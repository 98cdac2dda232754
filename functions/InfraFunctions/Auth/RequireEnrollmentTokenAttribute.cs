namespace InfraFunctions.Auth;

/// <summary>
/// An anonymous-level HTTP function needs an enrollment token; the authentication middleware refuses a missing,
/// unknown, revoked or expired one with 401 before the function reads the body. What the token allows (its host
/// pattern, its rate, its hosts) is the function's to check.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class RequireEnrollmentTokenAttribute : Attribute;
