using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Excel;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Progress;

/// <summary>One problem of an import: the sheet, the row, the column (when one cell is wrong) and what is wrong.</summary>
public sealed record ImportError(string Sheet, int Row, string Message, string? Column = null);

/// <param name="Skipped">Sites left as they are because their report for the period is already submitted, with why.</param>
/// <param name="Preview">Checked only: nothing was saved, <see cref="Sites"/> and <see cref="Rows"/> say what an import would save.</param>
public sealed record ImportResult(IReadOnlyList<ImportError> Errors, int Sites, int Rows, IReadOnlyList<string>? Skipped = null, bool Preview = false)
{
    public bool Saved => Errors.Count == 0 && !Preview;
    public bool Passes => Errors.Count == 0;
    public IReadOnlyList<string> SkippedSites => Skipped ?? Array.Empty<string>();
}

/// <summary>
/// The progress template the system hands out (per site or per district, one period, Chinese headers, real names,
/// prefilled with what is already reported) and its import: every row is checked — parsing and the domain's own
/// rules — and every error is listed with its sheet and row before anything is saved; then all sites are saved in
/// one transaction, or none.
/// </summary>
public class ProgressWorkbook
{
    /// <summary>Sites whose report for the period is submitted: listed for reference, never imported.</summary>
    public const string SubmittedSheet = "已提交（不导入）";
    public const string SitesSheet = "创建点", CommunitiesSheet = "社区", DonationsSheet = "筹款", ActivitiesSheet = "服务活动",
        OrganisationsSheet = "社会组织", PromotionsSheet = "总结推广", NotesSheet = "填写说明";

    private static readonly string[] SiteHeaders = { "区划", "街镇", "填报期间", "专职社工人数", "已设立社区基金", "依托慈善组织", "具有公开募捐资格", "基金设立日期" };
    /// <summary>服务站情况: written in every template, read when present (a template from before they existed still imports).</summary>
    private static readonly string[] StationHeaders = { "服务站面积（平方米）", "服务站工作人员", "服务站年度经费（元）" };
    private static readonly string[] CommunityHeaders = { "区划", "街镇", "社区", "参与的“两委”成员", "参与的持证社区工作者", "志愿服务组织（团队）", "常住人口", "注册志愿者", "本年有服务时长记录的志愿者" };
    /// <summary>持证比例's numbers: written in every template, read when present.</summary>
    private static readonly string[] WorkerHeaders = { "社区工作者总数", "其中持社会工作者证书" };
    private static readonly string[] DonationHeaders = { "区划", "街镇", "时间", "捐赠方", "类型", "说明", "金额（元）" };
    private static readonly string[] ActivityHeaders = { "区划", "街镇", "日期", "领域", "活动名称", "受益人数" };
    private static readonly string[] OrganisationHeaders = { "区划", "街镇", "名称", "类型", "登记或备案", "日期" };
    /// <summary>所属社区: written in every template, read when present; empty for an organisation of the whole street.</summary>
    private const string OrganisationCommunity = "所属社区";
    private static readonly string[] PromotionHeaders = { "区划", "街镇", "类别", "题目", "日期", "渠道" };

    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;

