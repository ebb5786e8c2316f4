using WuShe.Domain.Campaigns;
using WuShe.Domain.Common;

namespace WuShe.Domain.Sites;

/// <summary>服务领域 of 三（三）.</summary>
[Flags]
public enum ServiceArea
{
    None = 0,
    /// <summary>养老服务.</summary>
    ElderlyCare = 1,
    /// <summary>社会救助.</summary>
    SocialAssistance = 2,
    /// <summary>儿童福利和权益保护.</summary>
    ChildWelfare = 4,
    /// <summary>残疾人保障.</summary>
    DisabilityAssistance = 8,
    /// <summary>其他.</summary>
    Other = 16,
}

public static class ServiceAreaLabels
{
    public static readonly IReadOnlyList<(ServiceArea Area, string Label)> All = new[]
    {
        (ServiceArea.ElderlyCare, "养老服务"),
        (ServiceArea.SocialAssistance, "社会救助"),
        (ServiceArea.ChildWelfare, "儿童福利和权益保护"),
        (ServiceArea.DisabilityAssistance, "残疾人保障"),
        (ServiceArea.Other, "其他"),
    };

    public static string Label(this ServiceArea areas) =>
        string.Join("、", All.Where(a => areas.HasFlag(a.Area)).Select(a => a.Label));
}

/// <summary>One covered community as entered on the application, with its 常住人口 and where that figure comes from.</summary>
/// <param name="Kind">城市社区 or 农村社区 as recorded; null: as the name says (<see cref="Community.KindOf"/>).</param>
public sealed record CommunityEntry(string Name, int? ResidentPopulation, string PopulationSource, int? PopulationYear, CommunityKind? Kind = null);

/// <summary>A full-time social worker bought through government purchase of services (三（二）).</summary>
public sealed record SocialWorkerEntry(string Name, string Contract, string Certificate);

