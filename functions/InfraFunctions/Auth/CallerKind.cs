namespace InfraFunctions.Auth;

/// <summary>The credential a function's caller presents.</summary>
public enum CallerKind
{
    /// <summary>A person's or script's access token with a role ([RequireRole]).</summary>
    Token,

    /// <summary>An agent key ([RequireAgentKey]).</summary>
    AgentKey,

    /// <summary>An enrollment token ([RequireEnrollmentToken]).</summary>
    EnrollmentToken,
}
