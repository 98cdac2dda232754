using System.Text.Json;
using InfraFunctions.Contracts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfraFunctions.Agent.Settings;

/// <summary>
/// The agent's own settings merged with those the server pushes in each ingest reply, applied without a restart:
/// readers take <see cref="Current"/> on every tick, and <see cref="Changed"/> completes when it is replaced. A
/// value the file, the environment or a flag set explicitly wins over the server's; a server value outside
/// <see cref="AgentSettingRules"/> is ignored with a warning. The server repeats its settings in every reply, so
/// they are merged (and warned about) only when they differ from the last ones.
/// </summary>
internal sealed partial class LiveSettings
{
    private readonly AgentOptions options;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private volatile LiveValues current;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private byte[]? lastPushed;

    public LiveSettings(AgentOptions options, ILogger? logger = null)
    {
        this.options = options;
        this.logger = logger ?? NullLogger.Instance;
        current = SettingsMerge.Merge(options, null, this.logger, warn: false);
    }

    public LiveValues Current => current;

    /// <summary>Completes when <see cref="Current"/> is replaced; take it again after every change.</summary>
    public Task Changed
    {
        get
        {
            lock (gate)
            {
                return changed.Task;
            }
        }
    }

    /// <summary>Merges what the server pushed (null: nothing, so its earlier values no longer apply); true when anything changed.</summary>
    public bool Apply(AgentSettings? pushed)
    {
        var json = pushed is null ? [] : JsonSerializer.SerializeToUtf8Bytes(pushed, ContractsJsonContext.Default.AgentSettings);
        TaskCompletionSource? done;
        LiveValues next;
        lock (gate)
        {
            if (lastPushed is not null && json.AsSpan().SequenceEqual(lastPushed))
            {
                return false;
            }

            lastPushed = json;
            next = SettingsMerge.Merge(options, pushed, logger, warn: true);
            if (next.InForceJson.AsSpan().SequenceEqual(current.InForceJson))
            {
                return false;
            }

            current = next;
            done = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        LogApplied(logger, string.Join("; ", next.InForce.Take(4).Select(s => $"{s.Name}={s.Value} ({s.Source})")));
        done.TrySetResult();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Settings now in force: {Settings}")]
    private static partial void LogApplied(ILogger logger, string settings);
}
