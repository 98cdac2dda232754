using Microsoft.Extensions.Logging;

namespace InfraFunctions.Agent.Collectors;

internal sealed partial class TextfileCollector
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Custom metrics file {Path} is malformed at line {Line}: {Problem}; the whole file is skipped until it changes")]
    private static partial void LogMalformed(ILogger logger, string path, int line, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Custom metrics file {Path} cannot be read; it is tried again every sample")]
    private static partial void LogUnreadable(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The textfile directory {Directory} cannot be read ({Problem}); custom metrics are empty until it can")]
    private static partial void LogDirectoryUnreadable(ILogger logger, string directory, string problem);
}
