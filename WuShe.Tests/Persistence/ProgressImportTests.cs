using Microsoft.EntityFrameworkCore;
using WuShe.App.Excel;
using WuShe.App.Progress;
using WuShe.Domain.Progress;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The progress template round trip and its all-or-nothing import, on SQLite.</summary>
public class ProgressImportTests : SeededApp
{
    private async Task<(int SiteId, int ReportId)> ReportedAsync()
    {
        var (station, scope) = await UserAsync("nanshi");
        var progress = Service<ProgressApplications>();
        var id = await progress.OpenAsync(station, scope, station.SiteId!.Value, 2024, 4);
        await using var db = NewContext();
        var ids = await db.Communities.Where(c => c.SiteId == station.SiteId).OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync();
        await progress.SaveAsync(station, scope, id, 1, ProgressServiceTests.Sample(ids, 1_234_567));
        return (station.SiteId!.Value, id);
    }

    private static byte[] Edit(byte[] workbook, string sheet, int dataRow, string column, string value)
    {
        var book = Xlsx.Read(new MemoryStream(workbook));
        var sheets = book.Values.Select(t => new XlsxSheet(t.Name, t.Headers, t.Rows.Select((r, i) =>
            (IReadOnlyList<object?>)t.Headers.Select(h => (object?)(t.Name == sheet && i == dataRow && h == column ? value : r[h])).ToList()))).ToArray();
        return Xlsx.Write(sheets);
    }

