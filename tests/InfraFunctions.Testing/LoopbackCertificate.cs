using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InfraFunctions.Testing;

/// <summary>
/// A certificate for a loopback TLS stand-in, and its PEM trust file: Azure.Core sends bearer tokens only over
/// https, and a worker in another process trusts the stand-in through <c>SSL_CERT_FILE</c> pointing at the file.
/// </summary>
public sealed class LoopbackCertificate : IDisposable
{
    private LoopbackCertificate(X509Certificate2 certificate, string trustFile)
    {
        Certificate = certificate;
        TrustFile = trustFile;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The certificate alone, PEM encoded: a trust anchor for .NET on Linux.</summary>
    public string TrustFile { get; }

    public static LoopbackCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());

        // Its own issuer: a CA that is also the TLS server, so the PEM file alone is the trust anchor.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        var trustFile = Path.Combine(Path.GetTempPath(), $"loopback-{Guid.NewGuid():N}.pem");
        File.WriteAllText(trustFile, certificate.ExportCertificatePem());
        return new LoopbackCertificate(certificate, trustFile);
    }

    public void Dispose()
    {
        Certificate.Dispose();
        File.Delete(TrustFile);
    }
}
