using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Seeding;

/// <summary>Loads each seed campaign once, keyed on its code, in one transaction: a restart never duplicates anything.</summary>
public class CampaignSeeder
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly IClock _clock;

    public CampaignSeeder(IDbContextFactory<WuSheDbContext> contexts, IClock clock)
    {
        _contexts = contexts;
        _clock = clock;
    }

    /// <returns>The codes of the campaigns inserted now.</returns>
    public async Task<IReadOnlyList<string>> SeedAsync(IEnumerable<CampaignSeed> seeds, CancellationToken ct = default)
    {
        var inserted = new List<string>();
        foreach (var seed in seeds)
        {
            await using var db = await _contexts.ForSystemAsync(ct);
            if (await db.Campaigns.AnyAsync(c => c.Code == seed.Campaign.Code, ct)) continue;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var campaign = ToCampaign(seed.Campaign);
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync(ct);

            var districts = seed.Districts
                .Select((d, i) => new District(campaign.Id, d.Code, d.Name, d.StreetQuota, d.CommunityQuota, i + 1, campaign.Application))
                .ToList();
            db.Districts.AddRange(districts);
            await db.SaveChangesAsync(ct);

            var byName = districts.ToDictionary(d => d.Name);
            db.Sites.AddRange(seed.JointSites.Select(j => Site.DesignateJointSite(
                campaign.Id, byName[j.District].Id, j.Number, j.Street, j.Communities, campaign.Application, _clock.Now)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            inserted.Add(campaign.Code);
        }
        return inserted;
    }

    public static Campaign ToCampaign(CampaignFile file)
    {
        var t = file.Targets;
        var campaign = new Campaign(file.Code, file.Name, file.DocumentNumber, file.Issuer, file.Region,
            t.Streets, t.Communities, t.JointStreets, t.JointCommunities);
        campaign.SetTargetsClause(t.Clause);
        campaign.SetReportingPeriod(file.ReportingPeriodMonths);
        campaign.SetReportingStart(file.ReportingStartsOn);
        var schedule = file.Schedule!; // required and complete: checked by CampaignSeedReader
        campaign.SetSchedule(schedule.MidTermEvaluationDue!.Value, schedule.FinalEvaluationDue!.Value, schedule.AlertLeadDays!.Value, schedule.ReportDueDays!.Value);
        campaign.SetNoticeClauses(file.Notice!.ToClauses());
        campaign.SetApplicationRules(file.Application!.ToRules());
        campaign.SetRubric(file.Rubric!.ToRubric());
        campaign.SetContractRules(file.Contracts?.ToRules());
        campaign.SetFundraisingYear(FundraisingYearFile.Bases[file.FundraisingYear!.Basis!], file.FundraisingYear.Reason!);
        foreach (var m in file.Milestones)
            campaign.AddMilestone(new Milestone(m.DueDate, m.RequiredCompletionShare, m.Description, m.Clause));
        foreach (var s in file.Standards)
            campaign.AddStandard(new CreationStandard(s.Number, s.Title, s.Clause, s.Summary,
                s.Requirements.Select(r => ToRequirement(s.Number, r))));
        return campaign;
    }

    private static StandardRequirement ToRequirement(int standard, RequirementFile r)
    {
        var requirement = NewRequirement(standard, r);
        requirement.SetThresholdsByYear((r.ThresholdsByYear ?? []).Select(t => new YearThreshold(t.Key, t.Value)));
        return requirement;
    }

    /// <summary>A requirement whose names <see cref="CampaignSeedReader.Problems"/> has already found known.</summary>
    private static StandardRequirement NewRequirement(int standard, RequirementFile r) => new(
        Enum.Parse<StandardMetric>(r.Metric),
        Enum.Parse<Comparator>(r.Comparator),
        r.Threshold,
        Enum.Parse<MeasureUnit>(r.Unit),
        Enum.Parse<StandardScope>(r.Scope),
        Enum.Parse<RequirementPeriod>(r.Period),
        ParseSelector(standard, r.AppliesTo),
        r.Description,
        r.ClauseText,
        r.SystemSetting,
        r.ForCommunities is null ? null : Enum.Parse<CommunityKind>(r.ForCommunities),
        r.Aggregation is null ? null : Enum.Parse<Aggregation>(r.Aggregation),
        r.CoverageFloor);

    private static SiteSelector ParseSelector(int standard, JsonElement e) => SelectorProblem(e) is { } problem
        ? throw new SeedDataException($"第 {standard} 条标准的 appliesTo：{problem}")
        : e.ValueKind == JsonValueKind.String
            ? e.GetString() == "AllSites" ? SiteSelector.AllSites : SiteSelector.DistrictLevelSites
            : SiteSelector.JointSites(e.GetProperty("jointSites")[0].GetInt32(), e.GetProperty("jointSites")[1].GetInt32());

    /// <summary>Why an appliesTo cannot select sites ("AllSites", "DistrictLevel" or { "jointSites": [from, to] }); null when it can.</summary>
    public static string? SelectorProblem(JsonElement e)
    {
        const string choices = "可选：\"AllSites\"、\"DistrictLevel\" 或 {\"jointSites\": [1, 5]}";
        if (e.ValueKind == JsonValueKind.String)
            return e.GetString() is "AllSites" or "DistrictLevel" ? null : $"“{e.GetString()}”不是可用的范围，{choices}";
        if (e.ValueKind != JsonValueKind.Object) return $"缺少适用范围，{choices}";
        if (e.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n != "jointSites") is { } extra)
            return $"未知字段“{extra}”，{choices}";
        if (!e.TryGetProperty("jointSites", out var range) || range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2
            || range.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out _)))
            return $"jointSites 应为两个整数 [起, 止]，{choices}";
        var (from, to) = (range[0].GetInt32(), range[1].GetInt32());
        return from < 1 || to < from ? $"市区联合创建点序号范围 {from}—{to} 无效" : null;
    }
}
