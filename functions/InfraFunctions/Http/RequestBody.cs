using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InfraFunctions.Core.Validation;

namespace InfraFunctions.Http;

/// <summary>
/// Reads a request body up to a limit, after optional gzip. Decompression stops at the limit,
/// so a small gzip bomb cannot inflate into memory.
/// </summary>
public static class RequestBody
{
    public static async Task<(byte[]? Body, IActionResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken = default)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        Stream source = request.Body;
        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            source = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
        }
        else if (encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content encoding",
                $"Content-Encoding '{encoding}' is not supported; send the body as plain JSON or with 'Content-Encoding: gzip'."));
        }

        await using (source.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                using var collected = new MemoryStream();
                while (true)
                {
                    int read;
                    try
                    {
                        read = await source.ReadAsync(buffer, cancellationToken);
                    }
                    catch (InvalidDataException)
                    {
                        return (null, ApiResults.BadRequest("The body is not valid gzip, although Content-Encoding says gzip."));
                    }

                    if (read == 0)
                    {
                        return (collected.ToArray(), null);
                    }

                    if (collected.Length + read > maxBytes)
                    {
                        return (null, TooLarge(maxBytes));
                    }

                    collected.Write(buffer, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Reads a small JSON object body (64 KiB at most) into <typeparamref name="T"/>, or a 400 saying what is wrong,
    /// followed by <paramref name="expected"/> (what a valid body looks like) when given.
    /// </summary>
    public static async Task<(T? Body, IActionResult? Error)> ReadJsonAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo, string? expected = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var (bytes, error) = await ReadAsync(request, 64 * 1024, cancellationToken);
        if (bytes is null)
        {
            return (null, error);
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, typeInfo) is { } body
                ? (body, null)
                : (null, ApiResults.BadRequest("The body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return (null, ApiResults.BadRequest($"The body is not valid JSON: {JsonErrorText.Of(ex)} (path {ex.Path ?? "$"}).{(expected is null ? string.Empty : " " + expected)}"));
        }
    }

    private static IActionResult TooLarge(int maxBytes) =>
        ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large",
            $"The body is larger than {maxBytes / 1024} KiB after decompression; post fewer samples per batch.");
}
