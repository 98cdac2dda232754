namespace InfraFunctions.Tests;

/// <param name="HostId">The batch's host id; random ones may be refused by the admin API.</param>
/// <param name="RandomHostId">Whether the id is random text rather than a fresh valid id.</param>
/// <param name="Body">The body exactly as posted.</param>
internal sealed record RandomBatch(string HostId, bool RandomHostId, string Body);
