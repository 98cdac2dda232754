namespace InfraFunctions.Core.Auth;

/// <summary>A person's or script's token row, without its secret.</summary>
public sealed record TokenRecord(string TokenId, string Name, string Role, DateTimeOffset Created, bool Revoked, DateTimeOffset? RevokedAt);
