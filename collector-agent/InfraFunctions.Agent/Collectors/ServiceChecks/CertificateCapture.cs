using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace InfraFunctions.Agent.Collectors.ServiceChecks;

/// <summary>
/// The TLS validation of one HTTPS check: it notes when the server's certificate expires, and when validation
/// fails, why in words a person can act on. With <c>verify_tls</c> off it accepts any certificate and still notes its expiry.
/// </summary>
internal sealed class CertificateCapture(bool verify, TimeProvider time)
{
    public DateTimeOffset? NotAfter { get; private set; }

    public string? Failure { get; private set; }

    public void Reset() => Failure = null;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is X509Certificate2 full)
        {
            NotAfter = new DateTimeOffset(full.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }

        if (errors == SslPolicyErrors.None || !verify)
        {
            Failure = null;
            return true;
        }

        Failure = Explain(errors, chain);
        return false;
    }

    public double? DaysLeft() => NotAfter is { } notAfter ? Math.Round((notAfter - time.GetUtcNow()).TotalDays, 2) : null;

    private string Explain(SslPolicyErrors errors, X509Chain? chain)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return "TLS: the server sent no certificate";
        }

        if (NotAfter is { } notAfter && notAfter < time.GetUtcNow())
        {
            var days = (time.GetUtcNow() - notAfter).TotalDays;
            return days >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"certificate expired {Math.Floor(days):0} day{(Math.Floor(days) == 1 ? "" : "s")} ago")
                : "certificate expired today";
        }

        var problems = new List<string>();
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            problems.Add("the certificate is not for this host name");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            var statuses = new List<string>();
            foreach (var status in chain?.ChainStatus ?? [])
            {
                statuses.Add(status.Status.ToString());
            }

            problems.Add(statuses.Count == 0 ? "the certificate chain is not valid" : $"the certificate is not trusted ({string.Join(", ", statuses)})");
        }

        return $"TLS validation failed: {string.Join("; ", problems)} (set \"verify_tls\": false to accept it)";
    }
}
