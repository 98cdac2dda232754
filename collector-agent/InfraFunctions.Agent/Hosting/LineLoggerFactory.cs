using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Hosting;

/// <summary>The agent's loggers: <see cref="LineLogger"/>s that share one writer, serialised so lines never interleave.</summary>
internal sealed class LineLoggerFactory(TextWriter output, TimeProvider time, bool journal, LogLevel minimumLevel = LogLevel.Information) : ILoggerFactory
{
    private readonly Lock writeLock = new();

    public TimeProvider Time => time;

    public bool Journal => journal;

    public LogLevel MinimumLevel => minimumLevel;

    /// <summary>For the agent's own process: standard output, in the journal's format when systemd connected it to the journal.</summary>
    public static LineLoggerFactory ForConsole(TimeProvider time) =>
        new(Console.Out, time, journal: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM")));

    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The agent logs to standard output only.");

    public void Write(string line)
    {
        lock (writeLock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    public void Dispose()
    {
    }
}
