namespace InfraFunctions.Core.Anomalies;

public static class AnomalyKinds
{
    public const string Spike = "spike";
    public const string LevelShift = "level_shift";
}
