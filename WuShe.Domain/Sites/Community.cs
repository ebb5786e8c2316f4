namespace WuShe.Domain.Sites;

/// <summary>社区/村: a community covered by a site, with its resident population (常住人口) and where that figure comes from.</summary>
public class Community
{
    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public string Name { get; private set; } = "";
    public CommunityKind Kind { get; private set; }
    public int SortOrder { get; private set; }
    public int? ResidentPopulation { get; private set; }
    public string PopulationSource { get; private set; } = "";
    public int? PopulationYear { get; private set; }

    protected Community() { }

    internal Community(CommunityEntry entry, int sortOrder)
    {
        Name = entry.Name.Trim();
        Kind = entry.Kind ?? KindOf(Name);
        SortOrder = sortOrder;
        ResidentPopulation = entry.ResidentPopulation;
        PopulationSource = entry.PopulationSource.Trim();
        PopulationYear = entry.PopulationYear;
    }

    internal void Update(CommunityEntry entry, int sortOrder)
    {
        SortOrder = sortOrder;
        Kind = entry.Kind ?? KindOf(Name);
        ResidentPopulation = entry.ResidentPopulation;
        PopulationSource = entry.PopulationSource.Trim();
        PopulationYear = entry.PopulationYear;
    }

    /// <summary>Villages (村) in rural towns, communities (社区) elsewhere, as the names say.</summary>
    public static CommunityKind KindOf(string name) =>
        name.EndsWith("村", StringComparison.Ordinal) ? CommunityKind.Village : CommunityKind.UrbanCommunity;
}

public static class CommunityKinds
{
    /// <summary>"城市社区" / "农村社区", as the documents name them.</summary>
    public static string Label(CommunityKind kind) => kind == CommunityKind.Village ? "农村社区" : "城市社区";

    /// <summary>
    /// A community as 附件2 or the editor writes it: "华纳社区", or with its kind when the name does not say it,
    /// "前进社区（农村社区）" — the name, and the kind written (null: as the name says).
    /// </summary>
    public static (string Name, CommunityKind? Kind) Parse(string text)
    {
        var t = text.Trim();
        foreach (var kind in new[] { CommunityKind.Village, CommunityKind.UrbanCommunity })
            foreach (var (open, close) in new[] { ("（", "）"), ("(", ")") })
                if (t.EndsWith(open + Label(kind) + close, StringComparison.Ordinal))
                    return (t[..^(Label(kind).Length + 2)].Trim(), kind);
        return (t, null);
    }

    /// <summary>The community as written back: its name, and its kind only where the name would say otherwise.</summary>
    public static string Format(string name, CommunityKind kind) => Community.KindOf(name) == kind ? name : $"{name}（{Label(kind)}）";
}

public enum CommunityKind
{
    /// <summary>社区.</summary>
    UrbanCommunity,
    /// <summary>村.</summary>
    Village,
}

/// <summary>专职社会工作者 bought through government purchase of services (三（二）).</summary>
public class SocialWorker
{
    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>政府购买服务合同.</summary>
    public string Contract { get; private set; } = "";
    /// <summary>职业资格证书.</summary>
    public string Certificate { get; private set; } = "";
    public int SortOrder { get; private set; }

    protected SocialWorker() { }

    internal SocialWorker(SocialWorkerEntry entry, int sortOrder)
    {
        Name = entry.Name.Trim();
        Contract = entry.Contract.Trim();
        Certificate = entry.Certificate.Trim();
        SortOrder = sortOrder;
    }
}
