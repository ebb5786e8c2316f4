using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns.Editor;
using WuShe.App.Data.Seeding;
using WuShe.App.Hosting;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;
using WuShe.Tests.Domain;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>The campaign editor: export in the seed format, start from a template or a copy, redefine — checked, audited, all or nothing.</summary>
public class CampaignEditorTests : SeededApp
{
    private CampaignDefinitions Definitions => Service<CampaignDefinitions>();

    private async Task<int> CampaignIdAsync(string code)
    {
        await using var db = NewContext();
        return await db.Campaigns.Where(c => c.Code == code).Select(c => c.Id).SingleAsync();
    }

    private async Task<(Actor Actor, UserScope Scope)> AdminInAsync(string code)
    {
        var (admin, scope) = await UserAsync("admin");
        return (admin, scope with { CampaignId = await CampaignIdAsync(code) });
    }

    [Fact]
    public async Task A_campaign_exported_in_the_seed_format_reads_back_as_the_seed_it_came_from()
    {
        var (_, scope) = await UserAsync("admin");
        var exported = await Definitions.ExportAsync(scope, await CampaignIdAsync("tianjin-2023"));
        using var folder = new TempFolder();
        using (var zip = new ZipArchive(new MemoryStream(CampaignFiles.Zip(exported))))
        {
            Assert.Equal(["tianjin-2023/campaign.json", "tianjin-2023/districts.csv", "tianjin-2023/joint-sites.csv"], zip.Entries.Select(e => e.FullName).Order());
            zip.ExtractToDirectory(folder.Path);
        }
        var readBack = CampaignSeedReader.Read(Path.Combine(folder.Path, "tianjin-2023"));
        var shipped = CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023"));
        shipped.Campaign.Rubric!.Note = ""; // a comment for the file's reader, not part of the campaign
        Assert.Equal(CampaignFiles.CampaignJson(shipped.Campaign), CampaignFiles.CampaignJson(readBack.Campaign));
        Assert.Equal(CampaignFiles.DistrictsCsv(shipped.Districts), CampaignFiles.DistrictsCsv(readBack.Districts));
        Assert.Equal(CampaignFiles.JointSitesCsv(shipped.JointSites), CampaignFiles.JointSitesCsv(readBack.JointSites));
    }

    [Fact]
    public async Task Only_a_city_account_exports_and_only_the_city_administrator_creates()
    {
        var (officer, officerScope) = await UserAsync("heping");
        var tianjin = await CampaignIdAsync("tianjin-2023");
        await Assert.ThrowsAsync<NotFoundException>(() => Definitions.ExportAsync(officerScope, tianjin));
        await Assert.ThrowsAsync<DomainException>(() => Definitions.CreateAsync(officer, "chongqing-2022", null, "cq-2022", "重庆测试活动"));
        var (viewer, _) = await UserAsync("viewer");
        await Assert.ThrowsAsync<DomainException>(() => Definitions.CreateAsync(viewer, "chongqing-2022", null, "cq-2022", "重庆测试活动"));
    }

