using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using WuShe.App.Campaigns.Editor;
using WuShe.App.Progress;
using WuShe.Domain.Common;
using WuShe.Domain.Compliance;
using WuShe.Domain.Progress;
using WuShe.Tests.Support;

namespace WuShe.Tests.Persistence;

/// <summary>服务站情况: a campaign that sets standards on the station's area, staff and funding judges what the station reports.</summary>
public class StationFiguresTests : SeededApp
{
    [Fact]
    public async Task A_campaign_adds_station_standards_and_the_reported_area_staff_and_funding_are_judged_with_their_numbers()
    {
        var (admin, adminScope) = await UserAsync("admin");
        var definitions = Service<CampaignDefinitions>();
        var state = await definitions.EditStateAsync(adminScope);
        var form = CampaignEditForm.From(state.Definition);
        var rules = JsonNode.Parse(form.RulesJson)!;
        rules["standards"]!.AsArray().Add(JsonNode.Parse("""
            { "number": 8, "title": "服务站建设", "clause": "三（八）", "summary": "服务站面积、人员、经费",
              "requirements": [
                { "metric": "StationFloorArea", "comparator": "AtLeast", "threshold": 60, "unit": "SquareMetre", "scope": "Site",
                  "period": "CreationPeriod", "appliesTo": "AllSites", "description": "服务站面积", "clauseText": "办公面积不少于60平方米" },
                { "metric": "StationStaff", "comparator": "AtLeast", "threshold": 3, "unit": "Count", "scope": "Site",
                  "period": "CreationPeriod", "appliesTo": "AllSites", "description": "服务站人员", "clauseText": "驻站人员不少于3名" },
                { "metric": "StationAnnualFunding", "comparator": "AtLeast", "threshold": 2000000, "unit": "Fen", "scope": "Site",
                  "period": "CalendarYear", "appliesTo": "AllSites", "description": "服务站经费", "clauseText": "经费不少于2万元" } ] }
            """));
        form.RulesJson = rules.ToJsonString();
        await definitions.RedefineAsync(admin, adminScope, form.ToSeed(), state.Version, null);

        var (station, scope) = await UserAsync("nanshi");
        var progress = Service<ProgressApplications>();
        var id = await progress.OpenAsync(station, scope, station.SiteId!.Value, 2023, 9);
        await using var db = NewContext();
        var communities = await db.Sites.Where(s => s.Id == station.SiteId).SelectMany(s => s.Communities.Select(c => c.Id)).ToListAsync();
        var content = ProgressServiceTests.Sample(communities, 4_900_000) with { Station = new StationFigures(50, 3, 1_500_050) };
        var version = await progress.SaveAsync(station, scope, id, 1, content);
        await progress.SubmitAsync(station, scope, id, version);

        var view = await Service<ComplianceQueries>().SiteAsync(scope, station.SiteId!.Value, new DateOnly(2023, 12, 31));
        var standard = view.Compliance.Standards.Single(s => s.Number == 8);
        var area = standard.Requirements.Single(r => r.Description == "服务站面积");
        Assert.Equal((VerdictStatus.NotMet, "≥ 60 平方米", "50 平方米", "还差 10 平方米服务站面积"), (area.Status, area.Required, area.Actual, area.Gap));
        Assert.Equal(VerdictStatus.Met, standard.Requirements.Single(r => r.Description == "服务站人员").Status);
        var funding = standard.Requirements.Single(r => r.Description == "服务站经费");
        Assert.Equal((VerdictStatus.NotMet, "≥ 20,000.00 元", "15,000.50 元"), (funding.Status, funding.Required, funding.Actual));
        Assert.Contains("4,999.50 元", funding.Gap);
        Assert.Equal("三（八）", funding.Clause);

        var negative = ProgressServiceTests.Sample(communities, 1) with { Station = new StationFigures(-1, 3, null) };
        var next = await progress.OpenAsync(station, scope, station.SiteId!.Value, 2023, 10);
        var refused = await Assert.ThrowsAsync<FieldValidationException>(() => progress.SaveAsync(station, scope, next, 1, negative));
        Assert.Equal("Station.FloorAreaSquareMetres", refused.Errors.Single().Field);
    }
}
