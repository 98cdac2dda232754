using InfraFunctions.LocalHost.Rpc;

namespace InfraFunctions.LocalHost.Worker;

/// <summary>Writes the worker's RpcLog messages to LocalHost's log with their level, category and invocation id.</summary>
public static class WorkerLog
{
    public static void Write(ILogger logger, RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (level == LogLevel.None || !logger.IsEnabled(level))
        {
            return;
        }

        var exception = log.Exception is { } e ? $"{Environment.NewLine}{e.Type}: {e.Message}{Environment.NewLine}{e.StackTrace}" : string.Empty;
        if (log.InvocationId.Length > 0)
        {
            logger.Log(level, "[{Category}] {Message} (invocation {InvocationId}){Exception}", log.Category, log.Message, log.InvocationId, exception);
        }
        else
        {
            logger.Log(level, "[{Category}] {Message}{Exception}", log.Category, log.Message, exception);
        }
    }
}
