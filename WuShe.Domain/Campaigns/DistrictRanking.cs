namespace WuShe.Domain.Campaigns;

/// <summary>What a district is ranked by: its quota, its sites that completed creation, their average standards met and money raised.</summary>
public interface IRankedDistrict
{
    int StreetQuota { get; }
    int CompleteSites { get; }
    decimal AverageCompletion { get; }
    long RaisedFen { get; }
}

/// <summary>
/// 各区排名 (系统设定: the notice names no measure): by the share of the street quota that completed creation, then by the
/// average share of standards met, then by money raised — on the dashboard, in the summary report and for 通报.
/// </summary>
public static class DistrictRanking
{
    /// <summary>完成比例: sites that completed creation over the street quota (0 when the district has no quota).</summary>
    public static decimal CompleteShare(int completeSites, int streetQuota) => streetQuota == 0 ? 0 : (decimal)completeSites / streetQuota;

    public static IReadOnlyList<T> Order<T>(IEnumerable<T> districts) where T : IRankedDistrict =>
        districts.OrderByDescending(d => CompleteShare(d.CompleteSites, d.StreetQuota)).ThenByDescending(d => d.AverageCompletion)
            .ThenByDescending(d => d.RaisedFen).ToList();
}
