namespace InfraFunctions.Core.Auth;

/// <summary>reader reads everything and watches live streams; operator also acknowledges alerts, changes per-host thresholds and runs maintenance.</summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Operator = "operator";

    public static bool IsKnown(string? role) => role is Reader or Operator;

    public static bool Satisfies(string granted, string required) =>
        granted == Operator || (granted == Reader && required == Reader);
}
