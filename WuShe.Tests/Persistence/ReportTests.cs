using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Evaluations;
using WuShe.App.Jobs;
using WuShe.App.Reports;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Evaluations;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>Evaluations through acceptance, and the PDFs and ZIP they print, read back with poppler.</summary>
public class ReportTests : SeededApp
{
    private static readonly string[] SevenStandards = { "创建社区基金", "壮大社会工作人才队伍", "开展社会工作专业服务", "培育社区社会组织", "开展社区志愿服务", "撬动社会慈善资源", "做好总结推广" };

    /// <summary>A 滨海新区 district site taken through application, approval, mid-term and final evaluation, and acceptance.</summary>
    private async Task<int> AcceptedSiteAsync(string street)
    {
        var (officer, officerScope) = await UserAsync("binhai");
        var (admin, adminScope) = await UserAsync("admin");
        var sites = Service<SiteApplications>();
        var id = await sites.CreateDraftAsync(officer, officerScope, SiteLifecycleTests.Valid() with { Street = street });
        var v = await sites.SubmitAsync(officer, officerScope, id, 1);
        await sites.ApproveAsync(admin, adminScope, id, v);

        var evaluations = Service<EvaluationApplications>();
        foreach (var (phase, scores) in new[] { (EvaluationPhase.MidTerm, new decimal[] { 16, 15, 14, 15, 16 }), (EvaluationPhase.Final, new decimal[] { 19, 18, 17, 18, 17 }) })
        {
            var e = await evaluations.OpenAsync(officer, officerScope, id, phase, Array.Empty<int>());
            var version = await evaluations.ScoreAsync(officer, officerScope, e, 0,
                scores.Select((p, i) => ($"d{i + 1}", p)).ToDictionary(x => x.Item1, x => x.p), $"{phase.Label()}评估：服务扎实");
            await evaluations.SubmitAsync(officer, officerScope, e, version);
        }
        await evaluations.DecideAsync(admin, adminScope, id, accept: true, "七项标准推进扎实，末期评估优秀，准予结项");
        return id;
    }

    [Fact]
    public async Task The_acceptance_report_reads_back_with_the_site_standards_scores_conclusion_and_page_numbers()
    {
        var id = await AcceptedSiteAsync("示例验收街道");
        var (admin, scope) = await UserAsync("admin");
        var (pdf, name) = await Service<ReportService>().AcceptancePdfAsync(scope, id);
        Assert.Equal("结项报告-滨海新区-示例验收街道.pdf", name);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var text = PdfTools.Text(pdf);
        Assert.Contains("示例验收街道", text);
        Assert.All(SevenStandards, s => Assert.Contains(s, text));
        Assert.Contains("89", text);          // final mean 19+18+17+18+17
        Assert.Contains("良好", text);
        Assert.Contains("通过结项", text);
        Assert.Contains("准予结项", text);
        Assert.Matches(@"第\s*1\s*页\s*/\s*共\s*\d+\s*页", text); // pdftotext may drop the thin spaces of the footer
        Assert.Matches(@"第\s*2\s*页", text);
        Assert.Contains("WS-", text);
        Assert.Contains("盖章", text);

        var folder = Directory.CreateTempSubdirectory("wushe-pdf-").FullName;
        Assert.True(PdfTools.RenderPages(pdf, folder) >= 2);
    }

    [Fact]
    public async Task A_two_site_district_summary_lists_both_sites()
    {
        await AcceptedSiteAsync("示例汇总街道");
        var (_, scope) = await UserAsync("binhai");
        var (pdf, _) = await Service<ReportService>().SummaryPdfAsync(scope, "120116");
        var text = PdfTools.Text(pdf);
        Assert.Contains("滨海新区创建情况汇总", text);
        Assert.Contains("泰达街道", text);
        Assert.Contains("示例汇总街道", text);
        Assert.Contains("通过结项", text);
        Assert.Contains("2023-11-30", text);
    }

