using System.Text.Json;
using InfraFunctions.Core.Ingest;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Handlers;

/// <summary><c>POST /api/v1/ingest/samples</c>: the agent (its key was checked before this runs), body limits, JSON errors, then <see cref="IngestService"/>.</summary>
public sealed class IngestHandler(IngestService ingest, IOptions<IngestOptions> options)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        var agent = AuthenticatedCaller.AgentOf(request);

        var (body, error) = await RequestBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        IngestEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(body, ContractsJsonContext.Default.IngestEnvelope);
        }
        catch (JsonException ex)
        {
            return ApiResults.BadRequest(
                $"The body is not a valid sample batch: {JsonErrorText.Of(ex)} (at line {(ex.LineNumber ?? 0) + 1}, byte {ex.BytePositionInLine ?? 0}, path {ex.Path ?? "$"}).");
        }

        if (envelope is null)
        {
            return ApiResults.BadRequest("The body must be a JSON object with host_id, platform and samples.");
        }

        if (EnvelopeRules.Check(envelope) is { Count: > 0 } errors)
        {
            return ApiResults.BadRequest("The batch is not valid; see 'errors'.", errors);
        }

        if (!agent.HostIds.Contains(envelope.HostId, StringComparer.Ordinal))
        {
            return ApiResults.Forbidden($"This agent key may report for {string.Join(", ", agent.HostIds.Select(h => $"'{h}'"))}, not for '{envelope.HostId}'.");
        }

        var reply = await ingest.IngestAsync(envelope, cancellationToken);
        if (reply.Accepted == 0)
        {
            return ApiResults.Problem(new Problem("https://httpstatuses.io/400", "No sample was valid", 400,
                $"All {envelope.Samples.Count} samples were rejected; see 'rejected' for the reasons by index.", Rejected: reply.Rejected));
        }

        return ApiResults.Ok(reply, ApiJsonContext.Default.IngestReply);
    }
}
