namespace InfraFunctions.Core.Channels;

/// <summary>The ids of every notification channel, run-time and configured, so a rule can be refused for naming one that does not exist.</summary>
public interface IChannelDirectory
{
    Task<IReadOnlySet<string>> IdsAsync(CancellationToken cancellationToken = default);
}