    [Fact]
    public async Task Export_then_import_round_trips_the_report()
    {
        var (siteId, reportId) = await ReportedAsync();
        var (station, scope) = await UserAsync("nanshi");
        var (bytes, name) = await Service<ProgressWorkbook>().TemplateAsync(scope, siteId, null, 2024, 4);
        Assert.Equal("进展填报模板-南市街道-2024-04.xlsx", name);

        await using var before = NewContext();
        var original = (await before.ProgressReports.SingleAsync(r => r.Id == reportId)).Content;
        var result = await Service<ProgressWorkbook>().ImportAsync(station, scope, new MemoryStream(bytes));
        Assert.True(result.Saved, string.Join("\n", result.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Message}")));

        await using var after = NewContext();
        var imported = (await after.ProgressReports.SingleAsync(r => r.Id == reportId)).Content;
        Assert.Equal(original.FullTimeSocialWorkers, imported.FullTimeSocialWorkers);
        Assert.Equal(original.FundSetUpOn, imported.FundSetUpOn);
        Assert.Equal(original.Communities, imported.Communities);
        Assert.Equal(original.Donations.Select(d => (d.ReceivedAt, d.Donor, d.Kind, d.AmountFen, d.Year)),
            imported.Donations.Select(d => (d.ReceivedAt, d.Donor, d.Kind, d.AmountFen, d.Year)));
        Assert.Equal(original.Activities.Select(a => (a.Area, a.HeldOn, a.Title, a.Beneficiaries)), imported.Activities.Select(a => (a.Area, a.HeldOn, a.Title, a.Beneficiaries)));
        Assert.Equal(original.Organisations.Select(o => (o.Name, o.Status, o.CultivatedOn)), imported.Organisations.Select(o => (o.Name, o.Status, o.CultivatedOn)));
        Assert.Equal(original.Promotions.Select(p => (p.Kind, p.Title)), imported.Promotions.Select(p => (p.Kind, p.Title)));
        Assert.Equal(1, await after.AuditEntries.CountAsync(a => a.Action == "Excel 导入进展"));
    }

    [Fact]
    public async Task A_district_template_round_trips_untouched_when_a_station_has_submitted_in_between()
    {
        var (station, stationScope) = await UserAsync("nanshi");
        var progress = Service<ProgressApplications>();
        var reportId = await progress.OpenAsync(station, stationScope, station.SiteId!.Value, 2024, 5);
        await using (var db = NewContext())
            await progress.SaveAsync(station, stationScope, reportId, 1, ProgressServiceTests.Sample(
                await db.Communities.Where(c => c.SiteId == station.SiteId).OrderBy(c => c.SortOrder).Select(c => c.Id).ToListAsync(), 1_234_567));
        var (officer, scope) = await UserAsync("heping");
        var (admin, adminScope) = await UserAsync("admin");
        var applications = Service<WuShe.App.Sites.SiteApplications>();
        var other = await applications.CreateDraftAsync(officer, scope, WuShe.Tests.Domain.SiteLifecycleTests.Valid() with { Street = "劝业场街道" });
        await applications.ApproveAsync(admin, adminScope, other, await applications.SubmitAsync(officer, scope, other, 1));
        var workbook = Service<ProgressWorkbook>();
        var (before, _) = await workbook.TemplateAsync(scope, null, "120101", 2024, 5);
        Assert.Equal(new[] { "南市街道", "劝业场街道" }, Xlsx.Read(new MemoryStream(before))[ProgressWorkbook.SitesSheet].Rows.Select(r => r["街镇"]));
        // 劝业场街道 was approved in May: April's template has no row it could not import.
        var (april, _) = await workbook.TemplateAsync(scope, null, "120101", 2024, 4);
        Assert.Equal(new[] { "南市街道" }, Xlsx.Read(new MemoryStream(april))[ProgressWorkbook.SitesSheet].Rows.Select(r => r["街镇"]));

        // The station submits May after the clerk downloaded the template.
        await using (var db = NewContext())
            await progress.SubmitAsync(station, stationScope, reportId, (await db.ProgressReports.SingleAsync(r => r.Id == reportId)).Version);

        // Untouched: the submitted station is skipped, the unfilled new site too, both named; nothing is refused.
        var untouched = await workbook.ImportAsync(officer, scope, new MemoryStream(before));
        Assert.True(untouched.Saved, string.Join("\n", untouched.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Message}")));
        Assert.Equal(0, untouched.Sites);
        Assert.Equal(new[] { "“南市街道”2024年5月进展已提交，未导入（如需更正请先退回）。", "“劝业场街道”未填写本期数据，未导入。" }, untouched.SkippedSites);

        // Filled in for the new site: it is imported, the submitted station still skipped and unchanged.
        var filled = Fill(before, "劝业场街道");
        var result = await workbook.ImportAsync(officer, scope, new MemoryStream(filled));
        Assert.True(result.Saved, string.Join("\n", result.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Message}")));
        Assert.Equal(1, result.Sites);
        Assert.Equal("“南市街道”2024年5月进展已提交，未导入（如需更正请先退回）。", Assert.Single(result.SkippedSites));
        await using (var db = NewContext())
        {
            Assert.Equal(ReportState.Submitted, (await db.ProgressReports.SingleAsync(r => r.Id == reportId)).State);
            Assert.Equal(ReportState.Draft, (await db.ProgressReports.SingleAsync(r => r.SiteId == other && r.PeriodMonth == 5)).State);
        }

        // A template downloaded now leaves the submitted station out of the sheets and lists it read-only.
        var (after, _) = await workbook.TemplateAsync(scope, null, "120101", 2024, 5);
        var book = Xlsx.Read(new MemoryStream(after));
        Assert.Equal(new[] { "劝业场街道" }, book[ProgressWorkbook.SitesSheet].Rows.Select(r => r["街镇"]));
        Assert.DoesNotContain(book[ProgressWorkbook.CommunitiesSheet].Rows, r => r["街镇"] == "南市街道");
        Assert.Equal(new[] { "南市街道" }, book[ProgressWorkbook.SubmittedSheet].Rows.Select(r => r["街镇"]));
        var again = await workbook.ImportAsync(officer, scope, new MemoryStream(after));
        Assert.True(again.Saved, string.Join("\n", again.Errors.Select(e => $"{e.Sheet} {e.Row} {e.Message}")));
        Assert.Empty(again.SkippedSites);
    }

    /// <summary>The site's figures typed into the template: workers on its site row, every community's counts.</summary>
    private static byte[] Fill(byte[] workbook, string street)
    {
        var book = Xlsx.Read(new MemoryStream(workbook));
        string Value(XlsxTable t, XlsxRow r, string h) => r["街镇"] != street ? r[h]
            : t.Name == ProgressWorkbook.SitesSheet && h == "专职社工人数" ? "2"
            : t.Name == ProgressWorkbook.CommunitiesSheet && h is "参与的“两委”成员" or "参与的持证社区工作者" or "志愿服务组织（团队）" ? "1"
            : t.Name == ProgressWorkbook.CommunitiesSheet && h is "注册志愿者" or "本年有服务时长记录的志愿者" ? "100"
            : r[h];
        return Xlsx.Write(book.Values.Select(t => new XlsxSheet(t.Name, t.Headers,
            t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)Value(t, r, h)).ToList()))).ToArray());
    }