    public ProgressWorkbook(IDbContextFactory<WuSheDbContext> contexts, IClock clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    /// <summary>The template of one period for one site, or for every site in creation of a district.</summary>
    public async Task<(byte[] Bytes, string FileName)> TemplateAsync(UserScope scope, int? siteId, string? districtCode, int year, int month, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var reporting = await ReportingAsync(db, ct);
        var periodStart = new DateOnly(year, month, 1);
        // Only sites that can report this period: none whose first reporting month is later (a site approved since).
        var sites = (await SitesAsync(db, scope, siteId, districtCode, ct))
            .Where(s => s.ApprovedAt is not { } at || ProgressReport.FirstPeriodStart(s.Tier, ChinaTime.ToChina(at), reporting[s.CampaignId].StartsOn) <= periodStart).ToList();
        if (sites.Count == 0) throw new NotFoundException($"{year}年{month}月没有可以填报进展的创建点。");
        var districts = await db.Districts.Where(d => sites.Select(s => s.DistrictId).Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var ids = sites.Select(s => s.Id).ToList();
        var existing = await db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.SiteId) && r.PeriodYear == year && r.PeriodMonth == month)
            .ToDictionaryAsync(r => r.SiteId, ct);
        var contents = new List<(Site Site, string District, ReportContent Content)>();
        var submitted = new List<IReadOnlyList<object?>>();
        foreach (var s in sites)
        {
            if (existing.TryGetValue(s.Id, out var r) && r.State == ReportState.Submitted)
            {
                submitted.Add(Row(districts[s.DistrictId], s.Street, r.PeriodLabel, r.SubmittedAt is { } at ? ChinaTime.ToChina(at).ToString("yyyy-MM-dd HH:mm") : "", r.SubmittedBy));
                continue;
            }
            contents.Add((s, districts[s.DistrictId], r is not null ? r.Content
                : ProgressApplications.Prefill(s, await ProgressApplications.LatestAsync(db, s.Id, ct))));
        }
        var period = $"{year:0000}-{month:00}";
        var bytes = Xlsx.Write(
            new XlsxSheet(NotesSheet, new[] { "填写说明" }, Notes(period).Select(n => (IReadOnlyList<object?>)new object?[] { n })),
            new XlsxSheet(SubmittedSheet, new[] { "区划", "街镇", "期间", "提交时间", "提交人" }, submitted),
            new XlsxSheet(SitesSheet, [.. SiteHeaders, .. StationHeaders], contents.Select(c => Row(c.District, c.Site.Street, period, c.Content.FullTimeSocialWorkers,
                YesNo(c.Content.FundEstablished), c.Content.FundCharity, YesNo(c.Content.FundCharityHasPublicFundraisingStatus), c.Content.FundSetUpOn?.ToString("yyyy-MM-dd"),
                c.Content.StationOrNone.FloorAreaSquareMetres, c.Content.StationOrNone.Staff,
                c.Content.StationOrNone.AnnualFundingFen is { } fen ? Money.ToYuan(fen) : null))),
            new XlsxSheet(CommunitiesSheet, [.. CommunityHeaders, .. WorkerHeaders], contents.SelectMany(c => c.Site.Communities.OrderBy(x => x.SortOrder).Select(x =>
            {
                var f = c.Content.Communities.FirstOrDefault(f => f.CommunityId == x.Id);
                return Row(c.District, c.Site.Street, x.Name, f?.CommitteeMembers, f?.CertifiedWorkers, f?.VolunteerTeams, f?.ResidentPopulation,
                    f?.RegisteredVolunteers, f?.ActiveVolunteers, f?.CommunityWorkers, f?.CertifiedCommunityWorkers);
            }))),
            new XlsxSheet(DonationsSheet, DonationHeaders, contents.SelectMany(c => c.Content.Donations.Select(d => Row(c.District, c.Site.Street,
                ChinaTime.ToChina(d.ReceivedAt).ToString("yyyy-MM-dd HH:mm"), d.Donor, d.Kind.Label(), d.Description, Money.ToYuan(d.AmountFen))))),
            new XlsxSheet(ActivitiesSheet, ActivityHeaders, contents.SelectMany(c => c.Content.Activities.Select(a => Row(c.District, c.Site.Street,
                a.HeldOn.ToString("yyyy-MM-dd"), a.Area.Label(), a.Title, a.Beneficiaries)))),
            new XlsxSheet(OrganisationsSheet, [.. OrganisationHeaders, OrganisationCommunity], contents.SelectMany(c => c.Content.Organisations.Select(o => Row(c.District, c.Site.Street,
                o.Name, o.Type, o.Status.Label(), o.CultivatedOn.ToString("yyyy-MM-dd"), c.Site.Communities.FirstOrDefault(x => x.Id == o.CommunityId)?.Name ?? "")))),
            new XlsxSheet(PromotionsSheet, PromotionHeaders, contents.SelectMany(c => c.Content.Promotions.Select(p => Row(c.District, c.Site.Street,
                p.Kind.Label(), p.Title, p.PublishedOn.ToString("yyyy-MM-dd"), p.Outlet)))));
        var name = siteId is not null ? sites[0].Street : districtCode is not null ? districts.Values.FirstOrDefault() ?? districtCode : "全市";
        return (bytes, $"进展填报模板-{name}-{period}.xlsx");
    }

