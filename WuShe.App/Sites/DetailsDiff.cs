using WuShe.Domain.Sites;

namespace WuShe.App.Sites;

public sealed record FieldChange(string Field, string Before, string After);

/// <summary>What an edit changed in an application, field by field, in the form's own Chinese labels (for the audit log).</summary>
public static class DetailsDiff
{
    public static IReadOnlyList<FieldChange> Between(ApplicationDetails before, ApplicationDetails after) =>
        Describe(before).Zip(Describe(after), (b, a) => new FieldChange(b.Label, b.Text, a.Text))
            .Where(c => c.Before != c.After).ToList();

    private static IEnumerable<(string Label, string Text)> Describe(ApplicationDetails d)
    {
        yield return ("街镇", d.Street);
        yield return ("辐射社区", string.Join("；", d.Communities.Select(c =>
            $"{c.Name}（常住人口 {c.ResidentPopulation?.ToString() ?? "—"}，{c.PopulationSource} {c.PopulationYear?.ToString() ?? ""}）")));
        yield return ("服务站名称", d.StationName);
        yield return ("服务站地址", d.StationAddress);
        yield return ("专职社工", string.Join("；", d.SocialWorkers.Select(w => $"{w.Name}（合同 {w.Contract}，证书 {w.Certificate}）")));
        yield return ("社区基金依托慈善组织", d.FundCharity);
        yield return ("具有公开募捐资格", d.FundCharityHasPublicFundraisingStatus ? "是" : "否");
        yield return ("服务领域", d.ServiceAreas.Label() + (d.OtherServiceArea == "" ? "" : $"（{d.OtherServiceArea}）"));
        yield return ("联系人", d.ContactName);
        yield return ("联系电话", d.ContactPhone);
    }
}
