using WuShe.App.Accounts;
using WuShe.App.Hosting;

namespace WuShe.App.Campaigns.Editor;

/// <summary>The campaign editor's service and its download: a campaign's definition in the seed-data format.</summary>
public static class CampaignEditorSetup
{
    public static IServiceCollection AddCampaignEditor(this IServiceCollection services) => services.AddSingleton<CampaignDefinitions>();

    public static void MapCampaignEditor(this IEndpointRouteBuilder app) =>
        app.MapGet("/campaigns/{id:int}/definition.zip", (int id, HttpContext http, CampaignDefinitions definitions, WuShe.Domain.Common.IClock clock, CancellationToken ct) =>
                ApiResults.File(async () =>
                {
                    var seed = await definitions.ExportAsync(http.User.Scope(), id, ct);
                    return Results.File(CampaignFiles.Zip(seed), "application/zip", $"{seed.Campaign.Code}-活动定义-{WuShe.Domain.Common.ChinaTime.Today(clock):yyyy-MM-dd}.zip");
                }))
            .RequireAuthorization(Policies.CityWide);
}
