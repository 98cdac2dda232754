namespace InfraFunctions.Contracts;

/// <summary>Run-queue load average.</summary>
/// <param name="One">Over 1 minute.</param>
/// <param name="Five">Over 5 minutes.</param>
/// <param name="Fifteen">Over 15 minutes.</param>
public sealed record LoadAverage(double One, double Five, double Fifteen);