/// <summary>Everything a district officer fills in for a site (申报表). Drafts may be incomplete; <see cref="Validate"/> says what a submission lacks.</summary>
public sealed record ApplicationDetails(
    string Street,
    IReadOnlyList<CommunityEntry> Communities,
    string StationName,
    string StationAddress,
    IReadOnlyList<SocialWorkerEntry> SocialWorkers,
    string FundCharity,
    bool FundCharityHasPublicFundraisingStatus,
    ServiceArea ServiceAreas,
    string OtherServiceArea,
    string ContactName,
    string ContactPhone)
{
    /// <summary>The details as a save keeps them: rows left wholly empty (the form's spare rows) dropped.</summary>
    public ApplicationDetails WithoutBlankRows() => this with
    {
        Communities = Communities.Where(c => !IsBlank(c)).ToList(),
        SocialWorkers = SocialWorkers.Where(w => !string.IsNullOrWhiteSpace(w.Name + w.Contract + w.Certificate)).ToList(),
    };

    public static bool IsBlank(CommunityEntry c) =>
        string.IsNullOrWhiteSpace(c.Name) && c.ResidentPopulation is null && string.IsNullOrWhiteSpace(c.PopulationSource) && c.PopulationYear is null;

    /// <summary>What stands in the way of submitting, field by field, in Chinese, by the campaign's 申报条件.</summary>
    public IReadOnlyList<FieldError> Validate(int currentYear, ApplicationRules rules)
    {
        var errors = new List<FieldError>();
        void Need(bool ok, string field, string message) { if (!ok) errors.Add(new FieldError(field, message)); }

        Need(!Blank(Street), nameof(Street), "请填写街镇名称。");
        Need(Communities.Count >= rules.MinimumCommunities, nameof(Communities),
            $"项目辐射不少于 {rules.MinimumCommunities} 个社区（{rules.CommunitiesClause}），现填 {Communities.Count} 个。");
        for (var i = 0; i < Communities.Count; i++)
        {
            var c = Communities[i];
            var at = $"{nameof(Communities)}[{i}]";
            var label = Blank(c.Name) ? $"第 {i + 1} 个社区" : $"社区“{c.Name.Trim()}”";
            Need(!Blank(c.Name), $"{at}.Name", $"第 {i + 1} 个社区：请填写社区名称。");
            Need(c.ResidentPopulation is > 0, $"{at}.ResidentPopulation", $"{label}：请填写常住人口（大于 0 的整数）。");
            Need(!Blank(c.PopulationSource), $"{at}.PopulationSource", $"{label}：请注明常住人口数据来源（如第七次人口普查、社区台账）。");
            Need(c.PopulationYear is { } y && y >= 2000 && y <= currentYear, $"{at}.PopulationYear",
                $"{label}：常住人口统计年份应在 2000—{currentYear} 之间。");
        }
        foreach (var dup in Communities.Where(c => !Blank(c.Name)).GroupBy(c => c.Name.Trim()).Where(g => g.Count() > 1))
            errors.Add(new FieldError(nameof(Communities), $"社区“{dup.Key}”填写了 {dup.Count()} 次。"));

        Need(!Blank(StationName), nameof(StationName), "请填写街镇社会工作服务站名称。");
        Need(!Blank(StationAddress), nameof(StationAddress), "请填写服务站地址。");
        Need(SocialWorkers.Count >= rules.MinimumSocialWorkers, nameof(SocialWorkers),
            $"服务站通过政府购买服务配备不少于 {rules.MinimumSocialWorkers} 名专职社会工作者（{rules.SocialWorkersClause}），现填 {SocialWorkers.Count} 名。");
        for (var i = 0; i < SocialWorkers.Count; i++)
        {
            Need(!Blank(SocialWorkers[i].Name), $"{nameof(SocialWorkers)}[{i}].Name", $"第 {i + 1} 名社工：请填写姓名。");
            Need(!Blank(SocialWorkers[i].Contract), $"{nameof(SocialWorkers)}[{i}].Contract", $"第 {i + 1} 名社工：请填写政府购买服务合同编号或名称。");
        }
        Need(!Blank(FundCharity), nameof(FundCharity), "请填写社区基金依托的慈善组织。");
        Need(!rules.FundCharityNeedsPublicFundraising || FundCharityHasPublicFundraisingStatus, nameof(FundCharityHasPublicFundraisingStatus),
            $"社区基金须依托具有公开募捐资格的慈善组织（{rules.FundClause}）。");
        Need(ServiceAreas != ServiceArea.None, nameof(ServiceAreas), $"请至少选择一个服务领域（{rules.ServiceAreasClause}）。");
        var offered = rules.ServiceAreas | ServiceArea.Other;
        Need((ServiceAreas & ~offered) == ServiceArea.None, nameof(ServiceAreas), $"所选服务领域不在本活动所列领域内（{rules.ServiceAreasClause}）。");
        Need(!ServiceAreas.HasFlag(ServiceArea.Other) || !Blank(OtherServiceArea), nameof(OtherServiceArea), "选择了“其他”服务领域，请说明。");
        Need(!Blank(ContactName), nameof(ContactName), "请填写联系人。");
        Need(IsPhone(ContactPhone), nameof(ContactPhone), Blank(ContactPhone) ? $"请填写联系电话（手机 11 位或座机如 {rules.PhoneExample}）。"
            : $"联系电话“{ContactPhone.Trim()}”无效：应为 11 位手机号，或带区号的座机号如 {rules.PhoneExample}。");
        return errors;
    }

    /// <summary>Lengths and counts any save must keep, draft included (系统设定: the notice sets none).</summary>
    public IReadOnlyList<FieldError> Bounds()
    {
        const int Name = 100, Text = 300, MaxCommunities = 200, MaxWorkers = 200;
        var errors = new List<FieldError>();
        void Length(string? value, int max, string field, string what)
        {
            if ((value ?? "").Length > max) errors.Add(new FieldError(field, $"{what}最多 {max} 个字（系统设定），实际 {(value ?? "").Length} 个字。"));
        }
        Length(Street, Name, nameof(Street), "街镇名称");
        Length(StationName, Name, nameof(StationName), "服务站名称");
        Length(StationAddress, Text, nameof(StationAddress), "服务站地址");
        Length(FundCharity, Name, nameof(FundCharity), "依托的慈善组织");
        Length(OtherServiceArea, Text, nameof(OtherServiceArea), "其他服务领域");
        Length(ContactName, Name, nameof(ContactName), "联系人");
        Length(ContactPhone, 30, nameof(ContactPhone), "联系电话");
        if (Communities.Count > MaxCommunities) errors.Add(new FieldError(nameof(Communities), $"社区最多 {MaxCommunities} 个（系统设定）。"));
        if (SocialWorkers.Count > MaxWorkers) errors.Add(new FieldError(nameof(SocialWorkers), $"社工最多 {MaxWorkers} 名（系统设定）。"));
        for (var i = 0; i < Communities.Count; i++)
        {
            Length(Communities[i].Name, Name, $"{nameof(Communities)}[{i}].Name", $"第 {i + 1} 个社区：名称");
            Length(Communities[i].PopulationSource, Text, $"{nameof(Communities)}[{i}].PopulationSource", $"第 {i + 1} 个社区：数据来源");
            if (Communities[i].ResidentPopulation is < 0 or > Progress.ReportBounds.MaxResidents)
                errors.Add(new FieldError($"{nameof(Communities)}[{i}].ResidentPopulation", $"第 {i + 1} 个社区：常住人口应在 0 至 {Progress.ReportBounds.MaxResidents:N0} 之间（系统设定）。"));
            if (Communities[i].PopulationYear is < 1900 or > 2100)
                errors.Add(new FieldError($"{nameof(Communities)}[{i}].PopulationYear", $"第 {i + 1} 个社区：统计年份 {Communities[i].PopulationYear} 无效。"));
        }
        for (var i = 0; i < SocialWorkers.Count; i++)
        {
            Length(SocialWorkers[i].Name, Name, $"{nameof(SocialWorkers)}[{i}].Name", $"第 {i + 1} 名社工：姓名");
            Length(SocialWorkers[i].Contract, Text, $"{nameof(SocialWorkers)}[{i}].Contract", $"第 {i + 1} 名社工：合同");
            Length(SocialWorkers[i].Certificate, Name, $"{nameof(SocialWorkers)}[{i}].Certificate", $"第 {i + 1} 名社工：证书");
        }
        return errors;
    }

    public static ApplicationDetails Empty => new("", Array.Empty<CommunityEntry>(), "", "", Array.Empty<SocialWorkerEntry>(),
        "", false, ServiceArea.None, "", "", "");

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    /// <summary>A mobile number (11 digits from 1) or a landline with its area code (0 + 2–3 digits, 7–8 digits, optional extension).</summary>
    private static bool IsPhone(string? s)
    {
        var t = (s ?? "").Trim().Replace(" ", "");
        return System.Text.RegularExpressions.Regex.IsMatch(t, @"^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$");
    }
}
