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
    private Actor actor = default!;
    private bool isCity;
    private UserRole[] roles = [];
    private IReadOnlyList<AccountRow> rows = [];
    private IReadOnlyList<Campaigns.DistrictRowView> districts = [];
    private IReadOnlyList<SiteChoice> sites = [], jointSites = [];
    private AccountForm form = new(UserRole.DistrictOfficer);
    private AccountRow? editing;
    private Dictionary<string, string> errors = new();
    private IReadOnlyList<CreatedAccount> oneTime = [];
    private AccountImport? import;
    private string? message;
    private bool busy;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        actor = user.Actor();
        var scope = user.Scope();
        isCity = actor.Role == UserRole.CityAdministrator;
        roles = isCity ? Enum.GetValues<UserRole>() : [UserRole.StreetStation];
        form = new(roles[0] == UserRole.CityAdministrator ? UserRole.DistrictOfficer : roles[0]);
        if (isCity) districts = (await Campaigns.GetOverviewAsync(scope)).Districts;
        sites = (await Sites.ListAsync(scope)).Select(s => new SiteChoice(s.Id, $"{s.Id} · {s.DistrictName} · {s.Street}", s.JointSiteNumber is not null)).ToList();
        jointSites = sites.Where(s => s.Joint).ToList();
        rows = await Accounts.ListAsync(actor);
    }

    private void Edit(AccountRow row)
    {
        editing = row;
        errors = new();
        form = new(row.Role)
        {
            UserName = row.UserName, DistrictCode = row.DistrictCode, SiteId = row.SiteId, AssignedSiteIds = row.AssignedSiteIds.ToList(),
        };
    }

    private async Task SaveAsync()
    {
        var target = new AccountTarget(form.Role, form.Role == UserRole.DistrictOfficer ? form.DistrictCode : null,
            form.Role == UserRole.StreetStation ? form.SiteId : null, form.Role == UserRole.CityEvaluator ? form.AssignedSiteIds.ToList() : []);
        if (editing is { } row)
        {
            if (!await Dialogs.ConfirmAsync("变更范围", $"变更 {row.UserName} 的角色与范围？其现有登录将立即结束。", "保存")) return;
            await Run(async () =>
            {
                await Accounts.ChangeBindingAsync(actor, row.Id, target);
                (editing, form) = (null, new(roles[0] == UserRole.CityAdministrator ? UserRole.DistrictOfficer : roles[0]));
            });
            return;
        }
        await Run(async () =>
        {
            var created = await Accounts.CreateAsync(actor, new NewAccount(form.UserName, form.DisplayName, target.Role, target.DistrictCode,
                target.SiteId, target.AssignedSiteIds, form.Phone));
            oneTime = [created];
            form = new(form.Role);
        });
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        const long limit = 5 * 1024 * 1024;
        await Run(async () =>
        {
            import = null;
            if (e.File.Size > limit)
            {
                import = new([new Progress.ImportError("", 0, "文件超过 5 MB，请检查是否选错文件。")], []);
                return;
            }
            await using var upload = e.File.OpenReadStream(limit);
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            buffer.Position = 0;
            import = await Workbook.ImportAsync(actor, buffer);
            if (import.Created.Count > 0) oneTime = import.Created;
        });
    }

    private async Task ResetAsync(AccountRow row)
    {
        if (!await Dialogs.ConfirmAsync("重置密码", $"重置 {row.UserName} 的密码？其现有登录将立即结束。", "重置")) return;
        await Run(async () => oneTime = [new CreatedAccount(row.UserName, row.DisplayName, await Accounts.ResetPasswordAsync(actor, row.Id))]);
    }

    private async Task SetActiveAsync(AccountRow row, bool active)
    {
        if (!active && !await Dialogs.ConfirmAsync("停用账号", $"停用 {row.UserName}？其现有登录将立即结束。", "停用")) return;
        await Run(() => Accounts.SetActiveAsync(actor, row.Id, active));
    }

    /// <summary>One command: busy while it runs, errors at their fields or above the grid, the list read again.</summary>
    private async Task Run(Func<Task> command)
    {
        if (busy) return;
        busy = true;
        (errors, message) = (new(), null);
        try
        {
            await command();
        }
        catch (FieldValidationException e)
        {
            errors = FormErrors.ByField(e);
        }
        catch (Exception e) when (CommandRefusals.MessageOf(e) is { } refusal)
        {
            message = refusal;
        }
        finally
        {
            busy = false;
        }
        rows = await Accounts.ListAsync(actor);
    }

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
    }
}
