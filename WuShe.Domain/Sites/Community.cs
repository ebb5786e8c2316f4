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
        Kind = KindOf(Name);
        SortOrder = sortOrder;
        ResidentPopulation = entry.ResidentPopulation;
        PopulationSource = entry.PopulationSource.Trim();
        PopulationYear = entry.PopulationYear;
    }

    internal void Update(CommunityEntry entry, int sortOrder)
    {
        SortOrder = sortOrder;
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
