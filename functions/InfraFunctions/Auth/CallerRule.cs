namespace InfraFunctions.Auth;

/// <summary>What one function's caller must present: a token of <paramref name="Role"/>, or an agent key when Role is null.</summary>
public sealed record CallerRule(string? Role, bool AdmitWhenStorageIsDown);
