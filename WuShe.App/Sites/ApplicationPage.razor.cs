using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WuShe.App.Accounts;
using WuShe.App.Components;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.App.Sites;

/// <summary>The application form of one site: the district drafts, saves and submits; the city approves or returns.</summary>
public partial class ApplicationPage
{
    [Parameter] public int? Id { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private SiteQueries Queries { get; set; } = default!;
    [Inject] private SiteApplications Applications { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private Campaigns.CampaignQueries Campaigns { get; set; } = default!;
    [Inject] private Radzen.DialogService Dialogs { get; set; } = default!;
    [Inject] private IClock Clock { get; set; } = default!;
    [Inject] private Radzen.NotificationService Toasts { get; set; } = default!;

    private ClaimsPrincipal user = default!;
    private Loaded<SiteDetail>? loaded;
    private SiteDetail? site;
    private ApplicationFormModel form = new();
    private ApplicationRules? rules;
    private FormCommand command = default!;
    private string? returnReason;
    private ApplicationDetails? conflictTheirs;
    private readonly SavedSnapshot saved = new();

    private bool IsNew => Id is null;
    private string Title => IsNew ? "新建创建点申报" : site is null ? "申报" : $"{site.Street} · 申报";
    private UserScope Scope => user.Scope();
    private int Version => site?.Version ?? 0;

    private bool CanEdit => Scope.Role == UserRole.DistrictOfficer && (IsNew || site?.DetailsEditable == true);
    private bool CanReview => Scope.Role == UserRole.CityAdministrator && site?.StateValue == SiteState.Submitted;

    private bool busy => command.Busy;
    private bool IsDirty() => CanEdit && saved.Differs(form);
    private void MarkSaved() => saved.Mark(form);

    protected override void OnInitialized() => command = new FormCommand(Toasts);

    protected override async Task OnParametersSetAsync()
    {
        user = (await AuthState).User;
        rules = await Campaigns.ApplicationRulesAsync(Scope);
        if (IsNew)
        {
            if (Scope.Role != UserRole.DistrictOfficer) loaded = new(null, "只有区民政局可以新建申报。", null);
            form = ApplicationFormModel.New(rules);
            MarkSaved();
            return;
        }
        await ReloadAsync();
        if (site is not null) form = ApplicationFormModel.From(site.Details, rules);
        MarkSaved();
    }

    private async Task ReloadAsync()
    {
        loaded = await Loaded<SiteDetail>.FromAsync(() => Queries.GetAsync(Scope, Id!.Value));
        site = loaded.Value;
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        await SaveFormAsync();
        return "已保存。";
    });

    private async Task SubmitAsync()
    {
        // What the submission lacks is shown at its fields first: no dialog, and no blank draft saved, for a form that cannot pass.
        if (rules is not null && form.ToDetails().WithoutBlankRows().Validate(ChinaTime.Today(Clock).Year, rules) is { Count: > 0 } problems)
        {
            command.Refuse(problems);
            return;
        }
        if (!await Dialogs.ConfirmAsync("提交申报", "提交后由市民政局审批，审批前不能再修改；如被退回，可修改后再次提交。", "确定提交")) return;
        await SubmitConfirmedAsync();
    }

    private Task SubmitConfirmedAsync() => RunAsync(async () =>
    {
        await SaveFormAsync();
        await Applications.SubmitAsync(user.Actor(), Scope, Id!.Value, Version);
        await ReloadAsync();
        return "已提交申报，等待市民政局审批。";
    });

    private Task StartCreationAsync() => RunAsync(async () =>
    {
        await SaveFormAsync();
        await Applications.StartCreationAsync(user.Actor(), Scope, Id!.Value, Version);
        await ReloadAsync();
        return "信息已完善，创建点进入“创建中”。";
    });

    private async Task ApproveAsync()
    {
        if (!await Dialogs.ConfirmAsync("审批立项", $"立项后“{site?.Street}”进入“创建中”，占用本区名额，不能撤销。", "确定立项")) return;
        await ApproveConfirmedAsync();
    }

    private Task ApproveConfirmedAsync() => RunAsync(async () =>
    {
        await Applications.ApproveAsync(user.Actor(), Scope, Id!.Value, Version);
        await ReloadAsync();
        return "已审批立项，创建点进入“创建中”。";
    });

    private Task ReturnAsync() => RunAsync(async () =>
    {
        await Applications.ReturnAsync(user.Actor(), Scope, Id!.Value, Version, returnReason ?? "");
        await ReloadAsync();
        returnReason = null;
        return "已退回，区民政局将看到退回理由。";
    });

    /// <summary>Creates the draft on first save (and moves to its address), otherwise saves it at the loaded version.</summary>
    private async Task SaveFormAsync()
    {
        if (IsNew)
        {
            var id = await Applications.CreateDraftAsync(user.Actor(), Scope, form.ToDetails());
            MarkSaved();
            Navigation.NavigateTo($"/applications/{id}", replace: true);
            Id = id;
        }
        else
        {
            await Applications.SaveDraftAsync(user.Actor(), Scope, Id!.Value, Version, form.ToDetails());
            MarkSaved();
        }
        await ReloadAsync();
    }

    private async Task TakeTheirsAsync()
    {
        await ReloadAsync();
        if (site is not null && rules is not null) form = ApplicationFormModel.From(site.Details, rules);
        MarkSaved();
        command.Clear();
        command.Succeeded("已载入对方保存的版本。");
    }

    /// <summary>The user has seen the other version and decides to overwrite it: save again against the current version.</summary>
    private Task KeepMineAsync() => RunAsync(async () =>
    {
        await ReloadAsync();
        await Applications.SaveDraftAsync(user.Actor(), Scope, Id!.Value, Version, form.ToDetails());
        MarkSaved();
        await ReloadAsync();
        return "已保存您的版本。";
    });

    private Task RunAsync(Func<Task<string>> action) =>
        command.RunAsync(action, async () => conflictTheirs = (await Queries.GetAsync(Scope, Id!.Value)).Details);
}
