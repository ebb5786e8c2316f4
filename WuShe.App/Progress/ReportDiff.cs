using WuShe.App.Sites;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Progress;

/// <summary>What a report save changed, in the form's Chinese labels, for the audit log.</summary>
public static class ReportDiff
{
    public static IReadOnlyList<FieldChange> Between(ReportContent before, ReportContent after, Site site) =>
        Describe(before, site).Zip(Describe(after, site), (b, a) => new FieldChange(b.Label, b.Text, a.Text))
            .Where(c => c.Before != c.After).ToList();

    private static IEnumerable<(string Label, string Text)> Describe(ReportContent r, Site site)
    {
        yield return ("专职社工人数", r.FullTimeSocialWorkers?.ToString() ?? "");
        var station = r.StationOrNone;
        yield return ("服务站情况", station == StationFigures.None ? ""
            : $"面积 {station.FloorAreaSquareMetres} 平方米，工作人员 {station.Staff} 人，年度经费 {(station.AnnualFundingFen is { } fen ? Money.FormatYuan(fen) : "")}");
        yield return ("社区基金", r.FundEstablished ? $"{r.FundCharity}（{(r.FundCharityHasPublicFundraisingStatus ? "有" : "无")}公募资格，{r.FundSetUpOn:yyyy-MM-dd} 设立）" : "未设立");
        foreach (var c in site.Communities.OrderBy(c => c.SortOrder))
        {
            var f = r.Communities.FirstOrDefault(x => x.CommunityId == c.Id);
            yield return ($"{c.Name}数据", f is null ? "" :
                $"两委 {f.CommitteeMembers}，持证 {f.CertifiedWorkers}，志愿团队 {f.VolunteerTeams}，常住人口 {f.ResidentPopulation}，注册志愿者 {f.RegisteredVolunteers}，有时长 {f.ActiveVolunteers}"
                + (f.CommunityWorkers is null ? "" : $"，社区工作者 {f.CommunityWorkers}（持证 {f.CertifiedCommunityWorkers}）"));
        }
        yield return ("社区社会组织", string.Join("；", r.Organisations.Select(o => $"{o.Name}（{o.Type}，{o.Status.Label()}，{o.CultivatedOn:yyyy-MM-dd}）")));
        yield return ("筹款", string.Join("；", r.Donations.Select(d => $"{ChinaTime.ToChina(d.ReceivedAt):yyyy-MM-dd} {d.Donor} {d.Kind.Label()} {Money.FormatYuan(d.AmountFen)}")));
        yield return ("服务活动", string.Join("；", r.Activities.Select(a => $"{a.HeldOn:yyyy-MM-dd} {a.Area.Label()} {a.Title}（{a.Beneficiaries} 人受益）")));
        yield return ("总结推广", string.Join("；", r.Promotions.Select(p => $"{p.Kind.Label()}：{p.Title}")));
    }
}
