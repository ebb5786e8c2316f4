using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using WuShe.App.Accounts;
using WuShe.App.Components;
using WuShe.App.Hosting;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;

namespace WuShe.App.Progress;

/// <summary>One period's progress report: the station fills it in and submits; the district reads it and may return it.</summary>
public partial class ReportPage
{
    [Parameter] public int SiteId { get; set; }
    [Parameter] public int ReportId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private ProgressQueries Queries { get; set; } = default!;
    [Inject] private ProgressApplications Applications { get; set; } = default!;
    [Inject] private EvidenceStore Evidence { get; set; } = default!;
    [Inject] private Radzen.DialogService Dialogs { get; set; } = default!;
    [Inject] private Radzen.NotificationService Toasts { get; set; } = default!;

    private ClaimsPrincipal user = default!;
    private Loaded<ReportView>? loaded;
    private ReportView? report;
    private ReportFormModel form = new();
    private FormCommand command = default!;
    private string? returnReason;
    private readonly SavedSnapshot saved = new();

    private UserScope Scope => user.Scope();
    private bool CanEdit => Scope.Role == UserRole.StreetStation && Scope.SiteId == report?.SiteId && report.State != ReportState.Submitted;
    private bool CanReturn => report?.State == ReportState.Submitted && Scope.Role is UserRole.DistrictOfficer or UserRole.CityAdministrator;

    private bool busy => command.Busy;
    private bool IsDirty() => CanEdit && saved.Differs(form);

    private static readonly WuShe.Domain.Campaigns.StandardMetric[] StationMetrics =
        [WuShe.Domain.Campaigns.StandardMetric.StationFloorArea, WuShe.Domain.Campaigns.StandardMetric.StationStaff, WuShe.Domain.Campaigns.StandardMetric.StationAnnualFunding];

    /// <summary>持证比例's two numbers are asked for only where the campaign sets a standard on the share (or some were reported).</summary>
    private bool AsksForWorkerShare => report is not null && (report.ClauseOf(WuShe.Domain.Campaigns.StandardMetric.CertifiedWorkerShare) != ""
        || report.Content.Communities.Any(c => c.CommunityWorkers is not null));

    /// <summary>The station's own figures are asked for only where the campaign sets a standard on them (or some were reported).</summary>
    private bool AsksForStation => report is not null && (StationMetrics.Any(m => report.ClauseOf(m) != "") || report.Content.StationOrNone != WuShe.Domain.Progress.StationFigures.None);
    private void MarkSaved() => saved.Mark(form);

    protected override void OnInitialized() => command = new FormCommand(Toasts);

    protected override async Task OnParametersSetAsync()
    {
        user = (await AuthState).User;
        await ReloadAsync(resetForm: true);
    }

    private async Task ReloadAsync(bool resetForm)
    {
        loaded = await Loaded<ReportView>.FromAsync(() => Queries.ReportAsync(Scope, ReportId));
        if (loaded.Value is { } found && found.SiteId != SiteId)
            loaded = new(null, null, $"该创建点没有编号为 {ReportId} 的进展报告。");
        report = loaded.Value;
        if (report is not null && resetForm)
        {
            form = ReportFormModel.From(report);
            MarkSaved();
        }
    }

    private Task SaveAsync() => RunAsync(async () =>
    {
        await SaveFormAsync();
        return "已保存。";
    });

    private async Task SubmitAsync()
    {
        if (!await Dialogs.ConfirmAsync("提交进展", $"提交{report!.PeriodLabel}进展后不能再修改；如需更正，须由区民政局退回。", "确定提交")) return;
        await SubmitConfirmedAsync();
    }

    private Task SubmitConfirmedAsync() => RunAsync(async () =>
    {
        await SaveFormAsync();
        await Applications.SubmitAsync(user.Actor(), Scope, ReportId, report!.Version);
        await ReloadAsync(resetForm: true);
        return "本期进展已提交，达标情况已按本期数据更新。";
    });

    private Task ReturnAsync() => RunAsync(async () =>
    {
        await Applications.ReturnAsync(user.Actor(), Scope, ReportId, report!.Version, returnReason ?? "");
        await ReloadAsync(resetForm: true);
        returnReason = null;
        return "已退回，服务站将看到退回理由。";
    });

    private Task UploadAsync((Guid Key, IBrowserFile File) upload) => RunAsync(async () =>
    {
        await using var stream = upload.File.OpenReadStream(EvidenceFile.MaxBytes + 1);
        await Evidence.UploadAsync(user.Actor(), Scope, ReportId, upload.Key, upload.File.Name, upload.File.Size, stream);
        await ReloadAsync(resetForm: false);
        return $"已上传“{upload.File.Name}”。";
    });

    private async Task SaveFormAsync()
    {
        var (content, problems) = form.ToContent();
        if (content is null) throw new FieldValidationException(problems);
        await Applications.SaveAsync(user.Actor(), Scope, ReportId, report!.Version, content);
        MarkSaved();
        await ReloadAsync(resetForm: false);
    }

    private Task RunAsync(Func<Task<string>> action) => command.RunAsync(action);
}
