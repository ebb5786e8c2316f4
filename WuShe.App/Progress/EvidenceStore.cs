using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;

namespace WuShe.App.Progress;

public sealed record EvidenceView(int Id, Guid? EntryKey, string Name, long Size, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>
/// Evidence files: checked for type and size, written outside wwwroot under a generated name, and read back only
/// for users whose scope covers the report's site.
/// </summary>
public class EvidenceStore
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;
    private readonly string _root;

    public EvidenceStore(IDbContextFactory<WuSheDbContext> contexts, IClock clock, IOptions<WuSheOptions> options, IHostEnvironment environment)
    {
        _contexts = contexts;
        _clock = clock;
        _root = options.Value.ResolveEvidencePath(environment.ContentRootPath);
    }

    public async Task<int> UploadAsync(Actor actor, UserScope scope, int reportId, Guid? entryKey, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == reportId, ct)
            ?? throw ScopedReads.NotInScope("进展报告", reportId);
        if (actor.Role != UserRole.StreetStation || actor.SiteId != report.SiteId)
            throw new DomainException("只有本创建点的服务站可以上传证明材料。");
        var file = new EvidenceFile(report, entryKey, fileName, size, actor.Name, _clock.Now);
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, file.StoredName);
        // The file and its row succeed or fail together: any failure (too large, wrong content, disk full, database
        // refusing) removes the file, so nothing is left on disk without a row.
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                await CopyCheckedAsync(content, target, file, ct);
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e)
        {
            File.Delete(path);
            if (StorageFaults.Describe(e) is { } message) throw new DomainException(message);
            throw;
        }
        return file.Id;
    }

    public async Task<IReadOnlyList<EvidenceView>> ListAsync(UserScope scope, int reportId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        // The scope filter on evidence files is the same as on their reports (district and site).
        return await db.EvidenceFiles.Where(f => f.ReportId == reportId).OrderBy(f => f.Id)
            .Select(f => new EvidenceView(f.Id, f.EntryKey, f.OriginalName, f.Size, f.UploadedAt, f.UploadedBy)).ToListAsync(ct);
    }

    /// <summary>The file if the user's scope covers its site; otherwise 404, never the bytes.</summary>
    public async Task<(string Path, string ContentType, string Name)> OpenAsync(UserScope scope, int evidenceId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var file = await db.EvidenceFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == evidenceId, ct)
            ?? throw ScopedReads.NotInScope("证明材料", evidenceId);
        var path = Path.Combine(_root, file.StoredName);
        if (!File.Exists(path)) throw new NotFoundException("证明材料文件已丢失，请联系管理员。");
        return (path, file.ContentType, file.OriginalName);
    }

    /// <summary>Copies at most <see cref="EvidenceFile.MaxBytes"/>, refusing content whose first bytes do not match its type.</summary>
    private static async Task CopyCheckedAsync(Stream source, Stream target, EvidenceFile file, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        var head = new byte[8];
        var headLength = 0;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (headLength < head.Length)
            {
                var take = Math.Min(read, head.Length - headLength);
                Array.Copy(buffer, 0, head, headLength, take);
                headLength += take;
            }
            total += read;
            if (total > EvidenceFile.MaxBytes) throw new DomainException($"文件超过 {EvidenceFile.MaxBytes / 1024 / 1024} MB 上限。");
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        if (!EvidenceFile.ContentMatches(file.ContentType, head.AsSpan(0, headLength)))
            throw new DomainException($"“{file.OriginalName}”的内容与文件类型不符（不是真正的 {Path.GetExtension(file.OriginalName).TrimStart('.').ToUpperInvariant()} 文件），请上传原件。");
    }
}
