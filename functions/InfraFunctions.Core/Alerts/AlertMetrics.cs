namespace InfraFunctions.Core.Alerts;

public static class AlertMetrics
{
    public const string HostDown = "host_down";

    /// <summary>A systemd unit's alerts: critical when it failed, warning when a watched unit is not active.</summary>
    public const string SystemdUnitPrefix = "systemd_unit:";

    /// <summary>A service check down for longer than <c>Alerts__CheckDownSeconds</c>.</summary>
    public const string CheckPrefix = "check:";

    /// <summary>A checked TLS certificate close to expiry (warning) or very close or expired (critical).</summary>
    public const string CertificatePrefix = "certificate:";
}
