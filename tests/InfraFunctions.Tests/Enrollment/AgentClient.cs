using System.Net;
using InfraFunctions.Testing;

namespace InfraFunctions.Tests.Enrollment;

/// <summary>What an agent holding a key sees: whether ingest takes a sample from it.</summary>
internal static class AgentClient
{
    public static async Task<HttpStatusCode> PostOneSampleAsync(this LocalHostServer server, string key, string hostId)
    {
        using var agent = server.ClientWithBearer(key);
        using var response = await agent.PostAsync("api/v1/ingest/samples", Samples.Json(Samples.Batch(hostId, [DateTimeOffset.UtcNow])));
        return response.StatusCode;
    }
}
