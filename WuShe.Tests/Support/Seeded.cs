using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;

namespace WuShe.Tests.Support;

/// <summary>The shipped Tianjin campaign as its seed files define it, for domain tests.</summary>
public static class Seeded
{
    public static Campaign Tianjin() =>
        CampaignSeeder.ToCampaign(CampaignSeedReader.Read(Path.Combine(AppContext.BaseDirectory, "seed-data", "tianjin-2023")).Campaign);

    /// <summary>Tianjin's 申报条件: ≥ 2 communities and social workers (三（二）), 公募 charity (三（六）), four service areas (三（三））.</summary>
    public static readonly ApplicationRules Rules = Tianjin().Application;

    /// <summary>Tianjin's clauses for tracking, evaluation, acceptance (五（三）“经评估合格后给予结项”) and 通报.</summary>
    public static readonly NoticeClauses Clauses = Tianjin().Clauses;
}
