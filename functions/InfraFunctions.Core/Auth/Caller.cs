namespace InfraFunctions.Core.Auth;

/// <summary>Who is calling: the token's id as subject, its name, and its role.</summary>
public sealed record Caller(string Subject, string Name, string Role);
