namespace InfraFunctions.Core.Storage;

/// <summary>
/// Table Storage's documented limits ("Understanding the Table service data model"): keys up to 1 KiB, a string
/// property up to 64 KiB (UTF-16, so 32K characters), a binary property up to 64 KiB, an entity up to 1 MiB, and an
/// entity group transaction up to 100 entities and 4 MiB of payload.
/// </summary>
public static class TableLimits
{
    public const int MaxKeyChars = 1024 / 2;

    public const int MaxStringChars = 64 * 1024 / 2;

    public const int MaxBinaryBytes = 64 * 1024;

    public const int MaxEntityBytes = 1024 * 1024;

    public const int MaxTransactionEntities = 100;

    public const int MaxTransactionBytes = 4 * 1024 * 1024;
}