    /// <param name="preview">Check everything and say what would be saved, but save nothing (导入预览).</param>
    /// <summary>The template column of a report field ("Donations[2].AmountFen" → 金额（元）), null when the field has none.</summary>
    private static string? ColumnOf(string sheet, string field)
    {
        var name = field.Split('.').Last().Split('[')[0];
        return (sheet, name) switch
        {
            (_, nameof(ReportContent.FullTimeSocialWorkers)) => "专职社工人数",
            (_, nameof(ReportContent.FundCharity)) => "依托慈善组织",
            (_, nameof(ReportContent.FundCharityHasPublicFundraisingStatus)) => "具有公开募捐资格",
            (_, nameof(ReportContent.FundSetUpOn)) => "基金设立日期",
            (_, nameof(StationFigures.FloorAreaSquareMetres)) => StationHeaders[0],
            (_, nameof(StationFigures.Staff)) => StationHeaders[1],
            (_, nameof(StationFigures.AnnualFundingFen)) => StationHeaders[2],
            (CommunitiesSheet, nameof(CommunityFigures.CommitteeMembers)) => "参与的“两委”成员",
            (CommunitiesSheet, nameof(CommunityFigures.CertifiedWorkers)) => "参与的持证社区工作者",
            (CommunitiesSheet, nameof(CommunityFigures.CommunityWorkers)) => WorkerHeaders[0],
            (CommunitiesSheet, nameof(CommunityFigures.CertifiedCommunityWorkers)) => WorkerHeaders[1],
            (CommunitiesSheet, nameof(CommunityFigures.VolunteerTeams)) => "志愿服务组织（团队）",
            (CommunitiesSheet, nameof(CommunityFigures.ResidentPopulation)) => "常住人口",
            (CommunitiesSheet, nameof(CommunityFigures.RegisteredVolunteers)) => "注册志愿者",
            (CommunitiesSheet, nameof(CommunityFigures.ActiveVolunteers)) => "本年有服务时长记录的志愿者",
            (DonationsSheet, nameof(DonationEntry.ReceivedAt)) => "时间",
            (DonationsSheet, nameof(DonationEntry.Donor)) => "捐赠方",
            (DonationsSheet, nameof(DonationEntry.Kind)) => "类型",
            (DonationsSheet, nameof(DonationEntry.Description)) => "说明",
            (DonationsSheet, nameof(DonationEntry.AmountFen)) => "金额（元）",
            (ActivitiesSheet, nameof(ServiceActivityEntry.HeldOn)) => "日期",
            (ActivitiesSheet, nameof(ServiceActivityEntry.Area)) => "领域",
            (ActivitiesSheet, nameof(ServiceActivityEntry.Title)) => "活动名称",
            (ActivitiesSheet, nameof(ServiceActivityEntry.Beneficiaries)) => "受益人数",
            (OrganisationsSheet, nameof(OrganisationEntry.Name)) => "名称",
            (OrganisationsSheet, nameof(OrganisationEntry.Type)) => "类型",
            (OrganisationsSheet, nameof(OrganisationEntry.Status)) => "登记或备案",
            (OrganisationsSheet, nameof(OrganisationEntry.CultivatedOn)) => "日期",
            (OrganisationsSheet, nameof(OrganisationEntry.CommunityId)) => OrganisationCommunity,
            (PromotionsSheet, nameof(PromotionEntry.Kind)) => "类别",
            (PromotionsSheet, nameof(PromotionEntry.Title)) => "题目",
            (PromotionsSheet, nameof(PromotionEntry.PublishedOn)) => "日期",
            (PromotionsSheet, nameof(PromotionEntry.Outlet)) => "渠道",
            _ => null,
        };
    }

