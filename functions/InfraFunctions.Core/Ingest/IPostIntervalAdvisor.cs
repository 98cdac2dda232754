namespace InfraFunctions.Core.Ingest;

/// <summary>Decides the <c>next_post_seconds</c> an agent is told: shorter while someone watches the host live.</summary>
public interface IPostIntervalAdvisor
{
    Task<int> NextPostSecondsAsync(string hostId, CancellationToken cancellationToken = default);
}
