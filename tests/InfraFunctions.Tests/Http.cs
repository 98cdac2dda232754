using System.Net.Http.Json;
using System.Text.Json;

namespace InfraFunctions.Tests;

internal static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static string Query(string path, string hostId) => $"{path}?host={Uri.EscapeDataString(hostId)}";

    public static string NewHostId(string prefix = "host") => $"{prefix}-{Guid.NewGuid():N}"[..24];
}
