using System.Text.Json;
using System.Text.Json.Nodes;
using WuShe.App.Data.Seeding;
using WuShe.App.Sites;

namespace WuShe.App.Campaigns.Editor;

/// <summary>What an edit of a campaign's definition changed, as the audit log shows it: section by section, district by district.</summary>
public static class CampaignChanges
{
    /// <summary>campaign.json's sections in the order the audit lists them.</summary>
    private static readonly (string Key, string Label)[] Sections =
    [
        ("name", "活动名称"), ("documentNumber", "文号"), ("issuer", "发文单位"), ("region", "地区"), ("targets", "任务目标"),
        ("reportingPeriodMonths", "填报周期"), ("reportingStartsOn", "填报起始日"), ("schedule", "评估日期与提前量"),
        ("notice", "通知条款"), ("application", "申报条件"), ("rubric", "评估指标"), ("fundraisingYear", "筹款年度"), ("contracts", "服务合同规则"),
        ("milestones", "时间节点"), ("standards", "创建标准"),
    ];

    public static IReadOnlyList<FieldChange> Between(CampaignSeed before, CampaignSeed after)
    {
        var changes = new List<FieldChange>();
        var (a, b) = (Json(before.Campaign), Json(after.Campaign));
        foreach (var (key, label) in Sections)
        {
            var (x, y) = (a[key]?.ToJsonString() ?? "", b[key]?.ToJsonString() ?? "");
            if (x != y) changes.Add(new FieldChange(label, Short(x), Short(y)));
        }
        var districts = before.Districts.Select(d => d.Code).Union(after.Districts.Select(d => d.Code));
        foreach (var code in districts)
        {
            var (x, y) = (before.Districts.FirstOrDefault(d => d.Code == code), after.Districts.FirstOrDefault(d => d.Code == code));
            if (Describe(x) != Describe(y)) changes.Add(new FieldChange($"区 {y?.Name ?? x?.Name}（{code}）", Describe(x), Describe(y)));
        }
        foreach (var number in before.JointSites.Select(j => j.Number).Union(after.JointSites.Select(j => j.Number)).Order())
        {
            var (x, y) = (before.JointSites.FirstOrDefault(j => j.Number == number), after.JointSites.FirstOrDefault(j => j.Number == number));
            if (Describe(x) != Describe(y)) changes.Add(new FieldChange($"市区联合创建点 {number}", Describe(x), Describe(y)));
        }
        return changes;
    }

    private static JsonObject Json(CampaignFile file) => JsonNode.Parse(CampaignFiles.CampaignJson(file))!.AsObject();

    private static string Describe(DistrictRow? d) => d is null ? "（无）" : $"{d.Name}：{d.StreetQuota} 个街镇、{d.CommunityQuota} 个社区";

    private static string Describe(JointSiteRow? j) => j is null ? "（无）" : $"{j.District} {j.Street}：{j.CommunitiesText}";

    private static string Short(string json) => json.Length <= 300 ? json : json[..300] + "……";
}
