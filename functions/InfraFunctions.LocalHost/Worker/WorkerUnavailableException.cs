namespace InfraFunctions.LocalHost.Worker;

/// <summary>The worker is not running or not connected (starting, restarting or stopped).</summary>
public sealed class WorkerUnavailableException(string message) : Exception(message);
