namespace InfraFunctions.Core.Auth;

public enum EnrollmentVerdict
{
    /// <summary>Counted; a key may be issued.</summary>
    Admitted,

    /// <summary>The token has used its rate for this window.</summary>
    RateLimited,

    /// <summary>The token has enrolled <c>max_hosts</c> distinct hosts, and this one is not among them.</summary>
    UsedUp,

    /// <summary>The token was revoked, expired or removed after the request's token was checked.</summary>
    Ended,
}
