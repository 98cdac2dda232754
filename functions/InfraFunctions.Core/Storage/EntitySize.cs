namespace InfraFunctions.Core.Storage;

/// <summary>Sizes of an entity: as Table Storage counts it against its 1 MiB limit, and at most on the wire.</summary>
public static class EntitySize
{
    /// <summary>
    /// The size Table Storage counts: 4 bytes, plus the keys in UTF-16, plus for each property 8 bytes, its name in
    /// UTF-16 and its value (a string 4 + 2 per character, binary 4 + its length, a GUID 16, a bool 1, an Int32 4,
    /// other numbers and times 8).
    /// </summary>
    public static long Stored(TableEntity entity)
    {
        long size = 4 + ((long)entity.PartitionKey.Length + entity.RowKey.Length) * 2;
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + name.Length * 2 + value switch
            {
                string s => 4 + s.Length * 2L,
                byte[] b => 4 + b.Length,
                BinaryData d => 4 + d.ToMemory().Length,
                Guid => 16,
                bool => 1,
                int => 4,
                _ => 8,
            };
        }

        return size;
    }

    /// <summary>
    /// An upper bound of the entity's share of a transaction's payload: every character of a string or key JSON- or
    /// URL-escaped at its longest (six bytes as <c>\uXXXX</c>, nine as three <c>%XX</c>), plus the part's own headers.
    /// </summary>
    public static long WireBytesAtMost(TableEntity entity)
    {
        const int partHeaders = 1024;
        long size = partHeaders + ((long)entity.PartitionKey.Length + entity.RowKey.Length) * (9 + 6);
        foreach (var (name, value) in entity)
        {
            size += 16 + name.Length * 6L + value switch
            {
                string s => s.Length * 6L,
                byte[] b => (b.Length + 2) / 3 * 4,
                BinaryData d => (d.ToMemory().Length + 2) / 3 * 4,
                _ => 64,
            };
        }

        return size;
    }
}
