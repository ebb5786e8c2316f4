using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Evaluations;

/// <summary>结项决定: the city's decision on a site after its final evaluation — 通过结项, or 整改 back to a new evaluation round.</summary>
public class AcceptanceDecision
{
    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public int EvaluationId { get; private set; }
    public bool Accepted { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public string Reasons { get; private set; } = "";
    public string DecidedBy { get; private set; } = "";
    /// <summary>文书编号 of the acceptance report, e.g. "WS-2024-120101-0007".</summary>
    public string DocumentNumber { get; private set; } = "";

    protected AcceptanceDecision() { }

    public static AcceptanceDecision Decide(Site site, Evaluation final, bool accept, string reasons, Actor actor, DateTimeOffset now, string districtCode,
        string acceptanceClause)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("结项由市民政局决定。");
        if (final is not { Phase: EvaluationPhase.Final, Complete: true } || final.SiteId != site.Id || !final.Leads(site.Tier))
            throw new DomainException(site.Tier == SiteTier.CityDistrictJoint
                ? "须在市级评估团队的末期评估提交后才能作出结项决定。" : "须在末期评估提交后才能作出结项决定。");
        if (string.IsNullOrWhiteSpace(reasons)) throw new FieldValidationException(new[] { new FieldError("Reasons", "请填写结项结论的理由。") });
        if (accept && WhyNotAcceptable(final, acceptanceClause) is { } why) throw new DomainException(why);
        if (accept) site.Accept(actor, now);
        else site.RequireRectification(actor, reasons, now);
        var on = ChinaTime.DateOf(now);
        return new AcceptanceDecision
        {
            SiteId = site.Id, EvaluationId = final.Id, Accepted = accept, DecidedOn = on, Reasons = reasons.Trim(), DecidedBy = actor.Name,
            DocumentNumber = $"WS-{on.Year}-{districtCode}-{site.Id:0000}",
        };
    }

    public string Conclusion => Accepted ? "通过结项" : "整改";

    /// <summary>
    /// 五（三）“经评估合格后给予结项”: 通过结项 needs a final evaluation whose mean score reaches the rubric's pass mark;
    /// otherwise only 整改 can be decided. Null when acceptance is possible; else the reason, with the score and the mark.
    /// </summary>
    /// <param name="acceptanceClause">The notice's clause, e.g. "五（三）：经评估合格后给予结项" (<see cref="Campaigns.NoticeClauses.Acceptance"/>).</param>
    public static string? WhyNotAcceptable(Evaluation final, string acceptanceClause)
    {
        if (final.MeanScore is not { } score) return "末期评估尚无得分，不能通过结项。";
        return final.Rubric.Passes(score) ? null
            : $"末期评估平均得分 {score:0.##} 分，低于合格线 {final.Rubric.PassMark:0.##} 分（{final.Rubric.Grade(score)}）。" +
              $"按通知{Campaigns.NoticeClauses.NumberOf(acceptanceClause)}“{Campaigns.NoticeClauses.WordsOf(acceptanceClause)}”，不能通过结项，只能作出整改决定。";
    }
}