    /// <summary>
    /// 错误工作簿: the workbook the user uploaded, as it was, with each wrong cell filled red, a column 错误说明 on every sheet
    /// saying what is wrong in that row, and a first sheet 错误清单 listing every problem — so the file can be fixed and imported again.
    /// </summary>
    public static byte[] ErrorWorkbook(Stream uploaded, IReadOnlyList<ImportError> errors)
    {
        var book = Xlsx.Read(uploaded);
        var list = new XlsxSheet("错误清单", ["工作表", "行", "列", "问题"],
            errors.Select(e => (IReadOnlyList<object?>)[e.Sheet, e.Row == 0 ? "" : e.Row, e.Column ?? "", e.Message]));
        var sheets = book.Values.Select(t =>
        {
            var mine = errors.Where(e => e.Sheet == t.Name).ToList();
            var headers = t.Headers.Append("错误说明").ToList();
            var rows = t.Rows.Select(r => (IReadOnlyList<object?>)t.Headers.Select(h => (object?)r[h])
                .Append(string.Join("；", mine.Where(e => e.Row == r.Number).Select(e => e.Message))).ToList()).ToList();
            var position = t.Rows.Select((r, i) => (r.Number, i)).ToDictionary(x => x.Number, x => x.i);
            var marks = mine.Where(e => position.ContainsKey(e.Row))
                .Select(e => (Row: position[e.Row], Column: e.Column is { } c && headers.IndexOf(c) is >= 0 and var at ? at : headers.Count - 1))
                .ToHashSet();
            // Each row goes back to its own row number (the reader leaves out empty rows), so the numbers in 错误清单 match the file.
            return new XlsxSheet(t.Name, headers, rows) { Marked = marks, RowNumbers = t.Rows.Select(r => r.Number).ToList() };
        });
        return Xlsx.Write(sheets.Prepend(list).ToArray());
    }

