using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using WuShe.Domain.Accounts;
using WuShe.Domain.Alerts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Data;

/// <summary>
/// Scope as global query filters: every query of a user's data sees only what <see cref="UserScope.Covers"/> lets the
/// context's <see cref="ReadScope"/> see. A context made without one refuses to query such data rather than show all of it.
/// </summary>
public partial class WuSheDbContext
{
    private UserScope? _readScope;

    /// <summary>Whose data this context reads; set once, by <see cref="ReadScopes"/>.</summary>
    public UserScope ReadScope => _readScope
        ?? throw new InvalidOperationException("数据上下文没有读取范围：请用 ForAsync(scope) 或 ForSystemAsync() 创建。");

    public WuSheDbContext ReadAs(UserScope scope)
    {
        if (_readScope is not null && _readScope != scope) throw new InvalidOperationException("数据上下文的读取范围不能更换。");
        _readScope = scope;
        return this;
    }

    private void AddScopeFilters(ModelBuilder model)
    {
        // Rows that carry their campaign are read in the user's campaign; their parts through their site.
        Filter<Site>(model, s => s.DistrictId, s => s.Id, s => ReadScope.CampaignId == null || s.CampaignId == ReadScope.CampaignId);
        Filter<ProgressReport>(model, r => r.DistrictId, r => r.SiteId, r => ReadScope.CampaignId == null || r.CampaignId == ReadScope.CampaignId);
        Filter<EvidenceFile>(model, e => e.DistrictId, e => e.SiteId, e => ReadScope.CampaignId == null || Set<Site>().Any(s => s.Id == e.SiteId));
        Filter<Evaluation>(model, e => e.DistrictId, e => e.SiteId, e => ReadScope.CampaignId == null || Set<Site>().Any(s => s.Id == e.SiteId));
        Filter<WuShe.Domain.Contracts.ServiceContract>(model, c => c.DistrictId, c => c.SiteId, c => ReadScope.CampaignId == null || Set<Site>().Any(s => s.Id == c.SiteId));
        Filter<Alert>(model, a => a.DistrictId, a => a.SiteId, a => ReadScope.CampaignId == null || a.CampaignId == ReadScope.CampaignId);
        // A district's entries belong to its campaign; the city's own (accounts, settings, backups) are read in every campaign.
        Filter<AuditEntry>(model, a => a.DistrictId, a => null,
            a => ReadScope.CampaignId == null || a.DistrictId == null || Set<District>().Any(d => d.Id == a.DistrictId));
        model.Entity<Commendation>().HasQueryFilter(c => ReadScope.CampaignId == null || c.CampaignId == ReadScope.CampaignId);
        // A district is visible to its officer and to whoever sees one of its sites (a station its own, an evaluator an assigned one's).
        model.Entity<District>().HasQueryFilter(d => (ReadScope.CampaignId == null || d.CampaignId == ReadScope.CampaignId)
            && (ReadScope.SeesWholeCity || d.Id == ReadScope.DistrictId || Set<Site>().Any(s => s.DistrictId == d.Id)));
        // Parts of a visible site or evaluation.
        model.Entity<Community>().HasQueryFilter(c => (ReadScope.SeesWholeCity && ReadScope.CampaignId == null) || Set<Site>().Any(s => s.Id == c.SiteId));
        model.Entity<SocialWorker>().HasQueryFilter(w => (ReadScope.SeesWholeCity && ReadScope.CampaignId == null) || Set<Site>().Any(s => s.Id == w.SiteId));
        model.Entity<SiteTransition>().HasQueryFilter(t => (ReadScope.SeesWholeCity && ReadScope.CampaignId == null) || Set<Site>().Any(s => s.Id == t.SiteId));
        model.Entity<AcceptanceDecision>().HasQueryFilter(d => (ReadScope.SeesWholeCity && ReadScope.CampaignId == null) || Set<Site>().Any(s => s.Id == d.SiteId));
        model.Entity<EvaluationSheet>().HasQueryFilter(x => (ReadScope.SeesWholeCity && ReadScope.CampaignId == null) || Set<Evaluation>().Any(e => e.Id == x.EvaluationId));
    }

    /// <summary><c>entity => inCampaign(entity) &amp;&amp; Covers(ReadScope, district(entity), site(entity))</c>, read from this context when a query runs.</summary>
    private void Filter<T>(ModelBuilder model, Expression<Func<T, int?>> district, Expression<Func<T, int?>> site,
        Expression<Func<T, bool>>? inCampaign) where T : class
    {
        var entity = Expression.Parameter(typeof(T), "e");
        Expression<Func<UserScope>> scope = () => ReadScope;
        var covers = UserScope.Covers;
        var body = ReplacingExpressionVisitor.Replace(
            [covers.Parameters[0], covers.Parameters[1], covers.Parameters[2]],
            [scope.Body, ReplacingExpressionVisitor.Replace(district.Parameters[0], entity, district.Body),
                ReplacingExpressionVisitor.Replace(site.Parameters[0], entity, site.Body)],
            covers.Body);
        if (inCampaign is not null)
            body = Expression.AndAlso(ReplacingExpressionVisitor.Replace(inCampaign.Parameters[0], entity, inCampaign.Body), body);
        model.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, entity));
    }
}
