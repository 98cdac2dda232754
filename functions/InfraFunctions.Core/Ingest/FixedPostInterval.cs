using InfraFunctions.Core.Options;
using Microsoft.Extensions.Options;

namespace InfraFunctions.Core.Ingest;

/// <summary>The normal reporting interval for every host.</summary>
public sealed class FixedPostInterval(IOptions<IngestOptions> options) : IPostIntervalAdvisor
{
    public Task<int> NextPostSecondsAsync(string hostId, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.PostIntervalSeconds);
}
