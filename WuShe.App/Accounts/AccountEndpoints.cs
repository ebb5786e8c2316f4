using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using WuShe.App.Excel;
using WuShe.App.Hosting;

namespace WuShe.App.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Signing out ends every session of the account (the stamp moves), not only this browser's cookie.
        app.MapPost("/logout", async (HttpContext http, UserManager<UserAccount> users, IAntiforgery antiforgery, SecurityAudit audit) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest("请求已过期，请刷新页面后再退出登录。");
            if (await users.GetUserAsync(http.User) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
                await audit.RecordAsync(user, "退出登录", "该账号的全部登录已结束");
            }
            await http.SignOutAsync(UserClaims.Scheme);
            return Results.Redirect("/login");
        }).DisableAntiforgery(); // validated in the handler above, which then refuses with a message

        var export = app.MapGroup("/export").RequireAuthorization(Policies.AccountAdministrators);
        export.MapGet("/users.xlsx", (HttpContext http, AccountWorkbook book, CancellationToken ct) => ApiResults.File(async () =>
            Results.File(await book.ExportAsync(http.User.Actor(), ct), Xlsx.ContentType, "账号.xlsx")));
        export.MapGet("/users-template.xlsx", (HttpContext http, AccountWorkbook book, CancellationToken ct) => ApiResults.File(async () =>
            Results.File(await book.TemplateAsync(http.User.Actor(), http.User.Scope(), ct), Xlsx.ContentType, "批量创建账号模板.xlsx")));
    }
}
