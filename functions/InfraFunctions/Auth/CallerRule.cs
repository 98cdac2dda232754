namespace InfraFunctions.Auth;

/// <summary>What one function's caller must present: a credential of <paramref name="Kind"/>, and for a token, a token of <paramref name="Role"/>.</summary>
public sealed record CallerRule(CallerKind Kind, string? Role, bool AdmitWhenStorageIsDown);
