namespace WuShe.Domain.Sites;

/// <summary>社区/村: a community covered by a site.</summary>
public class Community
{
    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public string Name { get; private set; } = "";
    public CommunityKind Kind { get; private set; }
    public int SortOrder { get; private set; }

    protected Community() { }

    internal Community(string name, int sortOrder)
    {
        Name = name.Trim();
        Kind = KindOf(Name);
        SortOrder = sortOrder;
    }

    /// <summary>Villages (村) in rural towns, communities (社区) elsewhere, as the names say.</summary>
    public static CommunityKind KindOf(string name) =>
        name.EndsWith("村", StringComparison.Ordinal) ? CommunityKind.Village : CommunityKind.UrbanCommunity;
}

public enum CommunityKind
{
    /// <summary>社区.</summary>
    UrbanCommunity,
    /// <summary>村.</summary>
    Village,
}
