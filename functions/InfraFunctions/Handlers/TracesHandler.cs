using InfraFunctions.Core.Aggregation;
using InfraFunctions.Core.Monitor;

namespace InfraFunctions.Handlers;

/// <summary><c>GET /api/v1/observability/traces?window=&amp;operation=&amp;status=success|failure</c> from Application Insights via Log Analytics.</summary>
public sealed class TracesHandler(MonitorClients monitor, IOptionsMonitor<MonitorOptions> options, ILogger<TracesHandler> logger)
{

    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? windowName = request.Query["window"];
        string? operation = request.Query["operation"];
        string? status = request.Query["status"];
        var errors = new Dictionary<string, string[]>();
        if (!TimeWindows.Observability.TryParse(windowName, out var window, out var span))
        {
            errors["window"] = ApiResults.WindowErrors(TimeWindows.Observability.Names);
        }

        if (operation is not null && !TraceQuery.OperationPattern().IsMatch(operation))
        {
            errors["operation"] = ["Give a function name or route: letters, digits, spaces and _ . / { } -, at most 128."];
        }

        if (status is not null and not ("success" or "failure"))
        {
            errors["status"] = ["Use status=success or status=failure, or leave it out for both."];
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The trace query is not valid; see 'errors'.", errors);
        }

        if (string.IsNullOrWhiteSpace(options.CurrentValue.WorkspaceId))
        {
            return MonitorProblems.NotConfigured(MonitorOptions.WorkspaceSetting, "Log Analytics");
        }

        try
        {
            var kql = TraceQuery.Build(operation, status is null ? null : status == "success");
            var result = await monitor.Logs.QueryAsync(options.CurrentValue.WorkspaceId!, kql, span, cancellationToken);
            var traces = result.Tables.Count == 0 ? [] : TraceQuery.Map(result.Tables[0]);
            if (result.PartialError is { } partial)
            {
                logger.LogWarning("Log Analytics returned partial trace results: {PartialError}", partial);
            }

            return ApiResults.Ok(new TracesResponse("success", window, traces.Count, traces, result.PartialError), ApiJsonContext.Default.TracesResponse);
        }
        catch (MonitorServiceException ex)
        {
            logger.LogWarning(ex, "Trace query failed with {Status}", (int)ex.Status);
            return MonitorProblems.From(ex);
        }
    }
}
