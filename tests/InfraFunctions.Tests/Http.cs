using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace InfraFunctions.Tests;

internal static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts a problem+json reply with the status and a detail a person can act on; returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    public static string Query(string path, string hostId) => $"{path}?host={Uri.EscapeDataString(hostId)}";

    public static string NewHostId(string prefix = "host") => $"{prefix}-{Guid.NewGuid():N}"[..24];
}