    [Fact]
    public async Task A_district_batch_zip_holds_one_valid_pdf_per_site_and_is_served_only_when_complete()
    {
        await AcceptedSiteAsync("示例批量街道");
        await using (await StartJobsAsync())
        {
            var (officer, scope) = await UserAsync("binhai");
            var batches = Service<ReportBatches>();
            var batchId = await batches.StartAsync(officer, scope, "120116");
            ReportBatch? batch = null;
            for (var i = 0; i < 300 && batch?.State is not (BatchState.Completed or BatchState.Failed); i++)
            {
                await Task.Delay(100);
                batch = (await batches.ListAsync(scope)).Single(b => b.Id == batchId);
            }
            Assert.Equal(BatchState.Completed, batch!.State);
            Assert.Equal(2, batch.Total);
            Assert.Equal(2, batch.Done);

            var (path, name) = await batches.OpenAsync(scope, batchId);
            Assert.StartsWith("滨海新区结项报告", name);
            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(2, zip.Entries.Count);
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                Assert.Contains("结项报告", PdfTools.Text(copy.ToArray()));
            }
            Assert.Contains(zip.Entries, e => e.Name.Contains("泰达街道"));

            var (_, hepingScope) = await UserAsync("heping");
            await Assert.ThrowsAsync<WuShe.App.Hosting.NotFoundException>(() => batches.OpenAsync(hepingScope, batchId));
            await Assert.ThrowsAsync<WuShe.App.Hosting.NotFoundException>(() => batches.StartAsync(officer, hepingScope, "120116"));
        }
    }

    [Fact]
    public async Task A_batch_cut_off_by_a_crash_goes_back_to_the_queue_offers_no_file_and_is_failed_after_two_restarts()
    {
        int id;
        await using (var db = NewContext())
        {
            var batch = new ReportBatch("120116", "滨海新区结项报告", "测试", DateTimeOffset.UtcNow);
            batch.Start(5);
            db.Add(batch);
            await db.SaveChangesAsync();
            id = batch.Id;
        }
        var folder = Path.Combine(Path.GetDirectoryName(NewContext().Database.GetDbConnection().DataSource)!, "batches");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"{id}.zip.part"), "半个文件");
        var (_, scope) = await UserAsync("admin");
        var batches = Service<ReportBatches>();

        await batches.RecoverAsync();
        var cut = Assert.Single(await batches.ListAsync(scope));
        Assert.Equal((BatchState.Queued, 1, 0), (cut.State, cut.Restarts, cut.Done));
        Assert.Contains("重新生成", cut.Error);
        Assert.Empty(Directory.GetFiles(folder, "*.part"));
        await Assert.ThrowsAsync<WuShe.App.Hosting.NotFoundException>(() => batches.OpenAsync(scope, id));

        for (var crash = 2; crash <= 3; crash++)
        {
            await using (var db = NewContext())
            {
                (await db.Set<ReportBatch>().SingleAsync(b => b.Id == id)).Start(5); // started again, and cut off again
                await db.SaveChangesAsync();
            }
            await batches.RecoverAsync();
        }
        var failed = Assert.Single(await batches.ListAsync(scope));
        Assert.Equal(BatchState.Failed, failed.State);
        Assert.Contains("请重新生成", failed.Error);
    }

    [Fact]
    public async Task A_stop_cancels_a_running_batch_at_once_and_the_next_start_makes_the_whole_zip()
    {
        var (officer, scope) = await UserAsync("admin");
        var batches = Service<ReportBatches>();
        int batchId;
        await using (await StartJobsAsync())
        {
            batchId = await batches.StartAsync(officer, scope, null);
            await WaitForBatchAsync(batchId, b => b.Done >= 1);
        } // the stop: cancels the job instead of waiting for the remaining reports
        var stopped = (await batches.ListAsync(scope)).Single(b => b.Id == batchId);
        Assert.Equal(BatchState.Queued, stopped.State);
        Assert.True(stopped.Done < 11, $"停止时应已取消，却生成了 {stopped.Done} 份");
        Assert.Contains("系统停止", stopped.Error);
        await Assert.ThrowsAsync<WuShe.App.Hosting.NotFoundException>(() => batches.OpenAsync(scope, batchId));

        await RestartAsync();
        batches = Service<ReportBatches>();
        await using (await StartJobsAsync())
        {
            var done = await WaitForBatchAsync(batchId, b => b.State is BatchState.Completed or BatchState.Failed);
            Assert.Equal((BatchState.Completed, done.Total), (done.State, done.Done));
            var (path, _) = await batches.OpenAsync(scope, batchId);
            using var zip = ZipFile.OpenRead(path);
            Assert.Equal(done.Total, zip.Entries.Count);
        }
    }

    private async Task<ReportBatch> WaitForBatchAsync(int batchId, Func<ReportBatch, bool> condition)
    {
        var (_, scope) = await UserAsync("admin");
        for (var i = 0; i < 1200; i++)
        {
            var batch = (await Service<ReportBatches>().ListAsync(scope)).Single(b => b.Id == batchId);
            if (condition(batch)) return batch;
            await Task.Delay(50);
        }
        throw new TimeoutException("批量生成在 60 秒内未到达预期状态。");
    }
}
