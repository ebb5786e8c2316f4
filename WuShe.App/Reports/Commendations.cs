using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns;
using WuShe.App.Data;
using WuShe.App.Hosting;
using WuShe.App.Pdf;
using WuShe.App.Progress;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.App.Reports;

/// <summary>A 通报 as its list and page show it.</summary>
public sealed record CommendationView(int Id, string DocumentNumber, string Title, string Text, DateOnly FiguresAsOf,
    IReadOnlyList<CommendedDistrict> Districts, DateTimeOffset PublishedAt, string PublishedBy);

/// <summary>What the city sees when writing a 通报: every district with its figures, and those the figures suggest.</summary>
public sealed record CommendationDraft(DateOnly AsOf, IReadOnlyList<CommendedDistrict> Districts, IReadOnlyList<CommendedDistrict> Suggested);

/// <summary>通报: drafted from the city dashboard's figures, published by the city (numbered, audited), listed for everyone, printed as PDF.</summary>
public class Commendations
{
    public const string EntityType = "通报";
    private static readonly UserScope City = new(UserRole.CityAdministrator, null, null);
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly ComplianceQueries _compliance;
    private readonly CampaignQueries _campaigns;
    private readonly PdfRenderer _pdf;
    private readonly IClock _clock;

    public Commendations(IDbContextFactory<WuSheDbContext> contexts, ComplianceQueries compliance, CampaignQueries campaigns, PdfRenderer pdf, IClock clock)
    {
        _contexts = contexts;
        _compliance = compliance;
        _campaigns = campaigns;
        _pdf = pdf;
        _clock = clock;
    }

    public async Task<CommendationDraft> DraftAsync(UserScope scope, CancellationToken ct = default)
    {
        if (scope.Role != UserRole.CityAdministrator) throw new AccessDeniedException("通报由市民政局发布。");
        var board = await _compliance.DashboardAsync(City, null, null, ct);
        var districts = board.Districts.Select(d => new CommendedDistrict(d.DistrictId, d.Code, d.Name, d.CompleteSites, d.StreetQuota,
            Math.Round(d.AverageCompletion, 4), d.RaisedFen)).ToList();
        return new CommendationDraft(board.AsOf, districts, Commendation.Suggest(districts));
    }

    public async Task<int> PublishAsync(Actor actor, UserScope scope, string title, string text, IReadOnlyCollection<string> districtCodes, CancellationToken ct = default)
    {
        var draft = await DraftAsync(scope, ct);
        var unknown = districtCodes.Except(draft.Districts.Select(d => d.Code)).ToList();
        if (unknown.Count > 0) throw new FieldValidationException([new("Districts", "所选的区不在本次创建活动中。")]);
        var chosen = draft.Districts.Where(d => districtCodes.Contains(d.Code)).ToList();
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var year = ChinaTime.ToChina(_clock.Now).Year;
        var number = await db.Commendations.Where(c => c.CampaignId == campaign.Id && c.Year == year).Select(c => (int?)c.Number).MaxAsync(ct) ?? 0;
        var commendation = Commendation.Publish(actor, campaign.Id, number + 1, title, text, chosen, draft.AsOf, _clock.Now);
        db.Commendations.Add(commendation);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "发布通报", EntityType, commendation.Id, null,
            $"{commendation.DocumentNumber} {commendation.Title}：{string.Join("、", chosen.Select(d => d.Name))}", null, "[]"));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return commendation.Id;
    }

    /// <summary>Every published 通报, newest first: a commendation is public to every account of the campaign.</summary>
    /// <summary>The notice's clause on 通报 (e.g. 五（三）), cited on the page and in every 通报.</summary>
    public async Task<string> ClauseAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        return (await _campaigns.LoadCampaignAsync(db, ct)).Clauses.Commendation;
    }

    public async Task<IReadOnlyList<CommendationView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        return (await db.Commendations.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.Number).ToListAsync(ct))
            .Select(View).ToList();
    }

    public async Task<(byte[] Pdf, string FileName)> PdfAsync(int id, CancellationToken ct = default)
    {
        var view = (await ListAsync(ct)).SingleOrDefault(c => c.Id == id) ?? throw new NotFoundException("没有找到这份通报。");
        await using var db = await _contexts.ForSystemAsync(ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var pdf = await _pdf.PdfAsync<CommendationReport>(new Dictionary<string, object?>
        {
            [nameof(CommendationReport.Model)] = view, [nameof(CommendationReport.Issuer)] = campaign.Issuer, [nameof(CommendationReport.Notice)] = campaign.DocumentNumber,
            [nameof(CommendationReport.Clause)] = campaign.Clauses.Commendation,
        }, view.DocumentNumber, ct);
        return (pdf, $"{view.DocumentNumber}-{view.Title}.pdf");
    }

    private static CommendationView View(Commendation c) =>
        new(c.Id, c.DocumentNumber, c.Title, c.Text, c.FiguresAsOf, c.Districts, c.PublishedAt, c.PublishedBy);
}