    public async Task<ImportResult> ImportAsync(Actor actor, UserScope scope, Stream file, CancellationToken ct = default, bool preview = false)
    {
        IReadOnlyDictionary<string, XlsxTable> book;
        try
        {
            book = Xlsx.Read(file);
        }
        catch (XlsxRefusedException e)
        {
            return new(new[] { new ImportError(e.Sheet, e.Row, e.Message) }, 0, 0);
        }
        var errors = new List<ImportError>();
        foreach (var (sheet, headers) in new[] { (SitesSheet, SiteHeaders), (CommunitiesSheet, CommunityHeaders), (DonationsSheet, DonationHeaders),
                     (ActivitiesSheet, ActivityHeaders), (OrganisationsSheet, OrganisationHeaders), (PromotionsSheet, PromotionHeaders) })
        {
            if (!book.TryGetValue(sheet, out var table)) errors.Add(new(sheet, 0, $"缺少工作表“{sheet}”，请使用系统下载的模板。"));
            else foreach (var missing in headers.Except(table.Headers)) errors.Add(new(sheet, 1, $"缺少列“{missing}”。"));
        }
        if (errors.Count > 0) return new(errors, 0, 0);

        await using var db = await _contexts.ForAsync(scope, ct);
        var sites = await db.Sites.Include(s => s.Communities).Include(s => s.Transitions).ToListAsync(ct);
        var reporting = await ReportingAsync(db, ct);
        var districts = await db.Districts.ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var drafts = new Dictionary<int, Draft>();
        var skipped = new HashSet<int>();
        var notices = new List<string>();
        Site? SiteOf(XlsxRow row) => sites.FirstOrDefault(s => districts[s.DistrictId] == row["区划"] && s.Street == row["街镇"]);
        void Skip(Draft d, string notice)
        {
            drafts.Remove(d.Site.Id);
            skipped.Add(d.Site.Id);
            notices.Add(notice);
        }
        Site? Find(string sheet, XlsxRow row)
        {
            var site = SiteOf(row);
            if (site is null) errors.Add(new(sheet, row.Number, $"找不到您权限范围内的创建点“{row["区划"]} {row["街镇"]}”。"));
            else if (skipped.Contains(site.Id)) return null;
            else if (!drafts.ContainsKey(site.Id) && sheet != SitesSheet) { errors.Add(new(sheet, row.Number, $"“{site.Street}”不在“{SitesSheet}”表中。")); return null; }
            return site;
        }
        foreach (var row in book[SitesSheet].Rows)
        {
            var p = new RowParser(SitesSheet, row, errors);
            if (Find(SitesSheet, row) is not { } site) continue;
            if (drafts.ContainsKey(site.Id)) { errors.Add(new(SitesSheet, row.Number, $"“{site.Street}”出现了两次。")); continue; }
            var period = p.Date("填报期间", row["填报期间"] + "-01");
            var established = p.YesNo("已设立社区基金");
            drafts[site.Id] = new Draft(site, row.Number, period, new ReportContent(p.Int("专职社工人数"), established, row["依托慈善组织"],
                p.YesNo("具有公开募捐资格"), row["基金设立日期"] == "" ? null : p.Date("基金设立日期"),
                new List<CommunityFigures>(), new List<OrganisationEntry>(), new List<DonationEntry>(), new List<ServiceActivityEntry>(), new List<PromotionEntry>(),
                new StationFigures(p.Int(StationHeaders[0]), p.Int(StationHeaders[1]), row[StationHeaders[2]] == "" ? null : p.Fen(StationHeaders[2]))));
        }
        // Each site's report for its period, if there is one; one already submitted is left as it is: its rows are skipped
        // with a notice, never an error.
        var headSites = drafts.Keys.ToList();
        var existing = await db.ProgressReports.Where(r => headSites.Contains(r.SiteId)).ToListAsync(ct);
        foreach (var d in drafts.Values.ToList())
        {
            d.Report = existing.FirstOrDefault(r => r.SiteId == d.Site.Id && r.PeriodYear == d.Period.Year && r.PeriodMonth == d.Period.Month);
            if (d.Report?.State == ReportState.Submitted) Skip(d, $"“{d.Site.Street}”{d.Report.PeriodLabel}进展已提交，未导入（如需更正请先退回）。");
        }
        foreach (var row in book[CommunitiesSheet].Rows)
        {
            if (Find(CommunitiesSheet, row) is not { } site || !drafts.TryGetValue(site.Id, out var draft)) continue;
            var community = site.Communities.FirstOrDefault(c => c.Name == row["社区"]);
            if (community is null) { errors.Add(new(CommunitiesSheet, row.Number, $"“{site.Street}”没有社区“{row["社区"]}”。")); continue; }
            var p = new RowParser(CommunitiesSheet, row, errors);
            draft.Add(row.Number, "Communities", new CommunityFigures(community.Id, p.Int("参与的“两委”成员"), p.Int("参与的持证社区工作者"),
                p.Int("志愿服务组织（团队）"), p.Int("常住人口"), p.Int("注册志愿者"), p.Int("本年有服务时长记录的志愿者"),
                p.Int(WorkerHeaders[0]), p.Int(WorkerHeaders[1])));
        }
        foreach (var row in book[DonationsSheet].Rows)
        {
            if (Find(DonationsSheet, row) is not { } site || !drafts.TryGetValue(site.Id, out var draft)) continue;
            var p = new RowParser(DonationsSheet, row, errors);
            draft.Add(row.Number, "Donations", new DonationEntry(Guid.NewGuid(), p.Instant("时间"), row["捐赠方"],
                p.Choice("类型", Enum.GetValues<DonationKind>(), k => k.Label(), "资金"), row["说明"], p.Fen("金额（元）")));
        }
        foreach (var row in book[ActivitiesSheet].Rows)
        {
            if (Find(ActivitiesSheet, row) is not { } site || !drafts.TryGetValue(site.Id, out var draft)) continue;
            var p = new RowParser(ActivitiesSheet, row, errors);
            draft.Add(row.Number, "Activities", new ServiceActivityEntry(Guid.NewGuid(),
                p.Choice("领域", ServiceAreaLabels.All.Select(a => a.Area).ToArray(), a => a.Label(), null), p.Date("日期"), row["活动名称"], p.Int("受益人数") ?? 0));
        }
        foreach (var row in book[OrganisationsSheet].Rows)
        {
            if (Find(OrganisationsSheet, row) is not { } site || !drafts.TryGetValue(site.Id, out var draft)) continue;
            var p = new RowParser(OrganisationsSheet, row, errors);
            var community = row[OrganisationCommunity] == "" ? null : site.Communities.FirstOrDefault(c => c.Name == row[OrganisationCommunity]);
            if (row[OrganisationCommunity] != "" && community is null)
                errors.Add(new(OrganisationsSheet, row.Number, $"“{site.Street}”没有社区“{row[OrganisationCommunity]}”。", OrganisationCommunity));
            draft.Add(row.Number, "Organisations", new OrganisationEntry(Guid.NewGuid(), row["名称"], row["类型"],
                p.Choice("登记或备案", Enum.GetValues<OrganisationStatus>(), s => s.Label(), null), p.Date("日期"), community?.Id));
        }
        foreach (var row in book[PromotionsSheet].Rows)
        {
            if (Find(PromotionsSheet, row) is not { } site || !drafts.TryGetValue(site.Id, out var draft)) continue;
            var p = new RowParser(PromotionsSheet, row, errors);
            draft.Add(row.Number, "Promotions", new PromotionEntry(Guid.NewGuid(), p.Choice("类别", Enum.GetValues<PromotionKind>(), k => k.Label(), null),
                row["题目"], p.Date("日期"), row["渠道"]));
        }

        foreach (var d in drafts.Values.ToList())
        {
            // A site left as the template gave it (no report yet, nothing entered) is not a mistake: it is skipped, named.
            if (d.Report is null && NothingEntered(d.Content()))
            {
                Skip(d, $"“{d.Site.Street}”未填写本期数据，未导入。");
                continue;
            }
            var campaign = reporting[d.Site.CampaignId];
            if (d.Report is null)
            {
                try { ProgressReport.Open(d.Site, d.Period.Year, d.Period.Month, campaign.PeriodMonths, actor, _clock.Now, campaign.StartsOn); }
                catch (DomainException e) { errors.Add(new(SitesSheet, d.Row, $"{d.Site.Street}：{e.Message}")); continue; }
            }
            var periodEnd = d.Period.AddMonths(campaign.PeriodMonths).AddDays(-1);
            foreach (var e in ReportBounds.Check(d.Content(), ProgressReport.EarliestEntryDate(campaign.StartsOn), periodEnd)
                         .Concat(d.Content().Validate(d.Site.Communities.Select(c => c.Id).ToList())))
            {
                var sheet = d.SheetOf(e.Field);
                errors.Add(new(sheet, d.RowOf(e.Field), $"{d.Site.Street}：{e.Message}", ColumnOf(sheet, e.Field)));
            }
        }
        bool Imported(XlsxRow r) => SiteOf(r) is not { } site || !skipped.Contains(site.Id);
        var rows = book.Where(b => b.Key is not NotesSheet and not SubmittedSheet).Sum(b => b.Value.Rows.Count(Imported));
        if (errors.Count > 0) return new(errors.OrderBy(e => e.Sheet).ThenBy(e => e.Row).ToList(), drafts.Count, rows, notices);
        if (drafts.Count == 0) return new(Array.Empty<ImportError>(), 0, 0, notices, preview);
        if (preview) return new(Array.Empty<ImportError>(), drafts.Count, rows, notices, Preview: true);

        try
        {
            await SaveAllAsync(db, actor, drafts.Values, reporting, ct);
        }
        catch (DomainException e)
        {
            return new(new[] { new ImportError(SitesSheet, 0, e.Message + "（未保存任何数据）") }, drafts.Count, rows);
        }
        catch (Exception e) when (StorageFaults.Describe(e) is { } fault)
        {
            return new(new[] { new ImportError("", 0, fault) }, drafts.Count, rows);
        }
        return new(Array.Empty<ImportError>(), drafts.Count, rows, notices);
    }

