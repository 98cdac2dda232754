namespace InfraFunctions.Core.Ingest;

/// <summary>
/// A reaction to stored samples: alert evaluation, live publishing, webhooks. Subscribers run after the samples
/// are written; a failing subscriber is logged and never fails ingest.
/// </summary>
public interface IIngestSubscriber
{
    Task OnIngestedAsync(IngestedBatch batch, CancellationToken cancellationToken = default);
}
