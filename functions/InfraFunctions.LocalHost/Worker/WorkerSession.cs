namespace InfraFunctions.LocalHost.Worker;

/// <summary>A worker that has loaded every function and serves HTTP at <see cref="HttpUri"/>.</summary>
public sealed record WorkerSession(WorkerProcess Process, WorkerChannel Channel, Uri HttpUri, FunctionIndex Index);
