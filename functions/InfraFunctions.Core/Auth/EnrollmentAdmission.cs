namespace InfraFunctions.Core.Auth;

/// <summary>What an enrollment attempt was granted: a key, or why not (and when to try again, when rate limited).</summary>
public sealed record EnrollmentAdmission(EnrollmentVerdict Verdict, TimeSpan RetryAfter = default, bool KnownHost = false);
