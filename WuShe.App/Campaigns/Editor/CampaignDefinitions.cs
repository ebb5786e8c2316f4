using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WuShe.App.Data;
using WuShe.App.Data.Seeding;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns.Editor;

/// <summary>A template under seed-data/templates/ that a campaign can start from.</summary>
public sealed record CampaignTemplate(string Folder, string Name, string DocumentNumber, string Region, int Districts, int JointSites);

/// <summary>
/// The city's campaigns as definitions: exported in the seed-data format, started from a template or a copy of another
/// campaign. Every command is the city administrator's, checked here, audited.
/// </summary>
public partial class CampaignDefinitions
{
    private readonly IDbContextFactory<WuSheDbContext> _contexts;
    private readonly CampaignSeeder _seeder;
    private readonly CampaignQueries _campaigns;
    private readonly IClock _clock;
    private readonly string _templates;

    public CampaignDefinitions(IDbContextFactory<WuSheDbContext> contexts, CampaignSeeder seeder, CampaignQueries campaigns,
        IClock clock, IOptions<WuSheOptions> options)
    {
        _contexts = contexts;
        _seeder = seeder;
        _campaigns = campaigns;
        _clock = clock;
        _templates = Path.Combine(options.Value.ResolveSeedDataPath(), "templates");
    }

    /// <summary>The campaign <paramref name="campaignId"/> (any, for a city account; none otherwise) in the seed-data format.</summary>
    public async Task<CampaignSeed> ExportAsync(UserScope scope, int campaignId, CancellationToken ct = default)
    {
        if (!scope.ChoosesCampaign) throw ScopedReads.NotInScope("创建活动", campaignId);
        await using var db = await _contexts.ForSystemAsync(ct);
        return await DefinitionAsync(db, campaignId, ct);
    }

    private static async Task<CampaignSeed> DefinitionAsync(WuSheDbContext db, int campaignId, CancellationToken ct) =>
        await DefinitionAsync(db, await CampaignQueries.LoadCampaignAsync(db, campaignId, ct), ct);

    /// <summary>A campaign already read (with its milestones and standards), with its districts and joint sites, as seed files.</summary>
    private static async Task<CampaignSeed> DefinitionAsync(WuSheDbContext db, Domain.Campaigns.Campaign campaign, CancellationToken ct)
    {
        var campaignId = campaign.Id;
        var districts = await db.Districts.AsNoTracking().Where(d => d.CampaignId == campaignId).ToListAsync(ct);
        var joint = await db.Sites.AsNoTracking().Include(s => s.Communities)
            .Where(s => s.CampaignId == campaignId && s.Tier == SiteTier.CityDistrictJoint).ToListAsync(ct);
        return CampaignFiles.Of(campaign, districts, joint);
    }

    /// <summary>The templates shipped under seed-data/templates/, each read and checked like a seed folder.</summary>
    public IReadOnlyList<CampaignTemplate> Templates() => !Directory.Exists(_templates) ? [] :
        Directory.GetDirectories(_templates).Where(d => File.Exists(Path.Combine(d, "campaign.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => (Folder: Path.GetFileName(d), Seed: CampaignSeedReader.Read(d)))
            .Select(t => new CampaignTemplate(t.Folder, t.Seed.Campaign.Name, t.Seed.Campaign.DocumentNumber, t.Seed.Campaign.Region,
                t.Seed.Districts.Count, t.Seed.JointSites.Count))
            .ToList();

    /// <summary>
    /// 新建创建活动: from a template (<paramref name="template"/>, a folder name) or a copy of a campaign's definition
    /// (<paramref name="copyOf"/>: its districts, quotas, joint sites, standards, milestones and rubric; none of its work).
    /// </summary>
    public async Task<int> CreateAsync(Actor actor, string? template, int? copyOf, string code, string name, CancellationToken ct = default)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以新建创建活动。");
        code = (code ?? "").Trim();
        name = (name ?? "").Trim();
        var errors = new List<FieldError>();
        if (!CodePattern().IsMatch(code))
            errors.Add(new FieldError("Code", "活动代码应为 3—40 个小写字母、数字或连字符，如 chongqing-2022。"));
        if (name.Length is < 4 or > 100) errors.Add(new FieldError("Name", "活动名称应为 4—100 个字。"));
        if (template is null == copyOf is null) errors.Add(new FieldError("Source", "请选择一个模板或一个要复制的活动。"));
        await using (var check = await _contexts.ForSystemAsync(ct))
            if (await check.Campaigns.AnyAsync(c => c.Code == code, ct)) errors.Add(new FieldError("Code", $"活动代码 {code} 已被使用。"));
        if (errors.Count > 0) throw new FieldValidationException(errors);

        var seed = template is not null ? TemplateSeed(template) : await CopySeedAsync(copyOf!.Value, ct);
        seed.Campaign.Code = code;
        seed.Campaign.Name = name;
        CampaignSeedReader.Check(seed);
        await _seeder.SeedAsync([seed], ct);
        await using var db = await _contexts.ForSystemAsync(ct);
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == code, ct);
        var source = template is not null ? $"模板 {template}" : $"复制活动 {copyOf}";
        db.AuditEntries.Add(new AuditEntry(actor, _clock.Now, "新建创建活动", "创建活动", campaign.Id, null,
            $"{campaign.Name}（{campaign.Code}），来源：{source}；{seed.Districts.Count} 个区、{seed.JointSites.Count} 个市区联合创建点",
            null, "[]"));
        await db.SaveChangesAsync(ct);
        return campaign.Id;
    }

    private CampaignSeed TemplateSeed(string template)
    {
        if (!FolderPattern().IsMatch(template) || !File.Exists(Path.Combine(_templates, template, "campaign.json")))
            throw new NotFoundException("没有找到该模板。");
        return CampaignSeedReader.Read(Path.Combine(_templates, template));
    }

    private async Task<CampaignSeed> CopySeedAsync(int campaignId, CancellationToken ct)
    {
        await using var db = await _contexts.ForSystemAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct)) throw new NotFoundException("没有找到该创建活动。");
        return await DefinitionAsync(db, campaignId, ct);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex FolderPattern();
}
