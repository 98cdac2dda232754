using InfraFunctions.Core.Channels;
using InfraFunctions.Core.Webhooks;

namespace InfraFunctions.Handlers;

/// <summary>
/// Notification channels: <c>GET</c> lists them (reader), <c>POST</c> adds one, <c>PUT</c> replaces one, <c>DELETE</c>
/// removes one and <c>POST {id}/test</c> sends one a test message (operator). Configured channels (from the
/// <c>Webhooks__*Urls</c> settings) are listed and can be tested, but change only with their setting.
/// </summary>
public sealed class ChannelsHandler(ChannelDirectory directory, ChannelRepository repository, ChannelTester tester, TimeProvider time)
{
    private const string Success = "success";
    private const string Expected =
        "Send {\"name\": \"On-call Slack\", \"kind\": \"slack\", \"url\": \"https://hooks.slack.com/services/...\", \"default\": false}; "
        + "pagerduty takes \"routing_key\", opsgenie \"api_key\", ntfy an optional \"api_key\" (access token).";

    public async Task<IActionResult> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = (await directory.AllAsync(fresh: true, cancellationToken)).Select(ChannelViews.Of).ToArray();
        return ApiResults.Ok(new ChannelsResponse(Success, all.Length, all), ApiJsonContext.Default.ChannelsResponse);
    }

    public async Task<IActionResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.ChannelRequest, Expected, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var errors = ChannelRules.Check(body.Name, body.Kind, body.Url, body.RoutingKey, body.ApiKey, null, out var secrets);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The channel is not valid; see 'errors'. Nothing was saved.", errors);
        }

        if ((await repository.ListAsync(cancellationToken)).Count >= ChannelRepository.MaxChannels)
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, "Too many channels",
                $"There are already {ChannelRepository.MaxChannels} channels; delete one you no longer use first.");
        }

        var channel = Record(ChannelRepository.NewId(), body, secrets, request);
        await directory.SaveAsync(channel, cancellationToken);
        var result = new JsonApiResult<ChannelResponse>(new ChannelResponse(Success, ChannelViews.Of(channel)), ApiJsonContext.Default.ChannelResponse, StatusCodes.Status201Created);
        result.Headers["Location"] = $"/api/v1/observability/channels/{channel.Id}";
        return result;
    }

    public async Task<IActionResult> ReplaceAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var (existing, problem) = await ChangeableAsync(id, "changed", cancellationToken);
        if (existing is null)
        {
            return problem!;
        }

        var (body, error) = await RequestBody.ReadJsonAsync(request, ApiJsonContext.Default.ChannelRequest, Expected, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var errors = ChannelRules.Check(body.Name, body.Kind, body.Url, body.RoutingKey, body.ApiKey, existing, out var secrets);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The channel is not valid; see 'errors'. Nothing was changed.", errors);
        }

        var channel = Record(existing.Id, body, secrets, request);
        await directory.SaveAsync(channel, cancellationToken);
        return ApiResults.Ok(new ChannelResponse(Success, ChannelViews.Of(channel)), ApiJsonContext.Default.ChannelResponse);
    }

    public async Task<IActionResult> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        var (existing, problem) = await ChangeableAsync(id, "deleted", cancellationToken);
        if (existing is null)
        {
            return problem!;
        }

        return await directory.DeleteAsync(existing.Id, cancellationToken)
            ? ApiResults.Ok(new ChannelDeletedResponse(Success, existing.Id), ApiJsonContext.Default.ChannelDeletedResponse)
            : NotFound(id);
    }

    public async Task<IActionResult> TestAsync(HttpRequest request, string id, CancellationToken cancellationToken = default)
    {
        var channel = directory.Configured().FirstOrDefault(c => c.Id == id) ?? await repository.GetAsync(id, cancellationToken);
        if (channel is null)
        {
            return NotFound(id);
        }

        var result = await tester.TestAsync(channel, AuthenticatedCaller.Of(request).Name, cancellationToken);
        return ApiResults.Ok(
            new ChannelTestResponse(Success, result.Delivered, result.ReceiverStatus, result.ReceiverReply, result.DurationMs, result.Error),
            ApiJsonContext.Default.ChannelTestResponse);
    }

    /// <summary>The stored channel of <paramref name="id"/>, or the 409 for a configured one or the 404 for an unknown one.</summary>
    private async Task<(ChannelRecord? Channel, IActionResult? Problem)> ChangeableAsync(string id, string verb, CancellationToken cancellationToken)
    {
        if (directory.Configured().FirstOrDefault(c => c.Id == id) is { } configured)
        {
            var setting = ConfiguredChannels.SettingOf(configured.Kind);
            return (null, ApiResults.Problem(StatusCodes.Status409Conflict, "The channel is configured",
                $"Channel '{id}' comes from the app setting {setting} and cannot be {verb} here; change {setting} instead, or add a channel with POST /api/v1/observability/channels."));
        }

        return await repository.GetAsync(id, cancellationToken) is { } stored ? (stored, null) : (null, NotFound(id));
    }

    private ChannelRecord Record(string id, ChannelRequest body, (string? Url, string? RoutingKey, string? ApiKey) secrets, HttpRequest request) => new(
        id, body.Name!.Trim(), body.Kind!, body.Default ?? false, ChannelRecord.FromApi, secrets.Url, secrets.RoutingKey, secrets.ApiKey,
        time.GetUtcNow(), AuthenticatedCaller.Of(request).Name);

    private static JsonApiResult<Problem> NotFound(string id) =>
        ApiResults.NotFound($"No channel with id '{id}'. GET /api/v1/observability/channels lists them.");
}
