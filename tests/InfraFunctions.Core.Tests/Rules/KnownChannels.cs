using InfraFunctions.Core.Channels;

namespace InfraFunctions.Core.Tests.Rules;

/// <summary>A channel directory holding exactly these channel ids.</summary>
internal sealed class KnownChannels(params string[] ids) : IChannelDirectory
{
    public Task<IReadOnlySet<string>> IdsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<string>>(new HashSet<string>(ids, StringComparer.Ordinal));
}
