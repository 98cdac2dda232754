namespace InfraFunctions.Core.Auth;

/// <summary>How an agent key was issued: with the master key, by an operator's token, or by a host enrolling itself.</summary>
public static class AgentIssuers
{
    public const string Admin = "admin";
    public const string Operator = "operator";
    public const string Enrollment = "enrollment";
}
