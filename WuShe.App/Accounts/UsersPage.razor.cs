using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Radzen;
using WuShe.App.Components;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

public partial class UsersPage
{
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private DialogService Dialogs { get; set; } = default!;
    [Inject] private NotificationService Toasts { get; set; } = default!;
    private Actor actor = default!;
    private bool isCity;
    private UserRole[] roles = [];
    private IReadOnlyList<AccountRow> rows = [];
    private IReadOnlyList<Campaigns.DistrictRowView> districts = [];
    private IReadOnlyList<Campaigns.CampaignChoice> campaigns = [];
    private IReadOnlyList<SiteChoice> sites = [], jointSites = [];
    private AccountForm form = new(UserRole.DistrictOfficer);
    private AccountRow? editing;
    private IReadOnlyList<CreatedAccount> oneTime = [];
    private AccountImport? import;
    private FormCommand command = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        command = new(Toasts);
        actor = user.Actor();
        var scope = user.Scope();
        isCity = actor.Role == UserRole.CityAdministrator;
        roles = isCity ? Enum.GetValues<UserRole>() : [UserRole.StreetStation];
        form = NewForm();
        if (isCity) districts = (await Campaigns.GetOverviewAsync(scope)).Districts;
        if (isCity) campaigns = await Campaigns.ListAsync(scope);
        sites = (await Sites.ListAsync(scope)).Select(s => new SiteChoice(s.Id, $"{s.Id} · {s.DistrictName} · {s.Street}", s.JointSiteNumber is not null)).ToList();
        jointSites = sites.Where(s => s.Joint).ToList();
        rows = await Accounts.ListAsync(actor);
    }

    private void Edit(AccountRow row)
    {
        editing = row;
        command.Clear();
        form = new(row.Role)
        {
            UserName = row.UserName, DistrictCode = row.DistrictCode, SiteId = row.SiteId, AssignedSiteIds = row.AssignedSiteIds.ToList(),
            OtherCampaignIds = (row.OtherCampaignIds ?? []).ToList(),
        };
    }

    private async Task SaveAsync()
    {
        var target = new AccountTarget(form.Role, form.Role == UserRole.DistrictOfficer ? form.DistrictCode : null,
            form.Role == UserRole.StreetStation ? form.SiteId : null, form.Role == UserRole.CityEvaluator ? form.AssignedSiteIds.ToList() : []);
        if (editing is { } row)
        {
            if (!await Dialogs.ConfirmAsync("变更范围", $"变更 {row.UserName} 的角色与范围？其现有登录将立即结束。", "保存")) return;
            await RunAsync(async () =>
            {
                await Accounts.ChangeBindingAsync(actor, row.Id, target);
                var others = form.Role == UserRole.DistrictOfficer ? form.OtherCampaignIds.ToList() : [];
                if (!others.Order().SequenceEqual((row.OtherCampaignIds ?? []).Order()) && form.Role == UserRole.DistrictOfficer)
                    await Accounts.SetOtherCampaignsAsync(actor, row.Id, others);
                (editing, form) = (null, NewForm());
                return $"已变更 {row.UserName} 的角色与范围，其现有登录已结束。";
            });
            return;
        }
        await RunAsync(async () =>
        {
            var created = await Accounts.CreateAsync(actor, new NewAccount(form.UserName, form.DisplayName, target.Role, target.DistrictCode,
                target.SiteId, target.AssignedSiteIds, form.Phone));
            oneTime = [created];
            form = new(form.Role);
            return $"已创建账号 {created.UserName}，请把下方的临时密码告知本人。";
        });
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        const long limit = 5 * 1024 * 1024;
        await RunAsync(async () =>
        {
            import = null;
            if (e.File.Size > limit)
            {
                import = new([new Progress.ImportError("", 0, "文件超过 5 MB，请检查是否选错文件。")], []);
                return null;
            }
            await using var upload = e.File.OpenReadStream(limit);
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            buffer.Position = 0;
            import = await Workbook.ImportAsync(actor, buffer);
            if (import.Created.Count == 0) return null;
            oneTime = import.Created;
            return $"已创建 {import.Created.Count} 个账号，请把下方的临时密码告知本人。";
        });
    }

    private async Task ResetAsync(AccountRow row)
    {
        if (!await Dialogs.ConfirmAsync("重置密码", $"重置 {row.UserName} 的密码？其现有登录将立即结束。", "重置")) return;
        await RunAsync(async () =>
        {
            oneTime = [new CreatedAccount(row.UserName, row.DisplayName, await Accounts.ResetPasswordAsync(actor, row.Id))];
            return $"已重置 {row.UserName} 的密码，请把下方的临时密码告知本人。";
        });
    }

    private async Task SetActiveAsync(AccountRow row, bool active)
    {
        if (!active && !await Dialogs.ConfirmAsync("停用账号", $"停用 {row.UserName}？其现有登录将立即结束。", "停用")) return;
        await RunAsync(async () =>
        {
            await Accounts.SetActiveAsync(actor, row.Id, active);
            return active ? $"已启用 {row.UserName}。" : $"已停用 {row.UserName}，其现有登录已结束。";
        });
    }

    private Task UnlockAsync(AccountRow row) => RunAsync(async () =>
    {
        await Accounts.UnlockAsync(actor, row.Id);
        return $"已解锁 {row.UserName}。";
    });

    /// <summary>One command through the page's <see cref="FormCommand"/>; the list is read again whatever came of it.</summary>
    private async Task RunAsync(Func<Task<string?>> command)
    {
        await this.command.RunAsync(command);
        rows = await Accounts.ListAsync(actor);
    }

    private AccountForm NewForm() => new(roles[0] == UserRole.CityAdministrator ? UserRole.DistrictOfficer : roles[0]);

    private IEnumerable<(UserRole, string)> RoleChoices => roles.Select(r => (r, r.Label()));
    private IEnumerable<(string, string)> DistrictChoices => districts.Select(d => (d.Code, d.Name));

    private sealed record SiteChoice(int Id, string Text, bool Joint);

    private sealed class AccountForm(UserRole role)
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string Phone { get; set; } = "";
        public UserRole Role { get; set; } = role;
        public string? DistrictCode { get; set; }
        public int? SiteId { get; set; }
        public IEnumerable<int> AssignedSiteIds { get; set; } = [];
        public IEnumerable<int> OtherCampaignIds { get; set; } = [];
    }
}