    [Fact]
    public async Task A_campaign_starts_from_a_template_under_its_own_code_and_name_and_is_audited()
    {
        var (admin, _) = await UserAsync("admin");
        Assert.Equal(["chongqing-2022", "liangjiang-2020", "meixian-2022", "shushan-2019"], Definitions.Templates().Select(t => t.Folder));
        var id = await Definitions.CreateAsync(admin, "chongqing-2022", null, "cq-trial", "重庆市“五社联动”试点（试运行）");

        await using var db = NewContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
        Assert.Equal(("cq-trial", "重庆市“五社联动”试点（试运行）", "渝民发〔2022〕7号"), (campaign.Code, campaign.Name, campaign.DocumentNumber));
        Assert.Equal(41, await db.Districts.CountAsync(d => d.CampaignId == id));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "新建创建活动");
        Assert.Contains("模板 chongqing-2022", audit.Summary);
        Assert.Equal(id, audit.EntityId);
    }

    [Fact]
    public async Task A_new_campaign_needs_a_free_well_formed_code_a_name_and_one_source()
    {
        var (admin, _) = await UserAsync("admin");
        var bad = await Assert.ThrowsAsync<FieldValidationException>(() => Definitions.CreateAsync(admin, "chongqing-2022", null, "Tianjin 2023!", "短"));
        Assert.Equal(["Code", "Name"], bad.Errors.Select(e => e.Field).Order());
        var taken = await Assert.ThrowsAsync<FieldValidationException>(() => Definitions.CreateAsync(admin, "chongqing-2022", null, "tianjin-2023", "天津第二期活动"));
        Assert.Contains("已被使用", taken.Errors.Single(e => e.Field == "Code").Message);
        var none = await Assert.ThrowsAsync<FieldValidationException>(() => Definitions.CreateAsync(admin, null, null, "new-one", "新的创建活动"));
        Assert.Equal("Source", none.Errors.Single().Field);
        await Assert.ThrowsAsync<NotFoundException>(() => Definitions.CreateAsync(admin, "../tianjin-2023", null, "new-one", "新的创建活动"));
        await using var db = NewContext();
        Assert.Equal(1, await db.Campaigns.CountAsync());
    }

    [Fact]
    public async Task A_copy_has_the_definition_and_none_of_the_work()
    {
        var (admin, _) = await UserAsync("admin");
        var (officer, officerScope) = await UserAsync("heping");
        await Service<SiteApplications>().CreateDraftAsync(officer, officerScope, SiteLifecycleTests.Valid());
        var id = await Definitions.CreateAsync(admin, null, await CampaignIdAsync("tianjin-2023"), "tianjin-2025", "天津市“五社联动”示范项目（第二批）");

        await using var db = NewContext();
        Assert.Equal(16, await db.Districts.CountAsync(d => d.CampaignId == id));
        Assert.Equal(11, await db.Sites.CountAsync(s => s.CampaignId == id));
        Assert.Equal(0, await db.Sites.CountAsync(s => s.CampaignId == id && s.Tier == SiteTier.DistrictLevel));
        var (_, adminScope) = await AdminInAsync("tianjin-2025");
        var copy = await Definitions.ExportAsync(adminScope, id);
        var original = await Definitions.ExportAsync(adminScope, await CampaignIdAsync("tianjin-2023"));
        Assert.Equal(CampaignFiles.JointSitesCsv(original.JointSites), CampaignFiles.JointSitesCsv(copy.JointSites));
        Assert.Equal(JsonNode.Parse(CampaignFiles.CampaignJson(original.Campaign))!["standards"]!.ToJsonString(),
            JsonNode.Parse(CampaignFiles.CampaignJson(copy.Campaign))!["standards"]!.ToJsonString());
    }

    [Fact]
    public async Task Before_the_first_application_the_city_reshapes_districts_joint_sites_and_standards_freely()
    {
        var (admin, _) = await UserAsync("admin");
        await Definitions.CreateAsync(admin, "chongqing-2022", null, "cq-trial", "重庆市试点活动");
        var (_, scope) = await AdminInAsync("cq-trial");
        var state = await Definitions.EditStateAsync(scope);
        Assert.False(state.HasApplications);
        var form = CampaignEditForm.From(state.Definition);
        var (first, second) = (form.Districts[0], form.Districts[1]);
        var third = form.Districts[2];
        (first.StreetQuota, first.CommunityQuota) = (first.StreetQuota + third.StreetQuota, first.CommunityQuota + third.CommunityQuota);
        (third.StreetQuota, third.CommunityQuota) = (0, 0);
        form.Districts.Remove(second);
        form.Districts.Add(new DistrictRow { Code = "CQGX", Name = "重庆高新区", StreetQuota = second.StreetQuota, CommunityQuota = second.CommunityQuota });
        form.Name = "重庆市试点活动（调整后）";
        var rules = JsonNode.Parse(form.RulesJson)!;
        var requirement = rules["standards"]![0]!["requirements"]![0]!;
        requirement["description"] = "改写后的要求说明";
        form.RulesJson = rules.ToJsonString();

        var version = await Definitions.RedefineAsync(admin, scope, form.ToSeed(), state.Version, null);

        Assert.Equal(state.Version + 1, version);
        var after = (await Definitions.EditStateAsync(scope)).Definition;
        Assert.Equal("重庆市试点活动（调整后）", after.Campaign.Name);
        Assert.Equal((first.StreetQuota, first.CommunityQuota), after.Districts.Where(d => d.Code == first.Code).Select(d => (d.StreetQuota, d.CommunityQuota)).Single());
        Assert.DoesNotContain(after.Districts, d => d.Code == second.Code);
        Assert.Equal("重庆高新区", after.Districts.Last().Name);
        Assert.Equal("改写后的要求说明", after.Campaign.Standards[0].Requirements[0].Description);
        await using var db = NewContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "修改活动定义");
        Assert.Contains("活动名称", audit.Summary);
        Assert.Contains("创建标准", audit.Changes);
        Assert.Contains("重庆高新区", audit.Changes);
    }

    [Fact]
    public async Task After_the_first_application_a_reason_is_required_and_what_holds_work_stays()
    {
        var (admin, scope) = await AdminInAsync("tianjin-2023");
        var (officer, officerScope) = await UserAsync("heping");
        await Service<SiteApplications>().CreateDraftAsync(officer, officerScope, SiteLifecycleTests.Valid());
        var state = await Definitions.EditStateAsync(scope);
        Assert.True(state.HasApplications);
        var form = CampaignEditForm.From(state.Definition);
        form.AlertLeadDays = 20;

        var noReason = await Assert.ThrowsAsync<FieldValidationException>(() => Definitions.RedefineAsync(admin, scope, form.ToSeed(), state.Version, " "));
        Assert.Equal("Reason", noReason.Errors.Single().Field);

        form.Districts.RemoveAll(d => d.Name == "和平区");
        form.TargetStreets -= 3;
        form.TargetCommunities -= 6;
        form.JointSites.RemoveAll(j => j.District == "和平区");
        foreach (var j in form.JointSites.Where(j => j.Number > 2)) j.Number--;
        form.TargetJointStreets -= 1;
        form.TargetJointCommunities -= 3;
        var held = await Assert.ThrowsAsync<DomainException>(() => Definitions.RedefineAsync(admin, scope, form.ToSeed(), state.Version, "区划调整"));
        Assert.Contains("市区联合创建点 2（南市街道）已有进展、评估或账号", held.Message); // 南市街道's station account

        var reasoned = CampaignEditForm.From(state.Definition);
        reasoned.AlertLeadDays = 20;
        await Definitions.RedefineAsync(admin, scope, reasoned.ToSeed(), state.Version, "经市局研究，提前量改为 20 天");
        await using var db = NewContext();
        Assert.Equal(20, (await db.Campaigns.SingleAsync(c => c.Code == "tianjin-2023")).AlertLeadDays);
        Assert.Equal(16, await db.Districts.CountAsync(d => d.CampaignId == state.CampaignId));
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "修改活动定义");
        Assert.Equal("经市局研究，提前量改为 20 天", audit.Reason);
        Assert.Contains("评估日期与提前量", audit.Summary);
    }

    [Fact]
    public async Task A_wrong_definition_is_refused_where_it_is_wrong_and_nothing_is_saved()
    {
        var (admin, scope) = await AdminInAsync("tianjin-2023");
        var state = await Definitions.EditStateAsync(scope);
        var form = CampaignEditForm.From(state.Definition);

        form.RulesJson = form.RulesJson.Replace("\"metric\": \"CoveredCommunities\"", "\"metric\": \"CoveredCommunity\"");
        var unknown = await Assert.ThrowsAsync<DomainException>(() => Definitions.RedefineAsync(admin, scope, form.ToSeed(), state.Version, null));
        Assert.Matches(@"campaign\.json 的 \$\.standards\[\d\]\.requirements\[\d\]\.metric：“CoveredCommunity”不是可用的 metric", unknown.Message);

        form.RulesJson = "{ \"standards\": [ }";
        var broken = Assert.Throws<FieldValidationException>(() => form.ToSeed());
        Assert.Equal("RulesJson", broken.Errors.Single().Field);
        form.RulesJson = "{ \"targets\": {} }";
        Assert.Contains("未知部分“targets”", Assert.Throws<FieldValidationException>(() => form.ToSeed()).Errors.Single().Message);

        var quota = CampaignEditForm.From(state.Definition);
        quota.Districts[0].StreetQuota += 1;
        var total = await Assert.ThrowsAsync<DomainException>(() => Definitions.RedefineAsync(admin, scope, quota.ToSeed(), state.Version, null));
        Assert.Contains("各区试点街镇数合计 51，与任务目标 50 不一致", total.Message);

        await using var db = NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "修改活动定义"));
        Assert.Equal(3, (await db.Districts.SingleAsync(d => d.Name == "和平区")).StreetQuota);
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_the_second_is_told_of_the_first()
    {
        var (admin, scope) = await AdminInAsync("tianjin-2023");
        var state = await Definitions.EditStateAsync(scope);
        var first = CampaignEditForm.From(state.Definition);
        first.ReportDueDays = 12;
        await Definitions.RedefineAsync(admin, scope, first.ToSeed(), state.Version, null);
        var second = CampaignEditForm.From(state.Definition);
        second.ReportDueDays = 15;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Definitions.RedefineAsync(admin, scope, second.ToSeed(), state.Version, null));
        await using var db = NewContext();
        Assert.Equal(12, (await db.Campaigns.SingleAsync(c => c.Code == "tianjin-2023")).ReportDueDays);
    }
}
