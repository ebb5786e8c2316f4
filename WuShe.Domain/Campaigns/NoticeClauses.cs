namespace WuShe.Domain.Campaigns;

/// <summary>
/// The notice's own words for the steps the system runs, each "clause：text", cited beside alerts, refusals and documents
/// (Tianjin: 五（一） tracking, 五（三） evaluation, acceptance and 通报). Campaign data, so another notice cites itself.
/// </summary>
public sealed record NoticeClauses(string Tracking, string Evaluation, string Acceptance, string Commendation)
{
    /// <summary>The clause number alone: "五（三）" of "五（三）：经评估合格后给予结项".</summary>
    public static string NumberOf(string clause) => clause.Split('：')[0];

    /// <summary>The words alone: "经评估合格后给予结项".</summary>
    public static string WordsOf(string clause) => clause.Contains('：') ? clause[(clause.IndexOf('：') + 1)..] : clause;

    public IEnumerable<(string Field, string Value)> Fields() =>
        new[] { ("tracking", Tracking), ("evaluation", Evaluation), ("acceptance", Acceptance), ("commendation", Commendation) };
}
