namespace InfraFunctions.Core.Alerts;

public enum AlertTransition
{
    None,
    Raise,
    Resolve,
}
