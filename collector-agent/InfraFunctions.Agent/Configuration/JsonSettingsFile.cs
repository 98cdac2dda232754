using System.Globalization;
using System.Text.Json;

namespace InfraFunctions.Agent;

/// <summary>
/// Reads <c>agent.json</c> into configuration keys as the JSON configuration provider names them (<c>systemd:watch_units:0</c>),
/// straight from a <see cref="JsonDocument"/>: the provider would bring file providers, globbing and a file watcher
/// into the binary for one file read once at start.
/// </summary>
internal static class JsonSettingsFile
{
    /// <summary>The file's settings, or none when it does not exist.</summary>
    /// <exception cref="AgentConfigurationException">The file exists but is not a JSON object.</exception>
    public static Dictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return values;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgentConfigurationException($"Configuration file '{path}' cannot be read: {e.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AgentConfigurationException($"Configuration file '{path}' cannot be read: it must hold a JSON object.");
            }

            Flatten(document.RootElement, prefix: null, values);
        }
        catch (JsonException e)
        {
            throw new AgentConfigurationException($"Configuration file '{path}' cannot be read: {e.Message}");
        }

        return values;
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index.ToString(CultureInfo.InvariantCulture)}", values);
                    index++;
                }

                break;
            case JsonValueKind.Null:
                values[prefix!] = null;
                break;
            case JsonValueKind.String:
                values[prefix!] = element.GetString();
                break;
            default:
                values[prefix!] = element.GetRawText();
                break;
        }
    }
}
