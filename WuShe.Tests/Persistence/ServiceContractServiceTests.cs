using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns.Editor;
using WuShe.App.Hosting;
using WuShe.App.Sites.Contracts;
using WuShe.Domain.Common;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>服务合同 as a campaign feature: off until the campaign sets rules; then the site's district signs, reviews, renews — in scope, audited.</summary>
public class ServiceContractServiceTests : SeededApp
{
    private async Task AddContractRulesAsync()
    {
        var (admin, scope) = await UserAsync("admin");
        var definitions = Service<CampaignDefinitions>();
        var state = await definitions.EditStateAsync(scope);
        var form = CampaignEditForm.From(state.Definition);
        var rules = JsonNode.Parse(form.RulesJson)!;
        rules["contracts"] = JsonNode.Parse("""{ "termMonths": 12, "maxTotalMonths": 36, "renewOnlyAfterPassing": true, "clause": "三（二）：合同一年一签" }""");
        form.RulesJson = rules.ToJsonString();
        await definitions.RedefineAsync(admin, scope, form.ToSeed(), state.Version, null);
    }

    [Fact]
    public async Task The_district_signs_reviews_and_renews_its_sites_contracts_and_no_one_else_can()
    {
        var contracts = Service<ServiceContracts>();
        var (officer, scope) = await UserAsync("heping");
        var siteId = await SiteIdAsync("南市街道");
        Assert.Null((await contracts.ForSiteAsync(scope, siteId)).Rules);
        await Assert.ThrowsAsync<DomainException>(() => contracts.SignFirstAsync(officer, scope, siteId, "和平社工中心", new(2023, 7, 1), new(2024, 6, 30), new(2023, 7, 1)));

        await AddContractRulesAsync();
        await contracts.SignFirstAsync(officer, scope, siteId, "和平社工中心", new(2023, 7, 1), new(2024, 6, 30), new(2023, 7, 1));
        var first = (await contracts.ForSiteAsync(scope, siteId)).Contracts.Single();
        await Assert.ThrowsAsync<DomainException>(() => contracts.RenewAsync(officer, scope, first.Id, first.Version, "和平社工中心", new(2025, 6, 30), new(2024, 7, 1)));
        await contracts.ReviewAsync(officer, scope, first.Id, first.Version, new(2024, 6, 30), true, "服务对象满意度 92%，考评合格");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => contracts.ReviewAsync(officer, scope, first.Id, first.Version, new(2024, 6, 30), true, "重复"));
        var reviewed = (await contracts.ForSiteAsync(scope, siteId)).Contracts.Single();
        await contracts.RenewAsync(officer, scope, reviewed.Id, reviewed.Version, "和平社工中心", new(2025, 6, 30), new(2024, 7, 1));

        var view = await contracts.ForSiteAsync(scope, siteId);
        Assert.True(view.CanManage);
        Assert.Equal([(1, "合格"), (2, "未考评")], view.Contracts.Select(c => (c.Term, c.ReviewText)));
        Assert.Equal(new DateOnly(2024, 7, 1), view.Contracts[1].StartsOn);

        var (other, otherScope) = await UserAsync("binhai");
        await Assert.ThrowsAsync<NotFoundException>(() => contracts.ForSiteAsync(otherScope, siteId));
        await Assert.ThrowsAsync<NotFoundException>(() => contracts.ReviewAsync(other, otherScope, view.Contracts[1].Id, view.Contracts[1].Version, new(2025, 6, 30), true, "合格"));
        var (station, stationScope) = await UserAsync("nanshi");
        Assert.False((await contracts.ForSiteAsync(stationScope, siteId)).CanManage);
        await Assert.ThrowsAsync<DomainException>(() => contracts.ReviewAsync(station, stationScope, view.Contracts[1].Id, view.Contracts[1].Version, new(2025, 6, 30), true, "合格"));

        await using var db = NewContext();
        Assert.Equal(["签订服务合同", "服务合同考评", "续签服务合同"], await db.AuditEntries.Where(a => a.EntityType == "服务合同").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }
}
