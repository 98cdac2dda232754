namespace InfraFunctions.Core.Storage;

/// <summary>
/// Bytes larger than one binary property (64 KiB), kept in numbered properties of one entity: <c>{prefix}0</c>,
/// <c>{prefix}1</c>, ... in order. A reader joins the numbered properties until one is missing.
/// </summary>
public static class ChunkedBinary
{
    /// <summary>The numbered property names a reader may select: every one up to <paramref name="maxChunks"/>.</summary>
    public static IEnumerable<string> Columns(string prefix, int maxChunks) =>
        Enumerable.Range(0, maxChunks).Select(i => prefix + i.ToString(CultureInfo.InvariantCulture));

    public static void Put(TableEntity entity, string prefix, byte[] bytes)
    {
        var chunk = 0;
        for (var offset = 0; offset < bytes.Length; offset += TableLimits.MaxBinaryBytes, chunk++)
        {
            entity[prefix + chunk.ToString(CultureInfo.InvariantCulture)] = bytes.AsSpan(offset, Math.Min(TableLimits.MaxBinaryBytes, bytes.Length - offset)).ToArray();
        }
    }

    /// <summary>The bytes back, or null when the entity has none under <paramref name="prefix"/>.</summary>
    public static byte[]? Get(TableEntity entity, string prefix)
    {
        using var joined = new MemoryStream();
        for (var chunk = 0; entity.GetBinary(prefix + chunk.ToString(CultureInfo.InvariantCulture)) is { Length: > 0 } part; chunk++)
        {
            joined.Write(part);
        }

        return joined.Length == 0 ? null : joined.ToArray();
    }

    /// <summary>How many properties <paramref name="bytes"/> bytes take.</summary>
    public static int ChunksFor(int bytes) => (bytes + TableLimits.MaxBinaryBytes - 1) / TableLimits.MaxBinaryBytes;
}
