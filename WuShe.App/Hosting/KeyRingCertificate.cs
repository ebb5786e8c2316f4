using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WuShe.App.Hosting;

/// <summary>The certificate that encrypts the data-protection key ring at rest (<c>WuShe:DataProtection:CertificatePath</c>).</summary>
public static class KeyRingCertificate
{
    public static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"找不到密钥证书文件 {path}（WuShe:DataProtection:CertificatePath）。");
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"无法读取密钥证书 {path}：{e.Message}（请检查 WuShe:DataProtection:CertificatePassword）。", e);
        }
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"密钥证书 {path} 不含私钥，无法解密密钥环。");
        return certificate;
    }
}
