namespace InfraFunctions.Core.Observability;

public static class ComponentStatus
{
    public const string Healthy = StatusWords.Healthy;
    public const string Degraded = StatusWords.Degraded;
    public const string Unhealthy = "unhealthy";

    /// <summary>Not set up here (locally, say): reported, but left out of the overall status.</summary>
    public const string NotConfigured = "not_configured";

    public static string WorstOf(IEnumerable<string> statuses)
    {
        var worst = Healthy;
        foreach (var s in statuses)
        {
            if (s == Unhealthy)
            {
                return Unhealthy;
            }

            if (s == Degraded)
            {
                worst = Degraded;
            }
        }

        return worst;
    }
}
