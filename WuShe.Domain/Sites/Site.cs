using WuShe.Domain.Campaigns;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.Domain.Sites;

/// <summary>
/// 创建点: a street or town (街镇) running the project through its social work station, with its covered communities,
/// its application details and its lifecycle (SPEC §4). Every change goes through a named method that checks role,
/// scope and state, and throws on an illegal move.
/// </summary>
public class Site
{
    /// <summary>项目辐射不少于2个社区（三（二））.</summary>

    private readonly List<Community> _communities = new();
    private readonly List<SocialWorker> _socialWorkers = new();
    private readonly List<SiteTransition> _transitions = new();

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int DistrictId { get; private set; }
    /// <summary>街镇 name, e.g. "南市街道".</summary>
    public string Street { get; private set; } = "";
    public SiteTier Tier { get; private set; }
    /// <summary>附件2 序号 (1–11 in Tianjin) for a joint site; null for a district-level site.</summary>
    public int? JointSiteNumber { get; private set; }
    public SiteState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Bumped by every change; a save carrying an older version is refused (optimistic concurrency).</summary>
    public int Version { get; private set; }

    /// <summary>街镇社会工作服务站.</summary>
    public string StationName { get; private set; } = "";
    public string StationAddress { get; private set; } = "";
    /// <summary>社区基金 partner: the charity with public-fundraising status (三（六）).</summary>
    public string FundCharity { get; private set; } = "";
    public bool FundCharityHasPublicFundraisingStatus { get; private set; }
    public ServiceArea ServiceAreas { get; private set; }
    public string OtherServiceArea { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    /// <summary>示例数据: created by the development sample seed, never in Production; the interface labels it.</summary>
    public bool IsSample { get; private set; }

    /// <summary>The reason given with the latest return, shown to the district until it resubmits.</summary>
    public string ReturnReason { get; private set; } = "";

    public IReadOnlyList<Community> Communities => _communities;
    public IReadOnlyList<SocialWorker> SocialWorkers => _socialWorkers;
    public IReadOnlyList<SiteTransition> Transitions => _transitions;

    /// <summary>立项 time, when the transitions are loaded and the site has been approved.</summary>
    public DateTimeOffset? ApprovedAt => _transitions.Where(t => t.To == SiteState.Approved).Select(t => (DateTimeOffset?)t.At).FirstOrDefault();

    protected Site() { }

    private Site(int campaignId, int districtId, SiteTier tier, int? jointSiteNumber, DateTimeOffset now)
    {
        CampaignId = campaignId;
        DistrictId = districtId;
        Tier = tier;
        JointSiteNumber = jointSiteNumber;
        CreatedAt = now;
    }

    /// <summary>The city designates a 市区联合创建点 (附件2); it needs no application and starts as 已立项 (SPEC §4).</summary>
    public static Site DesignateJointSite(int campaignId, int districtId, int jointSiteNumber, string street,
        IEnumerable<string> communityNames, ApplicationRules rules, DateTimeOffset now, Actor? by = null)
    {
        if (jointSiteNumber < 1) throw new DomainException($"市区联合创建点序号 {jointSiteNumber} 无效，应从 1 开始。");
        if (string.IsNullOrWhiteSpace(street)) throw new DomainException("请填写街镇名称。");
        var site = new Site(campaignId, districtId, SiteTier.CityDistrictJoint, jointSiteNumber, now) { Street = street.Trim() };
        var entries = communityNames.Select(n => CommunityKinds.Parse(n ?? "")).ToList();
        var names = entries.Select(e => e.Name).ToList();
        if (names.Any(n => n == "")) throw new DomainException($"{site.Street}：社区名称不能为空。");
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DomainException($"{site.Street}：社区“{duplicate.Key}”重复。");
        if (names.Count < rules.MinimumCommunities)
            throw new DomainException($"{site.Street}：项目辐射不少于 {rules.MinimumCommunities} 个社区（{rules.CommunitiesClause}），现有 {names.Count} 个。");
        site._communities.AddRange(entries.Select((e, i) => new Community(new CommunityEntry(e.Name, null, "", null, e.Kind), i + 1)));
        site.Record(by ?? Designator, SiteCommand.Designate, null, SiteState.Approved, null, now);
        return site;
    }

    /// <summary>The notice itself designates the seeded joint sites.</summary>
    public static readonly Actor Designator = new(0, "市民政局（通知附件2）", UserRole.CityAdministrator, null);

    /// <summary>A district officer starts an application for a 区级创建点; drafts may be incomplete.</summary>
    public static Site DraftApplication(int campaignId, int districtId, Actor actor, ApplicationDetails details, DateTimeOffset now)
    {
        EnsureOfficerOf(actor, districtId, "创建申报");
        var site = new Site(campaignId, districtId, SiteTier.DistrictLevel, null, now);
        site.Apply(details);
        site.Record(actor, SiteCommand.Draft, null, SiteState.Draft, null, now);
        return site;
    }

    public ApplicationDetails Details => new(Street,
        _communities.OrderBy(c => c.SortOrder).Select(c => new CommunityEntry(c.Name, c.ResidentPopulation, c.PopulationSource, c.PopulationYear,
            c.Kind == Community.KindOf(c.Name) ? null : c.Kind)).ToList(),
        StationName, StationAddress,
        _socialWorkers.OrderBy(w => w.SortOrder).Select(w => new SocialWorkerEntry(w.Name, w.Contract, w.Certificate)).ToList(),
        FundCharity, FundCharityHasPublicFundraisingStatus, ServiceAreas, OtherServiceArea, ContactName, ContactPhone);

    /// <summary>Whether the application form may be edited now, and by whom (district officer of the site's district).</summary>
    public bool DetailsEditable => Tier == SiteTier.DistrictLevel
        ? State is SiteState.Draft or SiteState.Returned
        : State is SiteState.Approved or SiteState.InProgress;

    /// <summary>Saves the application form (a draft may be incomplete). A joint site's street and communities are fixed by 附件2.</summary>
    public void UpdateDetails(Actor actor, ApplicationDetails details)
    {
        EnsureOfficerOf(actor, DistrictId, "修改申报信息");
        if (!DetailsEditable)
            throw new DomainException(Tier == SiteTier.DistrictLevel
                ? $"申报当前为“{State.Label()}”，只有草稿或已退回的申报可以修改。"
                : $"市区联合创建点当前为“{State.Label()}”，不能再修改基本信息。");
        if (Tier == SiteTier.CityDistrictJoint)
        {
            var fixedNames = _communities.OrderBy(c => c.SortOrder).Select(c => c.Name);
            if (details.Street.Trim() != Street || !details.Communities.Select(c => c.Name.Trim()).SequenceEqual(fixedNames))
                throw new FieldValidationException(new[] { new FieldError(nameof(ApplicationDetails.Communities),
                    "市区联合创建点的街镇和社区由通知附件2确定，只能补充人口等信息，不能增删或改名。") });
        }
        Apply(details);
        Version++;
    }

    /// <summary>提交申报: complete by the campaign's 申报条件 (the ledger's rules), within the district's remaining quota.</summary>
    public void Submit(Actor actor, QuotaLedger ledger, DateTimeOffset now, int currentYear)
    {
        if (Tier != SiteTier.DistrictLevel) throw new DomainException("市区联合创建点由市民政局指定，无需申报。");
        EnsureAllowed(SiteCommand.Submit, actor, null);
        var errors = Details.Validate(currentYear, ledger.Rules);
        if (errors.Count > 0) throw new FieldValidationException(errors);
        ledger.EnsureRoomFor(Id, _communities.Count);
        ReturnReason = "";
        Move(SiteCommand.Submit, actor, null, now);
    }

    /// <summary>退回 with a reason the district sees.</summary>
    public void Return(Actor actor, string reason, DateTimeOffset now)
    {
        Move(SiteCommand.Return, actor, reason, now);
        ReturnReason = reason.Trim();
    }

    /// <summary>审批立项; an approved district site goes straight on to 创建中.</summary>
    public void Approve(Actor actor, DateTimeOffset now)
    {
        Move(SiteCommand.Approve, actor, null, now);
        Move(SiteCommand.StartCreation, actor, null, now);
    }

    /// <summary>开始创建 of a designated joint site, once the district has completed its details.</summary>
    public void StartCreation(Actor actor, ApplicationRules rules, DateTimeOffset now, int currentYear)
    {
        if (actor.Role == UserRole.DistrictOfficer) EnsureOfficerOf(actor, DistrictId, SiteCommand.StartCreation.Label());
        var errors = Details.Validate(currentYear, rules);
        if (errors.Count > 0) throw new FieldValidationException(errors);
        Move(SiteCommand.StartCreation, actor, null, now);
    }

    public void RecordMidTermEvaluation(Actor actor, DateTimeOffset now) => Move(SiteCommand.RecordMidTermEvaluation, actor, null, now);

    /// <summary>完成末期评估: only after a mid-term evaluation, or again after rectification.</summary>
    public void RecordFinalEvaluation(Actor actor, DateTimeOffset now) => Move(SiteCommand.RecordFinalEvaluation, actor, null, now);

    public void Accept(Actor actor, DateTimeOffset now) => Move(SiteCommand.Accept, actor, null, now);

    public void RequireRectification(Actor actor, string reason, DateTimeOffset now) =>
        Move(SiteCommand.RequireRectification, actor, reason, now);

    public void MarkAsSample() => IsSample = true;

    /// <summary>Checks the table, role, scope, state and reason; throws with a reason a person can act on.</summary>
    public void EnsureAllowed(SiteCommand command, Actor actor, string? reason)
    {
        var rule = SiteLifecycle.Rule(command);
        if (!rule.Roles.Contains(actor.Role))
            throw new DomainException($"只有{string.Join("或", rule.Roles.Select(r => r.Label()))}可以{command.Label()}。");
        if (actor.Role == UserRole.DistrictOfficer) EnsureOfficerOf(actor, DistrictId, command.Label());
        if (!rule.From.Contains(State))
            throw new DomainException($"“{Street}”当前为“{State.Label()}”，不能{command.Label()}。");
        if (rule.NeedsReason && string.IsNullOrWhiteSpace(reason))
            throw new FieldValidationException(new[] { new FieldError("Reason", $"{command.Label()}必须填写理由。") });
    }

    private void Move(SiteCommand command, Actor actor, string? reason, DateTimeOffset now)
    {
        EnsureAllowed(command, actor, reason);
        Record(actor, command, State, SiteLifecycle.Rule(command).To, reason, now);
    }

    private void Record(Actor actor, SiteCommand command, SiteState? from, SiteState to, string? reason, DateTimeOffset now)
    {
        _transitions.Add(new SiteTransition(actor, command, from, to, reason, now));
        State = to;
        Version++;
    }

    private void Apply(ApplicationDetails d)
    {
        var outOfBounds = d.Bounds();
        if (outOfBounds.Count > 0) throw new FieldValidationException(outOfBounds);
        Street = d.Street.Trim();
        // Matched by name and updated in place: progress figures refer to a community by its id.
        d = d.WithoutBlankRows();
        var entries = d.Communities.ToList();
        var kept = new List<Community>();
        for (var i = 0; i < entries.Count; i++)
        {
            var existing = _communities.FirstOrDefault(c => c.Name == entries[i].Name.Trim() && !kept.Contains(c));
            if (existing is null) kept.Add(new Community(entries[i], i + 1));
            else
            {
                existing.Update(entries[i], i + 1);
                kept.Add(existing);
            }
        }
        _communities.RemoveAll(c => !kept.Contains(c));
        _communities.AddRange(kept.Where(c => !_communities.Contains(c)));
        StationName = d.StationName.Trim();
        StationAddress = d.StationAddress.Trim();
        _socialWorkers.Clear();
        _socialWorkers.AddRange(d.SocialWorkers.Select((w, i) => new SocialWorker(w, i + 1)));
        FundCharity = d.FundCharity.Trim();
        FundCharityHasPublicFundraisingStatus = d.FundCharityHasPublicFundraisingStatus;
        ServiceAreas = d.ServiceAreas;
        OtherServiceArea = d.ServiceAreas.HasFlag(ServiceArea.Other) ? d.OtherServiceArea.Trim() : "";
        ContactName = d.ContactName.Trim();
        ContactPhone = d.ContactPhone.Trim();
    }

    private static void EnsureOfficerOf(Actor actor, int districtId, string what)
    {
        if (actor.Role != UserRole.DistrictOfficer)
            throw new DomainException($"只有区民政局可以{what}。");
        if (actor.DistrictId != districtId)
            throw new DomainException($"只能对本区的创建点{what}。");
    }
}
