using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Jobs;
using WuShe.App.Pdf;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Reports;

/// <summary>Starts, runs, recovers and serves batch ZIPs of acceptance reports.</summary>
public class ReportBatches
{
    public const string JobName = "ReportBatch";
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly ReportService _reports;
    private readonly IServiceProvider _services;
    private readonly IClock _clock;
    private readonly string _folder;

    public ReportBatches(IDbContextFactory<WuSheDbContext> contexts, ReportService reports, IServiceProvider services, IClock clock,
        IOptions<WuSheOptions> options, IHostEnvironment environment)
    {
        _contexts = contexts;
        _reports = reports;
        _services = services;
        _clock = clock;
        _folder = Path.Combine(Path.GetDirectoryName(options.Value.ResolveDatabasePath(environment.ContentRootPath))!, "batches");
    }

    private static readonly UserScope City = new(UserRole.CityAdministrator, null, null);

    /// <summary>The city and district bureaus start batches; read-only and evaluating roles do not.</summary>
    public static bool MayStart(UserRole role) => role is UserRole.CityAdministrator or UserRole.DistrictOfficer;

    private static readonly SemaphoreSlim Starting = new(1, 1);

    public async Task<int> StartAsync(Actor actor, UserScope scope, string? districtCode, CancellationToken ct = default)
    {
        if (!MayStart(actor.Role)) throw new AccessDeniedException($"{actor.Role.Label()}账号不能发起批量生成。");
        await using var db = await _contexts.ForAsync(scope, ct);
        string title;
        if (districtCode is null)
        {
            if (!scope.SeesWholeCity) throw new AccessDeniedException("只有市民政局可以生成全市的结项报告。");
            title = "全市结项报告";
        }
        else
        {
            var district = await db.Districts.SingleOrDefaultAsync(d => d.Code == districtCode, ct)
                ?? throw ScopedReads.NotInScope("区", districtCode);
            title = $"{district.Name}结项报告";
        }
        // One batch per district (or the city) at a time: a double click, a second tab or a colleague gets the running one's number.
        await Starting.WaitAsync(ct);
        ReportBatch batch;
        try
        {
            if (await db.Set<ReportBatch>().Where(b => b.DistrictCode == districtCode && (b.State == BatchState.Queued || b.State == BatchState.Running))
                    .Select(b => (int?)b.Id).FirstOrDefaultAsync(ct) is { } running)
                throw new DomainException($"“{title}”正在生成（批次 {running}），完成后可下载；无需重复发起。");
            batch = new ReportBatch(districtCode, title, actor.Name, _clock.Now);
            db.Add(batch);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            Starting.Release();
        }
        await _services.GetRequiredService<ScheduledJobs>().RunBatchAsync(batch.Id);
        return batch.Id;
    }

    /// <summary>The job's work: one PDF per site, progress saved after each, the ZIP renamed into place only at the end.</summary>
    public async Task RunAsync(int batchId, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var batch = await db.Set<ReportBatch>().SingleAsync(b => b.Id == batchId, ct);
        if (batch.State != BatchState.Queued) return;
        var sites = await db.Sites.Where(s => s.State != SiteState.Draft && s.State != SiteState.Submitted && s.State != SiteState.Returned)
            .Where(s => batch.DistrictCode == null || db.Districts.Any(d => d.Id == s.DistrictId && d.Code == batch.DistrictCode))
            .OrderBy(s => s.DistrictId).ThenBy(s => s.JointSiteNumber ?? 99).ThenBy(s => s.Street).Select(s => s.Id).ToListAsync(ct);
        batch.Start(sites.Count);
        await db.SaveChangesAsync(ct);
        Directory.CreateDirectory(_folder);
        var part = PartPath(batchId);
        try
        {
            await using (var file = File.Create(part))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                foreach (var siteId in sites)
                {
                    var (pdf, name) = await _reports.AcceptancePdfAsync(City, siteId, ct);
                    await using (var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open()) await entry.WriteAsync(pdf, ct);
                    batch.Advance();
                    await db.SaveChangesAsync(ct);
                }
            }
            File.Move(part, ZipPath(batchId), overwrite: true);
            batch.Complete(_clock.Now);
        }
        catch (OperationCanceledException)
        {
            File.Delete(part);
            Cut(batch, "系统停止时正在生成，已停止；将在系统启动后从头重新生成。");
        }
        catch (Exception e)
        {
            File.Delete(part);
            batch.Fail(e is PdfUnavailableException ? e.Message : $"生成失败：{e.Message}", _clock.Now);
        }
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>
    /// On start: a batch cut off by a crash loses its partial file and goes back to the queue (the job recovery starts
    /// it again), at most <see cref="ReportBatch.MaxRestarts"/> times; a partial ZIP is never offered.
    /// </summary>
    public async Task RecoverAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        var cut = await db.Set<ReportBatch>().Where(b => b.State == BatchState.Running).ToListAsync(ct);
        foreach (var b in cut) Cut(b, "系统异常退出时正在生成；已从头重新生成。");
        await db.SaveChangesAsync(ct);
        if (Directory.Exists(_folder))
            foreach (var part in Directory.EnumerateFiles(_folder, "*.zip.part")) File.Delete(part);
    }

    private void Cut(ReportBatch batch, string reason)
    {
        if (batch.MayRestart) batch.Requeue(reason);
        else batch.Fail($"生成被中断 {batch.Restarts + 1} 次，已停止；请重新生成。", _clock.Now);
    }

    public async Task<IReadOnlyList<ReportBatch>> ListAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        if (!scope.OverseesDistricts) return [];
        var codes = await db.Districts.Select(d => d.Code).ToListAsync(ct);
        return await db.Set<ReportBatch>().AsNoTracking()
            .Where(b => (b.DistrictCode == null && scope.SeesWholeCity) || (b.DistrictCode != null && codes.Contains(b.DistrictCode)))
            .OrderByDescending(b => b.Id).Take(20).ToListAsync(ct);
    }

    /// <summary>Only a completed batch in the user's scope is ever served.</summary>
    public async Task<(string Path, string Name)> OpenAsync(UserScope scope, int batchId, CancellationToken ct = default)
    {
        var batch = (await ListAsync(scope, ct)).SingleOrDefault(b => b.Id == batchId) ?? throw ScopedReads.NotInScope("批量报告", batchId);
        if (batch.State != BatchState.Completed || !File.Exists(ZipPath(batchId)))
            throw new NotFoundException($"“{batch.Title}”尚未生成完成（{batch.StateLabel}）。");
        return (ZipPath(batchId), $"{batch.Title}-{ChinaTime.ToChina(batch.CreatedAt):yyyyMMddHHmm}.zip");
    }

    private string PartPath(int id) => Path.Combine(_folder, $"{id}.zip.part");
    private string ZipPath(int id) => Path.Combine(_folder, $"{id}.zip");
}

public class ReportBatchJob : Quartz.IJob
{
    private readonly ReportBatches _batches;

    public ReportBatchJob(ReportBatches batches) => _batches = batches;

    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken ct) =>
        await _batches.RunAsync(int.Parse(Jobs.ScheduledJobs.Data(context, Jobs.ScheduledJobs.BatchId)!), ct);
}
