namespace InfraFunctions.Contracts;

/// <summary>A problem one collector had while taking a sample; the sample is still complete otherwise.</summary>
/// <param name="Collector">The collector: textfile, temperatures, systemd or checks.</param>
/// <param name="Message">What went wrong, naming the file and line or the setting where there is one.</param>
public sealed record CollectorError(string Collector, string Message);