    /// <summary>How each campaign reports (period length, first period): a site reports by its own campaign's rules.</summary>
    private sealed record Reporting(int PeriodMonths, DateOnly? StartsOn);

    private static async Task<IReadOnlyDictionary<int, Reporting>> ReportingAsync(WuSheDbContext db, CancellationToken ct) =>
        await db.Campaigns.Select(c => new { c.Id, c.ReportingPeriodMonths, c.ReportingStartsOn })
            .ToDictionaryAsync(c => c.Id, c => new Reporting(c.ReportingPeriodMonths, c.ReportingStartsOn), ct);

    /// <summary>Every report and its audit entry in one transaction: all saved, or (on any failure) none.</summary>
    private async Task SaveAllAsync(WuSheDbContext db, Actor actor, IEnumerable<Draft> drafts, IReadOnlyDictionary<int, Reporting> reporting, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var d in drafts)
        {
            var campaign = reporting[d.Site.CampaignId];
            var report = d.Report ?? ProgressReport.Open(d.Site, d.Period.Year, d.Period.Month, campaign.PeriodMonths, actor, _clock.Now, campaign.StartsOn);
            if (d.Report is null) db.ProgressReports.Add(report);
            report.Update(actor, d.Content(), d.Site.Communities.Select(c => c.Id).ToList(), campaign.StartsOn);
        }
        await db.SaveChangesAsync(ct);
        foreach (var d in drafts)
        {
            var report = d.Report ?? db.ProgressReports.Local.Single(r => r.SiteId == d.Site.Id && r.PeriodYear == d.Period.Year && r.PeriodMonth == d.Period.Month);
            db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "Excel 导入进展", ProgressApplications.EntityType, report.Id, report.DistrictId,
                $"{d.Site.Street} {report.PeriodLabel}（{report.State.Label()}）", null, JsonSerializer.Serialize(Array.Empty<FieldChange>())));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<List<Site>> SitesAsync(WuSheDbContext db, UserScope scope, int? siteId, string? districtCode, CancellationToken ct)
    {
        var q = db.Sites.AsNoTracking().Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
            .Where(s => s.State != SiteState.Draft && s.State != SiteState.Submitted && s.State != SiteState.Returned && s.State != SiteState.Accepted);
        if (siteId is { } id) q = q.Where(s => s.Id == id);
        if (districtCode is not null) q = q.Where(s => db.Districts.Any(d => d.Id == s.DistrictId && d.Code == districtCode));
        var sites = await q.OrderBy(s => s.DistrictId).ThenBy(s => s.JointSiteNumber ?? 99).ThenBy(s => s.Street).ToListAsync(ct);
        if (sites.Count == 0) throw new NotFoundException("您的权限范围内没有可以填报进展的创建点。");
        return sites;
    }

    private static IReadOnlyList<object?> Row(params object?[] values) => values;

    /// <summary>No community figure or entry typed in: what the template holds for a site that has not reported (workers, fund and
    /// population come prefilled from its application).</summary>
    private static bool NothingEntered(ReportContent c) =>
        c.Communities.All(f => f.CommitteeMembers is null && f.CertifiedWorkers is null && f.VolunteerTeams is null && f.RegisteredVolunteers is null && f.ActiveVolunteers is null)
        && c.Donations.Count == 0 && c.Activities.Count == 0 && c.Organisations.Count == 0 && c.Promotions.Count == 0;
    private static string YesNo(bool b) => b ? "是" : "否";

    private static IEnumerable<string> Notes(string period) => new[]
    {
        $"本模板用于填报 {period} 期间的进展，由“五社联动”示范项目管理系统生成。",
        "请勿修改工作表名称和第一行列名；“区划”“街镇”“社区”须与系统中的名称一致。",
        "“创建点”表每个创建点一行；“社区”表每个社区一行，填期末数；没有的请填 0。",
        "“筹款”“服务活动”“社会组织”“总结推广”表填写本期新增的条目，每条一行；捐赠物资按折算金额填写，类型填“物资（折算）”。",
        "日期写作 2024-04-08，时间写作 2024-04-08 10:00；金额以元为单位，最多两位小数。",
        "导入时系统会逐行检查，任何一行有误都不会保存，并列出所有错误的工作表和行号。导入后报告为草稿，须由服务站提交。",
        $"本期进展已提交的创建点列在“{SubmittedSheet}”表中，仅供查看，导入时不会修改；如需更正，请先由区民政局（或市民政局）退回。",
    };

    /// <summary>One site's rows as they are read, remembering which sheet row each entry came from.</summary>
    private sealed class Draft
    {
        private readonly ReportContent _head;
        private readonly Dictionary<string, List<(int Row, object Item)>> _items = new();

        public Draft(Site site, int row, DateOnly period, ReportContent head)
        {
            Site = site;
            Row = row;
            Period = period;
            _head = head;
        }

        public Site Site { get; }
        public int Row { get; }
        public DateOnly Period { get; }
        public ProgressReport? Report { get; set; }

        public void Add(int row, string list, object item)
        {
            if (!_items.TryGetValue(list, out var items)) _items[list] = items = new();
            items.Add((row, item));
        }

        private IReadOnlyList<T> Items<T>(string list) => _items.TryGetValue(list, out var items) ? items.Select(i => (T)i.Item).ToList() : new List<T>();

        public ReportContent Content() => _head with
        {
            Communities = Items<CommunityFigures>("Communities"), Donations = Items<DonationEntry>("Donations"),
            Activities = Items<ServiceActivityEntry>("Activities"), Organisations = Items<OrganisationEntry>("Organisations"),
            Promotions = Items<PromotionEntry>("Promotions"),
        };

        /// <summary>"Donations[2].AmountFen" → the sheet row of the third donation; fields of the site → its 创建点 row.</summary>
        public int RowOf(string field)
        {
            var list = field.Split('[')[0];
            return field.Contains('[') && _items.TryGetValue(list, out var items) && int.TryParse(field.Split('[', ']')[1], out var i) && i < items.Count
                ? items[i].Row : Row;
        }

        public string SheetOf(string field) => field.Split('[')[0] switch
        {
            "Communities" when field.Contains('[') => CommunitiesSheet,
            "Donations" => DonationsSheet,
            "Activities" => ActivitiesSheet,
            "Organisations" => OrganisationsSheet,
            "Promotions" => PromotionsSheet,
            _ => SitesSheet,
        };
    }

    /// <summary>Parses the cells of one row, adding a Chinese error with the row number for each bad cell.</summary>
    private sealed class RowParser
    {
        private readonly string _sheet;
        private readonly XlsxRow _row;
        private readonly List<ImportError> _errors;

        public RowParser(string sheet, XlsxRow row, List<ImportError> errors)
        {
            _sheet = sheet;
            _row = row;
            _errors = errors;
        }

        private void Error(string column, string message) => _errors.Add(new(_sheet, _row.Number, $"“{column}”{message}", column));

        public int? Int(string column)
        {
            var text = _row[column];
            if (text == "") return null;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d >= 0 && d <= int.MaxValue) return (int)d;
            Error(column, $"应为不小于 0 的整数，实际为“{text}”。");
            return null;
        }

        public long Fen(string column)
        {
            var text = _row[column];
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan) && yuan >= 0 && yuan == Math.Round(yuan, 2))
            {
                try { return Money.FenFromYuan(yuan); }
                catch (DomainException e) { Error(column, e.Message); return 0; }
            }
            Error(column, $"应为以元为单位、最多两位小数的金额，实际为“{text}”。");
            return 0;
        }

        public bool YesNo(string column)
        {
            var text = _row[column];
            if (text is "是" or "否") return text == "是";
            Error(column, $"请填“是”或“否”，实际为“{text}”。");
            return false;
        }

        public DateOnly Date(string column, string? text = null)
        {
            text ??= _row[column];
            if (Xlsx.TryDate(text, out var value)) return DateOnly.FromDateTime(value);
            Error(column, $"应为日期（如 2024-04-08），实际为“{_row[column]}”。");
            return default;
        }

        public DateTimeOffset Instant(string column)
        {
            if (Xlsx.TryDate(_row[column], out var value))
                return new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Unspecified), ChinaTime.Zone.GetUtcOffset(value));
            Error(column, $"应为时间（如 2024-04-08 10:00），实际为“{_row[column]}”。");
            return default;
        }

        public T Choice<T>(string column, T[] values, Func<T, string> label, string? fallback)
        {
            var text = _row[column] == "" && fallback is not null ? fallback : _row[column];
            var match = values.FirstOrDefault(v => label(v) == text);
            if (match is not null && values.Any(v => label(v) == text)) return match;
            Error(column, $"应为 {string.Join("、", values.Select(label))} 之一，实际为“{_row[column]}”。");
            return values[0];
        }
    }
}
