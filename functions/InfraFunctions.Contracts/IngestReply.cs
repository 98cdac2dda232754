namespace InfraFunctions.Contracts;

/// <summary>The reply to an ingest post.</summary>
/// <param name="Accepted">Samples stored.</param>
/// <param name="Rejected">Samples refused, by index in the posted batch, with the reasons.</param>
/// <param name="NextPostSeconds">When the agent should post next: 2 while someone watches the host live, the normal interval otherwise.</param>
/// <param name="AgentSettings">Settings an operator chose for this host or its tags; null when there are none.</param>
/// <param name="TagsProblem">Why some or all of the batch's <c>tags</c> were ignored (its samples were still stored); null when they were fine.</param>
public sealed record IngestReply(int Accepted, IReadOnlyList<RejectedSample> Rejected, int NextPostSeconds, AgentSettings? AgentSettings = null, string? TagsProblem = null);
