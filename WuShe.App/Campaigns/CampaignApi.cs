using WuShe.App.Accounts;
using WuShe.App.Hosting;

namespace WuShe.App.Campaigns;

public static class CampaignApi
{
    public static void MapCampaignApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/campaign", (HttpContext http, CampaignQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.GetOverviewAsync(http.User.Scope(), ct))).RequireAuthorization(Policies.CityWide);
        api.MapGet("/districts/{code}", (string code, HttpContext http, CampaignQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.GetDistrictAsync(http.User.Scope(), code, ct)));
    }
}
