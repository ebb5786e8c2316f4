using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Data;
using WuShe.App.Data.Seeding;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns.Editor;

public partial class CampaignDefinitions
{
    /// <summary>What the editor opens with for the current campaign.</summary>
    public async Task<CampaignEditState> EditStateAsync(UserScope scope, CancellationToken ct = default)
    {
        await using var db = await _contexts.ForAsync(scope, ct);
        var campaign = await _campaigns.LoadCampaignAsync(db, ct);
        var (applications, reports) = await WorkBegunAsync(db, campaign.Id, ct);
        return new CampaignEditState(campaign.Id, campaign.Version, applications, reports, await DefinitionAsync(db, campaign, ct));
    }

    /// <summary>Whether the campaign has had its first application (a district-level site) and any progress report.</summary>
    private static async Task<(bool Applications, bool Reports)> WorkBegunAsync(WuSheDbContext db, int campaignId, CancellationToken ct) =>
        (await db.Sites.AnyAsync(s => s.CampaignId == campaignId && s.Tier == SiteTier.DistrictLevel, ct),
            await db.ProgressReports.AnyAsync(r => r.CampaignId == campaignId, ct));

    /// <summary>
    /// 修改活动定义: the current campaign becomes <paramref name="edited"/>, checked like a seed folder, in one transaction.
    /// Free until the first application; after it a reason is required, and districts or joint sites that hold work
    /// cannot be removed or moved. Audited with every change.
    /// </summary>
    public async Task<int> RedefineAsync(Actor actor, UserScope scope, CampaignSeed edited, int expectedVersion, string? reason,
        CancellationToken ct = default)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以修改活动定义。");
        if (CampaignSeedReader.Problems(edited) is { Count: > 0 } problems)
            throw new DomainException($"活动定义有 {problems.Count} 处需要修改：" + string.Join("；", problems) + "。");
        await using var db = await _contexts.ForAsync(scope, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var stored = await _campaigns.LoadCampaignAsync(db, ct);
        var id = stored.Id;
        var campaign = await db.Campaigns.Include(c => c.Milestones).Include(c => c.Standards).ThenInclude(s => s.Requirements)
            .AsSplitQuery().SingleAsync(c => c.Id == id, ct);
        if (campaign.Version != expectedVersion) throw new ConcurrencyConflictException(campaign.Version, "其他用户", null);
        var before = await DefinitionAsync(db, stored, ct);
        var (inUse, hasReports) = await WorkBegunAsync(db, id, ct);
        if (inUse && string.IsNullOrWhiteSpace(reason))
            throw new FieldValidationException([new FieldError("Reason", "本活动已有申报，修改活动定义须填写理由。")]);
        if (reason?.Length > 500) throw new FieldValidationException([new FieldError("Reason", "理由不能超过 500 字。")]);

        edited.Campaign.Code = campaign.Code;
        campaign.Redefine(actor, CampaignSeeder.ToCampaign(edited.Campaign), hasReports);
        var toDesignate = await RemoveChangedJointSitesAsync(db, campaign, edited, ct);
        await RedefineDistrictsAsync(db, actor, campaign, edited, ct);
        Exception Conflict() => new ConcurrencyConflictException(expectedVersion + 1, "其他用户", null);
        try { await db.SaveChangesAsync(ct); } // new districts get their ids before joint sites are designated in them
        catch (DbUpdateConcurrencyException) { throw Conflict(); }
        var districtIds = await db.Districts.Where(d => d.CampaignId == campaign.Id).ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        foreach (var row in toDesignate)
            db.Sites.Add(Site.DesignateJointSite(campaign.Id, districtIds[row.District], row.Number, row.Street, row.Communities,
                campaign.Application, _clock.Now, actor));

        var changes = CampaignChanges.Between(before, edited);
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "修改活动定义", "创建活动", campaign.Id, null,
            $"{campaign.Name}：{(changes.Count == 0 ? "无变化" : string.Join("、", changes.Select(c => c.Field).Distinct().Take(8)))}",
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), JsonSerializer.Serialize(changes, AuditJson.Options)));
        await db.SaveOrConflictAsync(tx, () => Task.FromResult(Conflict()), ct);
        return campaign.Version;
    }

    /// <summary>Districts matched by code: renamed, re-quota'd, added; removed only when no site or account hangs on them.</summary>
    private static async Task RedefineDistrictsAsync(WuSheDbContext db, Actor actor, Campaign campaign, CampaignSeed edited, CancellationToken ct)
    {
        var districts = await db.Districts.Where(d => d.CampaignId == campaign.Id).ToListAsync(ct);
        var ledgers = await QuotaLedgers.ForDistrictsAsync(db, districts, ct, campaign.Application);
        for (var i = 0; i < edited.Districts.Count; i++)
        {
            var row = edited.Districts[i];
            if (districts.FirstOrDefault(d => d.Code == row.Code) is { } district)
                district.Redefine(actor, row.Name, row.StreetQuota, row.CommunityQuota, i + 1, ledgers[district.Id]);
            else
                db.Districts.Add(new District(campaign.Id, row.Code, row.Name, row.StreetQuota, row.CommunityQuota, i + 1, campaign.Application));
        }
        var removedSites = db.ChangeTracker.Entries<Site>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        foreach (var gone in districts.Where(d => edited.Districts.All(r => r.Code != d.Code)))
        {
            if (await db.Sites.AnyAsync(s => s.DistrictId == gone.Id && !removedSites.Contains(s.Id), ct)
                || await db.Users.AnyAsync(u => u.DistrictId == gone.Id, ct))
                throw new DomainException($"{gone.Name}已有创建点或账号，不能从活动中删除。");
            db.Districts.Remove(gone);
        }
    }

    /// <summary>
    /// 市区联合创建点 matched by 序号: unchanged ones stay; a changed or removed one is taken away — refused once it holds
    /// work (progress, evaluations, a station account). Returns the rows to designate anew.
    /// </summary>
    private static async Task<IReadOnlyList<JointSiteRow>> RemoveChangedJointSitesAsync(WuSheDbContext db, Campaign campaign, CampaignSeed edited, CancellationToken ct)
    {
        var sites = await db.Sites.Include(s => s.Communities).Include(s => s.SocialWorkers).Include(s => s.Transitions)
            .Where(s => s.CampaignId == campaign.Id && s.Tier == SiteTier.CityDistrictJoint).ToListAsync(ct);
        var districtCodes = await db.Districts.Where(d => d.CampaignId == campaign.Id).ToDictionaryAsync(d => d.Id, d => d.Code, ct);
        var kept = new HashSet<int>();
        foreach (var site in sites)
        {
            var row = edited.JointSites.FirstOrDefault(j => j.Number == site.JointSiteNumber);
            if (row is not null && edited.Districts.FirstOrDefault(d => d.Name == row.District)?.Code == districtCodes[site.DistrictId] && row.Street == site.Street
                && row.Communities.Select(CommunityKinds.Parse).Select(p => CommunityKinds.Format(p.Name, p.Kind ?? Community.KindOf(p.Name)))
                    .SequenceEqual(site.Communities.OrderBy(c => c.SortOrder).Select(c => CommunityKinds.Format(c.Name, c.Kind))))
            {
                kept.Add(row.Number);
                continue;
            }
            if (await HoldsWorkAsync(db, site.Id, ct))
                throw new DomainException($"市区联合创建点 {site.JointSiteNumber}（{site.Street}）已有进展、评估或账号，不能删除或改为其他区、街镇、社区。");
            db.Sites.Remove(site);
        }
        return edited.JointSites.Where(j => !kept.Contains(j.Number)).ToList();
    }

    private static async Task<bool> HoldsWorkAsync(WuSheDbContext db, int siteId, CancellationToken ct) =>
        await db.ProgressReports.AnyAsync(r => r.SiteId == siteId, ct)
        || await db.Evaluations.AnyAsync(e => e.SiteId == siteId, ct)
        || await db.Users.AnyAsync(u => u.SiteId == siteId || u.AssignedSiteIds.Contains(siteId), ct);
}

/// <summary>What the editor opens with: the campaign's definition, its version, and whether work has begun.</summary>
public sealed record CampaignEditState(int CampaignId, int Version, bool HasApplications, bool HasReports, CampaignSeed Definition);
