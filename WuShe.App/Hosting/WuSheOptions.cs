namespace WuShe.App.Hosting;

/// <summary>The "WuShe" configuration section (README lists every key).</summary>
public class WuSheOptions
{
    public const string Section = "WuShe";

    /// <summary>SQLite file; relative paths are under the content root.</summary>
    public string DatabasePath { get; set; } = "data/wushe.db";
    /// <summary>Folder of campaign seed files; relative paths are under the app's folder.</summary>
    public string SeedDataPath { get; set; } = "seed-data";
    /// <summary>Campaign shown by default.</summary>
    public string CurrentCampaign { get; set; } = "tianjin-2023";
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";
    /// <summary>A fixed "today" (yyyy-MM-dd) to replay a past campaign; unset in Production, which uses the real date.</summary>
    public DateOnly? Today { get; set; }
    /// <summary>Folder for evidence files, outside wwwroot; relative paths are under the content root.</summary>
    public string EvidencePath { get; set; } = "data/evidence";


    /// <summary>Cron schedules (Quartz syntax, Asia/Shanghai) of the scheduled jobs by name.</summary>
    public Dictionary<string, string> JobSchedules { get; set; } = new() { ["AlertScan"] = "0 0 6 * * ?", ["Backup"] = "0 30 2 * * ?" };
    /// <summary>Where scheduled backups go; empty: the <c>backups</c> folder beside the database.</summary>
    public string BackupPath { get; set; } = "";
    /// <summary>How many backups in <see cref="BackupPath"/> are kept; older ones are deleted after each new one.</summary>
    public int BackupRetention { get; set; } = 14;

    /// <summary>Development only: fill the sites with 示例 progress data on first start.</summary>
    public bool SampleData { get; set; }

    /// <summary>Sign-in sessions and passwords (等保 2.0 身份鉴别; README "Accounts and sessions").</summary>
    public SessionOptions Sessions { get; set; } = new();
    public HttpsOptions Https { get; set; } = new();
    public DataProtectionOptions DataProtection { get; set; } = new();

    /// <summary>Development only: password of the accounts created for each role; empty means none are created.</summary>
    public string DevelopmentAccountPassword { get; set; } = "";

    public string ResolveDatabasePath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DatabasePath) ? DatabasePath : Path.Combine(contentRoot, DatabasePath));

    public string ResolveEvidencePath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(EvidencePath) ? EvidencePath : Path.Combine(contentRoot, EvidencePath));

    /// <summary>The folders an installation's data lives in: database, evidence, key ring, backups.</summary>
    public DataPaths ResolvePaths(string contentRoot)
    {
        var database = ResolveDatabasePath(contentRoot);
        var folder = Path.GetDirectoryName(database)!;
        var backups = BackupPath == "" ? Path.Combine(folder, "backups")
            : Path.GetFullPath(Path.IsPathRooted(BackupPath) ? BackupPath : Path.Combine(contentRoot, BackupPath));
        return new DataPaths(database, ResolveEvidencePath(contentRoot), Path.Combine(folder, "keys"), backups);
    }

    public string ResolveSeedDataPath() =>
        Path.IsPathRooted(SeedDataPath) ? SeedDataPath : Path.Combine(AppContext.BaseDirectory, SeedDataPath);
}

/// <summary>An installation's data on disk.</summary>
public sealed record DataPaths(string Database, string Evidence, string Keys, string Backups)
{
    public string Folder => Path.GetDirectoryName(Database)!;
}

public class SessionOptions
{
    /// <summary>A session unused this long ends (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>A session ends this long after sign-in, however active.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
    /// <summary>How old a request's check of the account (security stamp, disabled) may be; zero checks every request.</summary>
    public TimeSpan StampCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often an open page (Blazor circuit) re-checks its account.</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);
    public int MinimumPasswordLength { get; set; } = 8;
    /// <summary>Sign-in attempts (POST /login) one client address may make per minute.</summary>
    public int SignInsPerMinutePerAddress { get; set; } = 10;
    /// <summary>
    /// Roles that must sign in with two-factor (TOTP), comma-separated (e.g. "CityAdministrator,DistrictOfficer"); "none" for
    /// none. Unset: city administrators outside Development (等保 2.0 level 3).
    /// </summary>
    public string? TwoFactorRoles { get; set; }

    public bool RequiresTwoFactor(Domain.Accounts.UserRole role, bool development) =>
        (TwoFactorRoles ?? (development ? "none" : nameof(Domain.Accounts.UserRole.CityAdministrator)))
        .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(role.ToString());
}

/// <summary>The key ring that signs cookies and antiforgery tokens (the <c>keys</c> folder beside the database).</summary>
public class DataProtectionOptions
{
    /// <summary>A PKCS#12 (.pfx) certificate with its private key: the keys are then encrypted at rest with it.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

public class HttpsOptions
{
    /// <summary>Outside Development: redirect to HTTPS, send HSTS, and mark the sign-in cookie Secure. Switch off only
    /// when a proxy in front terminates TLS and forwards the scheme (KnownProxies), or for a closed test network.</summary>
    public bool Require { get; set; } = true;
    /// <summary>Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are trusted.</summary>
    public List<string> KnownProxies { get; set; } = new();
}
