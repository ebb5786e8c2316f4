using WuShe.Domain.Common;

namespace WuShe.Domain.Progress;

/// <summary>
/// 录入范围（系统设定）: bounds the notice does not state, so that no single entry — a typo, or a hostile request — can
/// overflow a total, break a page for others or fill the database. A report outside them is refused at every save,
/// draft included; the messages say the bound is the system's.
/// </summary>
public static class ReportBounds
{
    /// <summary>每笔筹款不超过 1 亿元. With <see cref="MaxEntriesPerList"/> a report's sum stays below 10^14 分.</summary>
    public const long MaxEntryFen = 100_000_000L * 100;
    public const int MaxEntriesPerList = 1_000;
    /// <summary>常住人口 of one community.</summary>
    public const int MaxResidents = 2_000_000;
    /// <summary>Any other count of people or teams.</summary>
    public const int MaxCount = 100_000;
    /// <summary>服务站面积 and 年度经费 ceilings (系统设定): far above any station, low enough to catch a slip of the keyboard.</summary>
    public const int MaxStationArea = 100_000;
    public const long MaxStationFundingFen = 100_000_000L * 100;
    public const int MaxNameLength = 100, MaxTitleLength = 200, MaxDescriptionLength = 500;
    /// <summary>No entry is dated before this, whatever the campaign.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    /// <summary>Everything outside the bounds, by field; dates must lie in [<paramref name="earliest"/>, <paramref name="latest"/>].</summary>
    public static IReadOnlyList<FieldError> Check(ReportContent c, DateOnly earliest, DateOnly latest)
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }
        void Text(string? value, int max, string field, string what) =>
            Need((value ?? "").Length <= max, field, $"{what}最多 {max} 个字（系统设定），实际 {(value ?? "").Length} 个字。");
        void Date(DateOnly value, string field, string what) =>
            Need(value >= earliest && value <= latest, field, $"{what}应在 {earliest:yyyy-MM-dd} 至 {latest:yyyy-MM-dd} 之间（活动开始至本期期末），实际为 {value:yyyy-MM-dd}。");
        void Count(int? value, int max, string field, string what) =>
            Need(value is null || (value >= 0 && value <= max), field, $"{what}应在 0 至 {max:N0} 之间（系统设定），实际为 {value:N0}。");

        Count(c.FullTimeSocialWorkers, MaxCount, nameof(c.FullTimeSocialWorkers), "专职社会工作者人数");
        Count(c.StationOrNone.FloorAreaSquareMetres, MaxStationArea, "Station.FloorAreaSquareMetres", "服务站面积（平方米）");
        Count(c.StationOrNone.Staff, MaxCount, "Station.Staff", "服务站工作人员数");
        Need(c.StationOrNone.AnnualFundingFen is null or (>= 0 and <= MaxStationFundingFen), "Station.AnnualFundingFen",
            $"服务站年度经费应在 0 至 {MaxStationFundingFen / 100:N0} 元之间（系统设定）。");
        Text(c.FundCharity, MaxNameLength, nameof(c.FundCharity), "依托的慈善组织");
        if (c.FundSetUpOn is { } setUp) Date(setUp, nameof(c.FundSetUpOn), "社区基金设立日期");
        foreach (var (list, count, what) in new[] { ("Organisations", c.Organisations.Count, "社区社会组织"), ("Donations", c.Donations.Count, "筹款"),
                     ("Activities", c.Activities.Count, "服务活动"), ("Promotions", c.Promotions.Count, "总结推广") })
            Need(count <= MaxEntriesPerList, list, $"{what}一期最多 {MaxEntriesPerList:N0} 条（系统设定），实际 {count:N0} 条。");
        for (var i = 0; i < c.Communities.Count; i++)
        {
            var f = c.Communities[i];
            var at = $"Communities[{i}]";
            Count(f.ResidentPopulation, MaxResidents, $"{at}.ResidentPopulation", "常住人口");
            foreach (var (value, name, what) in new[] { (f.CommitteeMembers, "CommitteeMembers", "“两委”成员"), (f.CertifiedWorkers, "CertifiedWorkers", "持证社区工作者"),
                         (f.CommunityWorkers, "CommunityWorkers", "社区工作者总数"), (f.CertifiedCommunityWorkers, "CertifiedCommunityWorkers", "持证的社区工作者"),
                         (f.VolunteerTeams, "VolunteerTeams", "志愿服务组织"), (f.RegisteredVolunteers, "RegisteredVolunteers", "注册志愿者"),
                         (f.ActiveVolunteers, "ActiveVolunteers", "有服务时长记录的志愿者") })
                Count(value, name is "RegisteredVolunteers" or "ActiveVolunteers" ? MaxResidents : MaxCount, $"{at}.{name}", what);
        }
        for (var i = 0; i < c.Organisations.Count; i++)
        {
            var o = c.Organisations[i];
            Text(o.Name, MaxNameLength, $"Organisations[{i}].Name", $"第 {i + 1} 个社区社会组织：名称");
            Text(o.Type, MaxNameLength, $"Organisations[{i}].Type", $"第 {i + 1} 个社区社会组织：类型");
            Date(o.CultivatedOn, $"Organisations[{i}].CultivatedOn", $"第 {i + 1} 个社区社会组织：日期");
        }
        for (var i = 0; i < c.Donations.Count; i++)
        {
            var d = c.Donations[i];
            Need(d.AmountFen <= MaxEntryFen, $"Donations[{i}].AmountFen", $"第 {i + 1} 笔筹款：金额超过每笔上限 {Money.FormatYuan(MaxEntryFen)}（系统设定）。");
            Text(d.Donor, MaxNameLength, $"Donations[{i}].Donor", $"第 {i + 1} 笔筹款：捐赠方");
            Text(d.Description, MaxDescriptionLength, $"Donations[{i}].Description", $"第 {i + 1} 笔筹款：说明");
            Date(d.ReceivedAt.UtcDateTime.Year >= 9999 ? DateOnly.MaxValue : ChinaTime.DateOf(d.ReceivedAt),
                $"Donations[{i}].ReceivedAt", $"第 {i + 1} 笔筹款：时间");
        }
        for (var i = 0; i < c.Activities.Count; i++)
        {
            var a = c.Activities[i];
            Text(a.Title, MaxTitleLength, $"Activities[{i}].Title", $"第 {i + 1} 次服务活动：名称");
            Count(a.Beneficiaries, MaxCount, $"Activities[{i}].Beneficiaries", $"第 {i + 1} 次服务活动：受益人数");
            Date(a.HeldOn, $"Activities[{i}].HeldOn", $"第 {i + 1} 次服务活动：日期");
        }
        for (var i = 0; i < c.Promotions.Count; i++)
        {
            var p = c.Promotions[i];
            Text(p.Title, MaxTitleLength, $"Promotions[{i}].Title", $"第 {i + 1} 项总结推广：题目");
            Text(p.Outlet, MaxNameLength, $"Promotions[{i}].Outlet", $"第 {i + 1} 项总结推广：渠道");
            Date(p.PublishedOn, $"Promotions[{i}].PublishedOn", $"第 {i + 1} 项总结推广：日期");
        }
        return errors;
    }
}
