using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
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
        api.MapGet("/campaigns", (HttpContext http, CampaignQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.ListAsync(http.User.Scope(), ct)));
        api.MapGet("/districts/{code}", (string code, HttpContext http, CampaignQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.GetDistrictAsync(http.User.Scope(), code, ct)));

        // The shell's campaign picker: a city account's choice is remembered on the account and carried by its cookie.
        app.MapPost("/campaigns/choose", async (HttpContext http, IAntiforgery antiforgery, UserManager<UserAccount> users,
            SignInManager<UserAccount> signIn, CampaignQueries q, SecurityAudit audit, CancellationToken ct) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return ApiResults.Error(400, "请求已过期，请刷新页面后重试。");
            var form = await http.Request.ReadFormAsync(ct);
            var scope = http.User.Scope();
            if (!scope.ChoosesCampaign && scope.CampaignIds.Count == 0) return ApiResults.Error(403, "无权执行此操作。");
            if (!int.TryParse(form["campaignId"], out var id) || !scope.MayChoose(id) || await q.NameAsync(id, ct) is not { } name)
                return ApiResults.Error(404, "没有找到该创建活动。");
            if (await users.GetUserAsync(http.User) is not { } user) return ApiResults.Error(403, "无权执行此操作。");
            user.ChooseCampaign(id);
            await users.UpdateAsync(user);
            await signIn.RefreshSignInAsync(user);
            await audit.RecordAsync(user, "切换创建活动", $"当前创建活动：{name}", ct: ct);
            var back = form["returnUrl"].ToString();
            return Results.LocalRedirect(back.StartsWith('/') && !back.StartsWith("//") && !back.StartsWith("/\\") ? back : "/");
        }).RequireAuthorization().DisableAntiforgery(); // validated in the handler, which refuses in words
    }
}
