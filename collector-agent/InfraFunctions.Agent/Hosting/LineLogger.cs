using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Hosting;

/// <summary>
/// One line per event on standard output: <c>2026-12-01T10:00:00Z info: Category message</c>, or, under systemd's
/// journal, <c>&lt;6&gt;Category message</c> with the syslog priority journald reads (it adds the time itself).
/// Lines are written synchronously: the agent logs a few lines an hour, so a queue and its thread would cost more.
/// </summary>
internal sealed class LineLogger(string category, LineLoggerFactory factory) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= factory.MinimumLevel && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        var line = factory.Journal
            ? $"<{Priority(logLevel)}>{category} {message}"
            : $"{factory.Time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'} {Word(logLevel)}: {category} {message}";
        if (exception is not null)
        {
            line += Environment.NewLine + exception;
        }

        factory.Write(line);
    }

    private static string Word(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    // syslog(3) priorities: 7 debug, 6 info, 4 warning, 3 err, 2 crit.
    private static int Priority(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => 7,
        LogLevel.Information => 6,
        LogLevel.Warning => 4,
        LogLevel.Error => 3,
        _ => 2,
    };
}
