using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.Domain.Campaigns;

/// <summary>创建活动: one demonstration-project campaign issued by a notice (e.g. 津民函〔2023〕20号).</summary>
public class Campaign
{
    private readonly List<Milestone> _milestones = new();
    private readonly List<CreationStandard> _standards = new();

    public int Id { get; private set; }
    /// <summary>Stable natural key, e.g. "tianjin-2023"; seeding is keyed on it.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>文号.</summary>
    public string DocumentNumber { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public string Region { get; private set; } = "";
    /// <summary>区级创建点 targets of the notice (Tianjin: 50 streets, 100 communities).</summary>
    public int TargetStreets { get; private set; }
    public int TargetCommunities { get; private set; }
    /// <summary>市区联合创建点 targets (Tianjin: 11 streets, 24 communities).</summary>
    public int TargetJointStreets { get; private set; }
    public int TargetJointCommunities { get; private set; }

    /// <summary>The notice's words for the targets, e.g. "二、任务目标：50个街镇（100个城乡社区）作为区级创建点…".</summary>
    public string TargetsClause { get; private set; } = "";

    public void SetTargetsClause(string clause) => TargetsClause = clause.Trim();

    /// <summary>进展填报周期 in months (1 = monthly, the default).</summary>
    public int ReportingPeriodMonths { get; private set; } = 1;
    /// <summary>评估指标体系; the labelled system default until the city edits it.</summary>
    public Rubric Rubric { get; private set; } = Rubric.SystemDefault;

    /// <summary>The rubric the campaign starts with (its data file); marked a system setting when the notice gives no weights.</summary>
    public void SetRubric(Rubric rubric)
    {
        ThrowIfAny(rubric.Validate());
        Rubric = rubric;
    }

    /// <summary>The city edits the rubric; it is no longer the system default. Evaluations already opened keep their copy.</summary>
    public void ChangeRubric(Actor actor, Rubric rubric)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以修改评估指标。");
        ThrowIfAny(rubric.Validate());
        Rubric = rubric with { IsSystemDefault = false };
        Version++;
    }

    /// <summary>Optimistic concurrency of the city's edits (rubric, 系统设定).</summary>
    public int Version { get; private set; }

    /// <summary>What the notice leaves open and the city may change, as it stands.</summary>
    public SystemSettings SystemSettings => new(MidTermEvaluationDue ?? default, FinalEvaluationDue ?? default, AlertLeadDays, ReportDueDays,
        FundraisingYearBasis, FundraisingYearReason,
        _standards.SelectMany(s => s.Requirements).Where(r => r.ThresholdIsSystemSetting).ToDictionary(r => r.Id, r => r.Threshold));

