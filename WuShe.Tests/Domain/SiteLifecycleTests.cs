using WuShe.Tests.Support;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;
using WuShe.Domain.Sites;

namespace WuShe.Tests.Domain;

/// <summary>The lifecycle of SPEC §4, checked against a table written here independently of the production one.</summary>
public class SiteLifecycleTests
{
    private const int District = 10;
    private static readonly DateTimeOffset Now = new(2023, 9, 1, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly (SiteCommand Command, SiteState[] From, UserRole[] Roles, SiteState To)[] Expected =
    {
        (SiteCommand.Submit, new[] { SiteState.Draft, SiteState.Returned }, new[] { UserRole.DistrictOfficer }, SiteState.Submitted),
        (SiteCommand.Return, new[] { SiteState.Submitted }, new[] { UserRole.CityAdministrator }, SiteState.Returned),
        (SiteCommand.Approve, new[] { SiteState.Submitted }, new[] { UserRole.CityAdministrator }, SiteState.InProgress),
        (SiteCommand.StartCreation, new[] { SiteState.Approved }, new[] { UserRole.CityAdministrator, UserRole.DistrictOfficer }, SiteState.InProgress),
        (SiteCommand.RecordMidTermEvaluation, new[] { SiteState.InProgress }, new[] { UserRole.DistrictOfficer, UserRole.CityAdministrator, UserRole.CityEvaluator }, SiteState.MidTermEvaluated),
        (SiteCommand.RecordFinalEvaluation, new[] { SiteState.MidTermEvaluated, SiteState.Rectification }, new[] { UserRole.DistrictOfficer, UserRole.CityAdministrator, UserRole.CityEvaluator }, SiteState.FinalEvaluated),
        (SiteCommand.Accept, new[] { SiteState.FinalEvaluated }, new[] { UserRole.CityAdministrator }, SiteState.Accepted),
        (SiteCommand.RequireRectification, new[] { SiteState.FinalEvaluated }, new[] { UserRole.CityAdministrator }, SiteState.Rectification),
    };

    public static TheoryData<SiteCommand, SiteState, UserRole> EveryMove()
    {
        var data = new TheoryData<SiteCommand, SiteState, UserRole>();
        foreach (var e in Expected)
            foreach (var state in Enum.GetValues<SiteState>())
                foreach (var role in Enum.GetValues<UserRole>())
                    data.Add(e.Command, state, role);
        return data;
    }

    [Theory, MemberData(nameof(EveryMove))]
    public void Every_command_in_every_state_by_every_role(SiteCommand command, SiteState state, UserRole role)
    {
        var e = Expected.Single(x => x.Command == command);
        var site = SiteIn(state);
        var steps = site.Transitions.Count;
        var allowed = e.From.Contains(state) && e.Roles.Contains(role);

        if (allowed)
        {
            Perform(site, command, ActorOf(role));
            Assert.Equal(e.To, site.State);
            Assert.Equal(command, site.Transitions[steps].Command);
            Assert.Equal(state, site.Transitions[steps].From);
        }
        else
        {
            Assert.ThrowsAny<DomainException>(() => Perform(site, command, ActorOf(role)));
            Assert.Equal(state, site.State);
            Assert.Equal(steps, site.Transitions.Count);
        }
    }

    [Fact]
    public void The_production_table_has_exactly_the_expected_moves()
    {
        Assert.Equal(Expected.Length, SiteLifecycle.Rules.Count);
    }

    [Fact]
    public void Approval_records_approve_then_start_of_creation()
    {
        var site = SiteIn(SiteState.Submitted);
        site.Approve(ActorOf(UserRole.CityAdministrator), Now);
        Assert.Equal(new[] { SiteState.Approved, SiteState.InProgress }, site.Transitions.TakeLast(2).Select(t => t.To));
    }

    [Theory]
    [InlineData(SiteCommand.Submit, SiteState.Draft)]
    [InlineData(SiteCommand.StartCreation, SiteState.Approved)]
    [InlineData(SiteCommand.RecordMidTermEvaluation, SiteState.InProgress)]
    public void A_district_officer_of_another_district_is_refused(SiteCommand command, SiteState state)
    {
        var site = SiteIn(state);
        var other = new Actor(99, "滨海新区民政局", UserRole.DistrictOfficer, District + 1);
        var e = Assert.ThrowsAny<DomainException>(() => Perform(site, command, other));
        Assert.Contains("本区", e.Message);
        Assert.Equal(state, site.State);
    }

    [Fact]
    public void Return_needs_a_reason_at_the_reason_field()
    {
        var site = SiteIn(SiteState.Submitted);
        var e = Assert.Throws<FieldValidationException>(() => site.Return(ActorOf(UserRole.CityAdministrator), "  ", Now));
        Assert.Equal("Reason", Assert.Single(e.Errors).Field);
        site.Return(ActorOf(UserRole.CityAdministrator), "社工合同未附", Now);
        Assert.Equal("社工合同未附", site.ReturnReason);
        Assert.Equal("社工合同未附", site.Transitions[^1].Reason);
    }

    [Fact]
    public void Rectification_needs_a_reason_and_no_final_evaluation_comes_before_mid_term()
    {
        Assert.Throws<FieldValidationException>(() =>
            SiteIn(SiteState.FinalEvaluated).RequireRectification(ActorOf(UserRole.CityAdministrator), "", Now));
        var e = Assert.ThrowsAny<DomainException>(() =>
            SiteIn(SiteState.InProgress).RecordFinalEvaluation(ActorOf(UserRole.DistrictOfficer), Now));
        Assert.Contains("创建中", e.Message);
    }

    [Fact]
    public void An_incomplete_application_is_refused_field_by_field()
    {
        var actor = ActorOf(UserRole.DistrictOfficer);
        var draft = Site.DraftApplication(1, District, actor, ApplicationDetails.Empty with
        {
            Street = "示例街道",
            Communities = new[] { new CommunityEntry("甲社区", null, "", 2023) },
            ContactPhone = "abc",
        }, Now);
        var e = Assert.Throws<FieldValidationException>(() => draft.Submit(actor, Roomy, Now, 2023));
        var fields = e.Errors.Select(x => x.Field).ToList();
        Assert.Contains("Communities", fields);
        Assert.Contains("Communities[0].ResidentPopulation", fields);
        Assert.Contains("Communities[0].PopulationSource", fields);
        Assert.Contains("SocialWorkers", fields);
        Assert.Contains("FundCharityHasPublicFundraisingStatus", fields);
        Assert.Contains("ContactPhone", fields);
        Assert.DoesNotContain("Street", fields);
        Assert.Equal(SiteState.Draft, draft.State);
    }

    [Fact]
    public void Submission_beyond_the_remaining_quota_is_refused_with_the_numbers()
    {
        var ledger = QuotaLedger.For(3, 6, new[]
        {
            new SiteQuotaLine(1, SiteState.InProgress, 3),
            new SiteQuotaLine(2, SiteState.Submitted, 2),
            new SiteQuotaLine(3, SiteState.Draft, 4),
        }, Seeded.Rules);
        var site = SiteIn(SiteState.Draft);
        var e = Assert.Throws<DomainException>(() => site.Submit(ActorOf(UserRole.DistrictOfficer), ledger, Now, 2023));
        Assert.Contains("超出本区名额", e.Message);
        Assert.Contains("将使用 3 个街镇、7 个社区", e.Message);
        Assert.Contains("名额为 3 个街镇、6 个社区", e.Message);
        Assert.Contains("剩余 1 个街镇、1 个社区", e.Message);
        Assert.Equal(SiteState.Draft, site.State);
    }

    [Fact]
    public void Submission_that_uses_the_quota_exactly_is_accepted()
    {
        var ledger = QuotaLedger.For(2, 4, new[] { new SiteQuotaLine(1, SiteState.InProgress, 2) }, Seeded.Rules);
        var site = SiteIn(SiteState.Returned);
        site.Submit(ActorOf(UserRole.DistrictOfficer), ledger, Now, 2023);
        Assert.Equal(SiteState.Submitted, site.State);
    }

    [Fact]
    public void Ledger_counts_drafts_apart_and_flags_remaining_communities_too_few_for_remaining_streets()
    {
        var heping = QuotaLedger.For(3, 6, new[] { new SiteQuotaLine(1, SiteState.Approved, 3), new SiteQuotaLine(2, SiteState.Draft, 2) }, Seeded.Rules);
        Assert.Equal(new QuotaCount(1, 2), heping.Drafted);
        Assert.Equal(new QuotaCount(2, 3), heping.Remaining);
        Assert.Contains("剩余 2 个街镇名额至少需要 4 个社区", heping.Problem);
        Assert.Contains("只剩 3 个社区名额，缺 1 个", heping.Problem);

        Assert.Null(QuotaLedger.For(3, 6, new[] { new SiteQuotaLine(1, SiteState.Approved, 2) }, Seeded.Rules).Problem);
        Assert.Contains("超用", QuotaLedger.For(1, 2, new[] { new SiteQuotaLine(1, SiteState.Approved, 2), new SiteQuotaLine(2, SiteState.Submitted, 2) }, Seeded.Rules).Problem);
    }

    [Fact]
    public void A_joint_sites_street_and_communities_stay_as_in_attachment_2()
    {
        var site = Site.DesignateJointSite(1, District, 2, "南市街道", new[] { "新文化社区", "庆有西里社区", "怀远里社区" }, Seeded.Rules, Now);
        var officer = ActorOf(UserRole.DistrictOfficer);
        var renamed = Valid() with { Street = "南市街道", Communities = Valid().Communities };
        Assert.Throws<FieldValidationException>(() => site.UpdateDetails(officer, renamed));

        var completed = Valid() with
        {
            Street = "南市街道",
            Communities = new[] { "新文化社区", "庆有西里社区", "怀远里社区" }.Select(n => new CommunityEntry(n, 8000, "社区台账", 2023)).ToList(),
        };
        site.UpdateDetails(officer, completed);
        site.StartCreation(officer, Seeded.Rules, Now, 2023);
        Assert.Equal(SiteState.InProgress, site.State);
        Assert.Equal(8000, site.Communities[0].ResidentPopulation);
    }

    [Fact]
    public void Only_the_city_changes_a_quota_with_a_reason_and_not_below_what_is_used()
    {
        var district = new WuShe.Domain.Campaigns.District(1, "120101", "和平区", 3, 6, 1, Seeded.Rules);
        var used = QuotaLedger.For(3, 6, new[] { new SiteQuotaLine(1, SiteState.InProgress, 3) }, Seeded.Rules);
        Assert.Throws<DomainException>(() => district.ChangeQuota(ActorOf(UserRole.DistrictOfficer), 3, 8, "多给", used));
        Assert.Throws<FieldValidationException>(() => district.ChangeQuota(ActorOf(UserRole.CityAdministrator), 3, 8, "", used));
        Assert.Throws<DomainException>(() => district.ChangeQuota(ActorOf(UserRole.CityAdministrator), 1, 2, "压减", used));
        district.ChangeQuota(ActorOf(UserRole.CityAdministrator), 3, 7, "市局批复增加 1 个社区", used);
        Assert.Equal((3, 7, 1), (district.StreetQuota, district.CommunityQuota, district.Version));
    }

    private static readonly QuotaLedger Roomy = QuotaLedger.For(10, 20, Array.Empty<SiteQuotaLine>(), Seeded.Rules);

    private static Actor ActorOf(UserRole role) =>
        new(1, role.Label(), role, role is UserRole.DistrictOfficer or UserRole.StreetStation ? District : null);

    public static ApplicationDetails Valid() => new("示例街道",
        new[] { new CommunityEntry("甲社区", 5200, "第七次全国人口普查", 2020), new CommunityEntry("乙社区", 6100, "社区台账", 2023) },
        "示例街道社会工作服务站", "示例路 1 号",
        new[] { new SocialWorkerEntry("张敏", "HT-2023-01", "S123"), new SocialWorkerEntry("李强", "HT-2023-02", "") },
        "天津市慈善协会", true, ServiceArea.ElderlyCare | ServiceArea.ChildWelfare, "", "王芳", "022-23456789");

    private static Site SiteIn(SiteState state)
    {
        var site = Site.DraftApplication(1, District, ActorOf(UserRole.DistrictOfficer), Valid(), Now);
        typeof(Site).GetProperty(nameof(Site.State))!.SetValue(site, state);
        return site;
    }

    private static void Perform(Site site, SiteCommand command, Actor actor)
    {
        switch (command)
        {
            case SiteCommand.Submit: site.Submit(actor, Roomy, Now, 2023); break;
            case SiteCommand.Return: site.Return(actor, "请补充材料", Now); break;
            case SiteCommand.Approve: site.Approve(actor, Now); break;
            case SiteCommand.StartCreation: site.StartCreation(actor, Seeded.Rules, Now, 2023); break;
            case SiteCommand.RecordMidTermEvaluation: site.RecordMidTermEvaluation(actor, Now); break;
            case SiteCommand.RecordFinalEvaluation: site.RecordFinalEvaluation(actor, Now); break;
            case SiteCommand.Accept: site.Accept(actor, Now); break;
            case SiteCommand.RequireRectification: site.RequireRectification(actor, "服务记录不全", Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(command));
        }
    }
}
