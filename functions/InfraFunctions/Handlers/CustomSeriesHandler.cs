using InfraFunctions.Core.Aggregation;

namespace InfraFunctions.Handlers;

/// <summary>
/// <c>GET /api/v1/observability/infrastructure/custom?host=&amp;window=[&amp;name=][&amp;label=key:value ...]</c>: a host's
/// custom series over a window, picked by name and by labels (every selector must match).
/// </summary>
public sealed class CustomSeriesHandler(HostSelector selector, CustomSeriesReader reader, TimeProvider time)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        string? windowName = request.Query["window"];
        if (!TimeWindows.Summary.TryParse(windowName, out var window, out var span))
        {
            return ApiResults.InvalidWindow(windowName, TimeWindows.Summary.Names);
        }

        string? name = request.Query["name"];
        if (name is not null && !CustomMetricRules.IsValidName(name))
        {
            var detail = $"name '{name}' is not a custom metric name: [a-zA-Z_:][a-zA-Z0-9_:]*, at most {CustomMetricRules.MaxNameLength} characters.";
            return ApiResults.BadRequest(detail, new Dictionary<string, string[]> { ["name"] = [detail] });
        }

        var labels = new List<KeyValuePair<string, string>>();
        foreach (var selectorText in request.Query["label"])
        {
            var colon = selectorText?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (selectorText is null || colon <= 0 || !CustomMetricRules.IsValidLabelName(selectorText[..colon]))
            {
                var detail = $"label '{selectorText}' is not a selector: write label=key:value, where key is a label name ([a-zA-Z_][a-zA-Z0-9_]*); repeat it to require several labels.";
                return ApiResults.BadRequest(detail, new Dictionary<string, string[]> { ["label"] = [detail] });
            }

            labels.Add(new(selectorText[..colon], selectorText[(colon + 1)..]));
        }

        var (host, error) = await selector.SelectAsync(request, cancellationToken);
        if (host is null)
        {
            return error!;
        }

        var to = time.GetUtcNow();
        var from = to - span;
        var read = await reader.ReadAsync(host.HostId, from, to, name, labels, cancellationToken);
        return ApiResults.Ok(
            new CustomSeriesResponse("success", host.HostId, window, read.Resolution, from, to, read.Names, read.Series, read.Truncated),
            ApiJsonContext.Default.CustomSeriesResponse);
    }
}