    /// <summary>修改系统设定: the city changes the dates, lead times, fundraising year and the thresholds the notice does not state.</summary>
    public void ChangeSystemSettings(Actor actor, SystemSettings settings)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以修改系统设定。");
        ThrowIfAny(settings.Validate());
        var requirements = _standards.SelectMany(s => s.Requirements).ToDictionary(r => r.Id);
        foreach (var (id, threshold) in settings.Thresholds)
        {
            if (!requirements.TryGetValue(id, out var r)) throw new DomainException($"本活动没有编号为 {id} 的创建标准要求。");
            r.ChangeSystemThreshold(threshold, $"Thresholds[{id}]");
        }
        SetSchedule(settings.MidTermEvaluationDue, settings.FinalEvaluationDue, settings.AlertLeadDays, settings.ReportDueDays);
        SetFundraisingYear(settings.FundraisingYearBasis, settings.FundraisingYearReason);
        Version++;
    }

    /// <summary>
    /// 修改活动定义: the city replaces what the campaign says (names, targets, dates, clauses, 申报条件, rubric, milestones,
    /// standards) with <paramref name="definition"/>, built from its edited files. Once progress has been reported its
    /// periods are fixed: the reporting cycle and start cannot change.
    /// </summary>
    public void Redefine(Actor actor, Campaign definition, bool hasReports)
    {
        if (actor.Role != UserRole.CityAdministrator) throw new DomainException("只有市民政局可以修改活动定义。");
        if (definition.Code != Code) throw new DomainException("活动代码不能修改。");
        if (hasReports && (definition.ReportingPeriodMonths != ReportingPeriodMonths || definition.ReportingStartsOn != ReportingStartsOn))
            throw new FieldValidationException(new[] { new FieldError(nameof(ReportingPeriodMonths), "已有进展填报，填报周期和填报起始日期不能再修改。") });
        (Name, DocumentNumber, Issuer, Region) = (definition.Name, definition.DocumentNumber, definition.Issuer, definition.Region);
        (TargetStreets, TargetCommunities, TargetJointStreets, TargetJointCommunities, TargetsClause) = (definition.TargetStreets,
            definition.TargetCommunities, definition.TargetJointStreets, definition.TargetJointCommunities, definition.TargetsClause);
        (ReportingPeriodMonths, ReportingStartsOn) = (definition.ReportingPeriodMonths, definition.ReportingStartsOn);
        (MidTermEvaluationDue, FinalEvaluationDue, AlertLeadDays, ReportDueDays) = (definition.MidTermEvaluationDue,
            definition.FinalEvaluationDue, definition.AlertLeadDays, definition.ReportDueDays);
        (_clauses, _application, Rubric, ContractRules) = (definition._clauses, definition._application, definition.Rubric, definition.ContractRules);
        (FundraisingYearBasis, FundraisingYearReason) = (definition.FundraisingYearBasis, definition.FundraisingYearReason);
        _milestones.Clear();
        _milestones.AddRange(definition._milestones);
        _standards.Clear();
        _standards.AddRange(definition._standards);
        Version++;
    }

    /// <summary>First day of the first reporting period (a campaign setting; the notice does not give one).</summary>
    public DateOnly? ReportingStartsOn { get; private set; }

    /// <summary>中期评估 due (系统设定: 五（三） asks for 中期、末期评估 without dates).</summary>
    public DateOnly? MidTermEvaluationDue { get; private set; }
    /// <summary>末期评估 due (系统设定).</summary>
    public DateOnly? FinalEvaluationDue { get; private set; }
    /// <summary>Days before a deadline that an early warning starts (系统设定).</summary>
    public int AlertLeadDays { get; private set; } = 30;
    /// <summary>Days after a period ends that its progress report is due (系统设定).</summary>
    public int ReportDueDays { get; private set; } = 10;

    /// <summary>The campaign's own dates and lead times, which the notice leaves open (shown as 系统设定).</summary>
    public void SetSchedule(DateOnly midTermEvaluationDue, DateOnly finalEvaluationDue, int alertLeadDays, int reportDueDays)
    {
        ThrowIfAny(SystemSettings.ScheduleErrors(midTermEvaluationDue, finalEvaluationDue, alertLeadDays, reportDueDays));
        MidTermEvaluationDue = midTermEvaluationDue;
        FinalEvaluationDue = finalEvaluationDue;
        AlertLeadDays = alertLeadDays;
        ReportDueDays = reportDueDays;
    }

    private ApplicationRules? _application;

    /// <summary>申报条件 (campaign data); a campaign without them cannot take applications.</summary>
    public ApplicationRules Application => _application ?? throw new DomainException("本活动尚未设定申报条件（campaign.json 的 application）。");

    public void SetApplicationRules(ApplicationRules rules)
    {
        ThrowIfAny(rules.Validate());
        _application = rules;
    }

    /// <summary>服务合同规则, where the campaign's document sets them (两江); null: the campaign does not track contracts.</summary>
    public Contracts.ContractRules? ContractRules { get; private set; }

    public void SetContractRules(Contracts.ContractRules? rules)
    {
        if (rules is not null) ThrowIfAny(rules.Validate());
        ContractRules = rules;
    }

    private NoticeClauses? _clauses;

    /// <summary>The notice's clauses for tracking, evaluation, acceptance and 通报 (campaign data).</summary>
    public NoticeClauses Clauses => _clauses ?? throw new DomainException("本活动尚未设定通知条款（campaign.json 的 notice）。");

    public void SetNoticeClauses(NoticeClauses clauses)
    {
        var missing = clauses.Fields().Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Field).ToList();
        if (missing.Count > 0) throw new DomainException($"通知条款缺少 {string.Join("、", missing)}。");
        _clauses = clauses;
    }

    /// <summary>The clause of the standard that measures <paramref name="metric"/>, e.g. "三（六）" for the money raised.</summary>
    public string ClauseOf(StandardMetric metric) =>
        _standards.FirstOrDefault(s => s.Requirements.Any(r => r.Metric == metric))?.Clause ?? "";

    /// <summary>筹款年度 of 三（六）'s "每年" (campaign data; the notice does not say which year).</summary>
    public FundraisingYearBasis FundraisingYearBasis { get; private set; } = FundraisingYearBasis.CalendarYear;
    /// <summary>Why the campaign counts that way, shown beside every fundraising figure.</summary>
    public string FundraisingYearReason { get; private set; } = "";

    public void SetFundraisingYear(FundraisingYearBasis basis, string reason)
    {
        ThrowIfAny(SystemSettings.FundraisingYearErrors(basis, reason));
        FundraisingYearBasis = basis;
        FundraisingYearReason = reason.Trim();
    }

    /// <summary>The rule in words with its reason, shown beside every fundraising figure.</summary>
    public string FundraisingYearRule => FundraisingYearBasis == FundraisingYearBasis.CalendarYear
        ? $"{ClauseOf(StandardMetric.CharityFundsRaised)}“每年”按自然年计（1 月 1 日至 12 月 31 日），系统设定：{FundraisingYearReason}"
        : $"{ClauseOf(StandardMetric.CharityFundsRaised)}“每年”按项目年度计（自开始创建当月起每 12 个月为一个项目年度，开始创建前收到的计入第一个项目年度），系统设定：{FundraisingYearReason}";

    /// <summary>开始创建: the first day of the site's first reporting period; the campaign's start when not yet approved.</summary>
    public DateOnly CreationStartOf(SiteTier tier, DateOnly? approvedOn, DateOnly today) => approvedOn is { } on
        ? ProgressReport.FirstPeriodStart(tier, on, ReportingStartsOn)
        : ReportingStartsOn ?? new DateOnly(today.Year, today.Month, 1);

    /// <summary>The site's fundraising year (三（六）) that holds <paramref name="day"/>.</summary>
    public FundraisingYear FundraisingYearOf(SiteTier tier, DateOnly? approvedOn, DateOnly day) =>
        FundraisingYear.Containing(FundraisingYearBasis, CreationStartOf(tier, approvedOn, day), day);

    public IReadOnlyList<Milestone> Milestones => _milestones;
    public IReadOnlyList<CreationStandard> Standards => _standards;

    protected Campaign() { }

    public Campaign(string code, string name, string documentNumber, string issuer, string region,
        int targetStreets, int targetCommunities, int targetJointStreets, int targetJointCommunities)
    {
        Code = Required(code, "活动编码");
        Name = Required(name, "活动名称");
        DocumentNumber = Required(documentNumber, "文号");
        Issuer = Required(issuer, "发文单位");
        Region = Required(region, "地区");
        if (targetStreets <= 0 || targetCommunities <= 0)
            throw new DomainException("创建街镇数和社区数必须大于 0。");
        if (targetJointStreets < 0 || targetJointStreets > targetStreets || targetJointCommunities > targetCommunities)
            throw new DomainException("市区联合创建点数不能超过创建点总数。");
        TargetStreets = targetStreets;
        TargetCommunities = targetCommunities;
        TargetJointStreets = targetJointStreets;
        TargetJointCommunities = targetJointCommunities;
    }

    public void SetReportingStart(DateOnly? firstDay)
    {
        if (firstDay is { Day: not 1 }) throw new DomainException("填报起始日期应为某月 1 日。");
        ReportingStartsOn = firstDay;
    }

    public void SetReportingPeriod(int months)
    {
        if (months is < 1 or > 12 || 12 % months != 0) throw new DomainException($"填报周期 {months} 个月无效，应为 1、2、3、4、6 或 12。");
        ReportingPeriodMonths = months;
    }

    public void AddMilestone(Milestone milestone)
    {
        if (_milestones.Any(m => m.DueDate == milestone.DueDate))
            throw new DomainException($"节点日期 {milestone.DueDate:yyyy-MM-dd} 已存在。");
        if (_milestones.Any(m => m.DueDate < milestone.DueDate && m.RequiredCompletionShare > milestone.RequiredCompletionShare))
            throw new DomainException("后一个节点要求的完成比例不能低于前一个节点。");
        _milestones.Add(milestone);
        _milestones.Sort((a, b) => a.DueDate.CompareTo(b.DueDate));
    }

    public void AddStandard(CreationStandard standard)
    {
        if (_standards.Any(s => s.Number == standard.Number))
            throw new DomainException($"创建标准第 {standard.Number} 条已存在。");
        _standards.Add(standard);
        _standards.Sort((a, b) => a.Number.CompareTo(b.Number));
    }

    /// <summary>
    /// The yearly fundraising floor (分) for a site, from the campaign's charity-resources requirements (三（六）);
    /// null when the site has none (district-level sites: tracked, no floor).
    /// </summary>
    public long? FundraisingFloorFenFor(SiteTier tier, int? jointSiteNumber)
    {
        var floor = _standards.SelectMany(s => s.Requirements)
            .Where(r => r.Metric == StandardMetric.CharityFundsRaised && r.Comparator == Comparator.AtLeast)
            .FirstOrDefault(r => r.AppliesTo.Matches(tier, jointSiteNumber));
        return floor is null ? null : (long)floor.Threshold;
    }

    private static void ThrowIfAny(IEnumerable<FieldError> errors)
    {
        var list = errors.ToList();
        if (list.Count > 0) throw new FieldValidationException(list);
    }

    private static string Required(string value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException($"{field}不能为空。") : value.Trim();
}
