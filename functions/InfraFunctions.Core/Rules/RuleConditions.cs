namespace InfraFunctions.Core.Rules;

public static class RuleConditions
{
    public const string Above = "above";
    public const string Below = "below";
}
