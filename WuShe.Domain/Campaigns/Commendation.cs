using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.Domain.Campaigns;

/// <summary>A district named in a 通报, with the figures it was commended for, as they stood when published.</summary>
public sealed record CommendedDistrict(int DistrictId, string Code, string Name, int CompleteSites, int StreetQuota, decimal AverageCompletion, long RaisedFen)
    : IRankedDistrict
{
    public decimal CompleteShare => DistrictRanking.CompleteShare(CompleteSites, StreetQuota);
}

/// <summary>
/// 通报 (五（三）“对推进有力、成效明显的区，将予以通报”): a numbered document of the city bureau naming the districts it
/// commends, with the text it writes and the figures behind each name; once published it is not changed.
/// </summary>
public class Commendation
{
    public const int MaxTitle = 100, MaxText = 5_000;

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int Year { get; private set; }
    /// <summary>Sequence within the year: 〔2024〕1号, 2号 …</summary>
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateOnly FiguresAsOf { get; private set; }
    public IReadOnlyList<CommendedDistrict> Districts { get; private set; } = [];
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";

    protected Commendation() { }

    /// <summary>"五社联动通报〔2024〕1号".</summary>
    public string DocumentNumber => $"五社联动通报〔{Year}〕{Number}号";

    public static Commendation Publish(Actor actor, int campaignId, int number, string title, string text,
        IReadOnlyList<CommendedDistrict> districts, DateOnly figuresAsOf, DateTimeOffset now)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("通报由市民政局发布。");
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(title)) errors.Add(new("Title", "请填写通报标题。"));
        else if (title.Trim().Length > MaxTitle) errors.Add(new("Title", $"标题最多 {MaxTitle} 个字。"));
        if (string.IsNullOrWhiteSpace(text)) errors.Add(new("Text", "请填写通报正文。"));
        else if (text.Trim().Length > MaxText) errors.Add(new("Text", $"正文最多 {MaxText:N0} 个字。"));
        if (districts.Count == 0) errors.Add(new("Districts", "请至少选择一个予以通报的区。"));
        else if (districts.Select(d => d.DistrictId).Distinct().Count() != districts.Count) errors.Add(new("Districts", "同一个区只能选择一次。"));
        if (errors.Count > 0) throw new FieldValidationException(errors);
        if (number < 1) throw new DomainException("通报序号无效。");
        return new Commendation
        {
            CampaignId = campaignId, Year = ChinaTime.ToChina(now).Year, Number = number, Title = title.Trim(), Text = text.Trim(),
            Districts = districts.ToList(), FiguresAsOf = figuresAsOf, PublishedAt = now, PublishedBy = actor.Name,
        };
    }

    /// <summary>
    /// Districts the figures suggest as 推进有力、成效明显: those with at least one site meeting every standard, ranked by
    /// share of quota complete, then average standards met (系统设定: the notice names no measure). The city decides.
    /// </summary>
    public static IReadOnlyList<CommendedDistrict> Suggest(IEnumerable<CommendedDistrict> districts, int most = 3) =>
        DistrictRanking.Order(districts.Where(d => d.CompleteSites > 0)).Take(most).ToList();
}
