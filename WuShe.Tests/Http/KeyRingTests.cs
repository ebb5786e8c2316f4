using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>With a certificate configured, the data-protection key ring is encrypted at rest and still opens after a restart.</summary>
public sealed class KeyRingTests : IAsyncLifetime
{
    private static readonly TempFolder Certificates = new();
    private readonly AppFixture _app;

    public KeyRingTests()
    {
        var pfx = Certificates.File($"keyring-{Guid.NewGuid():N}.pfx");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=WuShe key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "Zhengshu#2026"));
        _app = new()
        {
            Settings = { ["WuShe__DataProtection__CertificatePath"] = pfx, ["WuShe__DataProtection__CertificatePassword"] = "Zhengshu#2026" },
        };
    }

    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Keys_are_stored_encrypted_and_a_session_survives_a_restart()
    {
        using var client = await _app.SignedInClientAsync("heping");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/districts/120101")).StatusCode);
        var keys = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(_app.DatabasePath)!, "keys"), "key-*.xml");
        Assert.NotEmpty(keys);
        foreach (var key in keys)
        {
            var xml = await File.ReadAllTextAsync(key);
            Assert.Contains("encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }

        await _app.StopAsync();
        await _app.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/districts/120101")).StatusCode);
    }
}