    [Fact]
    public async Task A_good_file_saves_a_new_period_for_every_site_in_it()
    {
        await ReportedAsync();
        var (station, scope) = await UserAsync("nanshi");
        var workbook = Service<ProgressWorkbook>();
        var (april, _) = await workbook.TemplateAsync(scope, station.SiteId, null, 2024, 4);
        var may = Edit(Edit(april, ProgressWorkbook.SitesSheet, 0, "填报期间", "2024-05"), ProgressWorkbook.DonationsSheet, 0, "金额（元）", "8888.88");

        var preview = await workbook.ImportAsync(station, scope, new MemoryStream(may), preview: true);
        Assert.True(preview is { Preview: true, Passes: true, Saved: false, Sites: 1 }, string.Join("\n", preview.Errors.Select(e => e.Message)));
        await using (var unchanged = NewContext())
            Assert.False(await unchanged.ProgressReports.AnyAsync(r => r.SiteId == station.SiteId && r.PeriodMonth == 5));

        var result = await workbook.ImportAsync(station, scope, new MemoryStream(may));
        Assert.True(result.Saved, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(preview.Rows, result.Rows);
        await using var db = NewContext();
        var saved = await db.ProgressReports.SingleAsync(r => r.SiteId == station.SiteId && r.PeriodMonth == 5);
        Assert.Equal(ReportState.Draft, saved.State);
        Assert.Equal(888_888, saved.Donations[0].AmountFen);
        Assert.Equal(3, saved.Communities.Count);
    }

    [Fact]
    public async Task One_bad_row_saves_nothing_and_every_bad_row_is_reported()
    {
        var (siteId, reportId) = await ReportedAsync();
        var (station, scope) = await UserAsync("nanshi");
        var workbook = Service<ProgressWorkbook>();
        var (bytes, _) = await workbook.TemplateAsync(scope, siteId, null, 2024, 4);
        bytes = Edit(bytes, ProgressWorkbook.DonationsSheet, 0, "金额（元）", "12,345.678");
        bytes = Edit(bytes, ProgressWorkbook.CommunitiesSheet, 2, "注册志愿者", "九百");
        bytes = Edit(bytes, ProgressWorkbook.ActivitiesSheet, 0, "领域", "文化娱乐");
        bytes = Edit(bytes, ProgressWorkbook.CommunitiesSheet, 1, "社区", "不存在社区");
        bytes = Edit(bytes, ProgressWorkbook.SitesSheet, 0, "专职社工人数", "1");

        await using var before = NewContext();
        var version = (await before.ProgressReports.SingleAsync(r => r.Id == reportId)).Version;
        var result = await workbook.ImportAsync(station, scope, new MemoryStream(bytes));

        Assert.False(result.Saved);
        Assert.Contains(result.Errors, e => e.Sheet == "筹款" && e.Row == 2 && e.Message.Contains("最多两位小数"));
        Assert.Contains(result.Errors, e => e.Sheet == "社区" && e.Row == 4 && e.Message.Contains("“注册志愿者”应为不小于 0 的整数，实际为“九百”"));
        Assert.Contains(result.Errors, e => e.Sheet == "服务活动" && e.Row == 2 && e.Message.Contains("“领域”应为"));
        Assert.Contains(result.Errors, e => e.Sheet == "社区" && e.Row == 3 && e.Message.Contains("没有社区“不存在社区”"));
        await using var after = NewContext();
        var report = await after.ProgressReports.SingleAsync(r => r.Id == reportId);
        Assert.Equal(version, report.Version);
        Assert.Equal(2, report.FullTimeSocialWorkers);
        Assert.Equal(0, await after.AuditEntries.CountAsync(a => a.Action == "Excel 导入进展"));
    }

    [Fact]
    public async Task Another_districts_site_in_the_file_is_refused()
    {
        var (siteId, _) = await ReportedAsync();
        var (_, stationScope) = await UserAsync("nanshi");
        var (bytes, _) = await Service<ProgressWorkbook>().TemplateAsync(stationScope, siteId, null, 2024, 4);
        var (binhai, binhaiScope) = await UserAsync("binhai");
        var result = await Service<ProgressWorkbook>().ImportAsync(binhai, binhaiScope, new MemoryStream(bytes));
        Assert.False(result.Saved);
        Assert.Contains(result.Errors, e => e.Sheet == "创建点" && e.Message.Contains("找不到您权限范围内的创建点“和平区 南市街道”"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_in_Chinese()
    {
        var (station, scope) = await UserAsync("nanshi");
        var result = await Service<ProgressWorkbook>().ImportAsync(station, scope, new MemoryStream("不是表格"u8.ToArray()));
        Assert.Contains("不是有效的 Excel", Assert.Single(result.Errors).Message);
    }
}
