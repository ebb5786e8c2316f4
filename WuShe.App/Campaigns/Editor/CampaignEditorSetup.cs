using WuShe.App.Accounts;
using WuShe.App.Hosting;

namespace WuShe.App.Campaigns.Editor;

/// <summary>The campaign editor's service and its download: a campaign's definition in the seed-data format.</summary>
public static class CampaignEditorSetup
{
    public static IServiceCollection AddCampaignEditor(this IServiceCollection services) => services.AddSingleton<CampaignDefinitions>();

    public static void MapCampaignEditor(this IEndpointRouteBuilder app)
    {
        app.MapGet("/campaigns/{id:int}/definition.zip", (int id, HttpContext http, CampaignDefinitions definitions, WuShe.Domain.Common.IClock clock, CancellationToken ct) =>
                ApiResults.File(async () =>
                {
                    var seed = await definitions.ExportAsync(http.User.Scope(), id, ct);
                    return Results.File(CampaignFiles.Zip(seed), "application/zip", $"{seed.Campaign.Code}-活动定义-{WuShe.Domain.Common.ChinaTime.Today(clock):yyyy-MM-dd}.zip");
                }))
            .RequireAuthorization(Policies.CityWide);
        // 区划名额 as the editor imports it: the same four columns, ready to edit in Excel and upload again.
        app.MapGet("/campaigns/{id:int}/quotas.xlsx", (int id, HttpContext http, CampaignDefinitions definitions, WuShe.Domain.Common.IClock clock, CancellationToken ct) =>
                ApiResults.File(async () =>
                {
                    var seed = await definitions.ExportAsync(http.User.Scope(), id, ct);
                    var sheet = new WuShe.App.Excel.XlsxSheet("区划名额", WuShe.App.Data.Seeding.DistrictRow.Columns,
                        seed.Districts.Select(d => (IReadOnlyList<object?>)[d.Code, d.Name, d.StreetQuota, d.CommunityQuota]));
                    return Results.File(WuShe.App.Excel.Xlsx.Write(sheet), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        $"{seed.Campaign.Code}-区划名额-{WuShe.Domain.Common.ChinaTime.Today(clock):yyyy-MM-dd}.xlsx");
                }))
            .RequireAuthorization(Policies.CityWide);
    }
}
