using WuShe.Domain.Common;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Progress;

/// <summary>The editable state of a progress report; money is typed in 元 and kept in 分.</summary>
public sealed class ReportFormModel
{
    /// <summary>Fields the form names differently from the domain's report, for its errors to reach the right input.</summary>
    public static readonly IReadOnlyDictionary<string, string> DomainNames = new Dictionary<string, string>
    {
        ["AmountFen"] = nameof(DonationRow.AmountYuan), ["AnnualFundingFen"] = nameof(StationRow.AnnualFundingYuan),
    };

    public int? FullTimeSocialWorkers { get; set; }
    public bool FundEstablished { get; set; }
    public string FundCharity { get; set; } = "";
    public bool FundCharityHasPublicFundraisingStatus { get; set; }
    public DateOnly? FundSetUpOn { get; set; }
    public List<CommunityRow> Communities { get; set; } = new();
    public List<OrganisationRow> Organisations { get; set; } = new();
    public List<DonationRow> Donations { get; set; } = new();
    public List<ActivityRow> Activities { get; set; } = new();
    public List<PromotionRow> Promotions { get; set; } = new();
    public StationRow Station { get; set; } = new();

    /// <summary>服务站情况, typed as the domain names it (the funding in 元).</summary>
    public sealed class StationRow
    {
        public int? FloorAreaSquareMetres { get; set; }
        public int? Staff { get; set; }
        public decimal? AnnualFundingYuan { get; set; }
    }

    public sealed class CommunityRow
    {
        public int CommunityId { get; set; }
        public string Name { get; set; } = "";
        public int? CommitteeMembers { get; set; }
        public int? CertifiedWorkers { get; set; }
        public int? CommunityWorkers { get; set; }
        public int? CertifiedCommunityWorkers { get; set; }
        public int? VolunteerTeams { get; set; }
        public int? ResidentPopulation { get; set; }
        public int? RegisteredVolunteers { get; set; }
        public int? ActiveVolunteers { get; set; }
    }

    public sealed class OrganisationRow
    {
        public Guid Key { get; set; } = Guid.NewGuid();
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public OrganisationStatus Status { get; set; } = OrganisationStatus.Filed;
        public DateOnly CultivatedOn { get; set; }
        public int? CommunityId { get; set; }
    }

    public sealed class DonationRow
    {
        public Guid Key { get; set; } = Guid.NewGuid();
        /// <summary>China local time.</summary>
        public DateTime ReceivedAt { get; set; }
        public string Donor { get; set; } = "";
        public DonationKind Kind { get; set; }
        public string Description { get; set; } = "";
        public decimal? AmountYuan { get; set; }
    }

    public sealed class ActivityRow
    {
        public Guid Key { get; set; } = Guid.NewGuid();
        public ServiceArea Area { get; set; } = ServiceArea.ElderlyCare;
        public DateOnly HeldOn { get; set; }
        public string Title { get; set; } = "";
        public int Beneficiaries { get; set; }
    }

    public sealed class PromotionRow
    {
        public Guid Key { get; set; } = Guid.NewGuid();
        public PromotionKind Kind { get; set; }
        public string Title { get; set; } = "";
        public DateOnly PublishedOn { get; set; }
        public string Outlet { get; set; } = "";
    }

    public static ReportFormModel From(ReportView r)
    {
        var c = r.Content;
        return new ReportFormModel
        {
            FullTimeSocialWorkers = c.FullTimeSocialWorkers,
            FundEstablished = c.FundEstablished,
            FundCharity = c.FundCharity,
            FundCharityHasPublicFundraisingStatus = c.FundCharityHasPublicFundraisingStatus,
            FundSetUpOn = c.FundSetUpOn,
            Communities = r.Communities.Select(x =>
            {
                var f = c.Communities.FirstOrDefault(f => f.CommunityId == x.Id);
                return new CommunityRow
                {
                    CommunityId = x.Id, Name = x.Name, CommitteeMembers = f?.CommitteeMembers, CertifiedWorkers = f?.CertifiedWorkers,
                    VolunteerTeams = f?.VolunteerTeams, ResidentPopulation = f?.ResidentPopulation,
                    RegisteredVolunteers = f?.RegisteredVolunteers, ActiveVolunteers = f?.ActiveVolunteers,
                    CommunityWorkers = f?.CommunityWorkers, CertifiedCommunityWorkers = f?.CertifiedCommunityWorkers,
                };
            }).ToList(),
            Organisations = c.Organisations.Select(o => new OrganisationRow { Key = o.Key, Name = o.Name, Type = o.Type, Status = o.Status, CultivatedOn = o.CultivatedOn, CommunityId = o.CommunityId }).ToList(),
            Donations = c.Donations.Select(d => new DonationRow
            {
                Key = d.Key, ReceivedAt = ChinaTime.ToChina(d.ReceivedAt).DateTime, Donor = d.Donor, Kind = d.Kind,
                Description = d.Description, AmountYuan = Money.ToYuan(d.AmountFen),
            }).ToList(),
            Activities = c.Activities.Select(a => new ActivityRow { Key = a.Key, Area = a.Area, HeldOn = a.HeldOn, Title = a.Title, Beneficiaries = a.Beneficiaries }).ToList(),
            Promotions = c.Promotions.Select(p => new PromotionRow { Key = p.Key, Kind = p.Kind, Title = p.Title, PublishedOn = p.PublishedOn, Outlet = p.Outlet }).ToList(),
            Station = new StationRow
            {
                FloorAreaSquareMetres = c.StationOrNone.FloorAreaSquareMetres, Staff = c.StationOrNone.Staff,
                AnnualFundingYuan = c.StationOrNone.AnnualFundingFen is { } fen ? Money.ToYuan(fen) : null,
            },
        };
    }

    /// <summary>The report content, or the fields that cannot become one (an amount with more than two decimals, say).</summary>
    public (ReportContent? Content, IReadOnlyList<FieldError> Errors) ToContent()
    {
        var errors = new List<FieldError>();
        var donations = new List<DonationEntry>();
        for (var i = 0; i < Donations.Count; i++)
        {
            var d = Donations[i];
            long fen = 0;
            if (d.AmountYuan is not { } yuan) errors.Add(new($"Donations[{i}].AmountFen", $"第 {i + 1} 笔筹款：请填写金额（元）。"));
            else
            {
                try { fen = Money.FenFromYuan(yuan); }
                catch (DomainException e) { errors.Add(new($"Donations[{i}].AmountFen", $"第 {i + 1} 笔筹款：{e.Message}")); }
            }
            var at = new DateTimeOffset(DateTime.SpecifyKind(d.ReceivedAt, DateTimeKind.Unspecified), ChinaTime.Zone.GetUtcOffset(d.ReceivedAt));
            donations.Add(new DonationEntry(d.Key, at, d.Donor.Trim(), d.Kind, d.Description.Trim(), fen));
        }
        long? stationFen = null;
        if (Station.AnnualFundingYuan is { } funding)
        {
            try { stationFen = Money.FenFromYuan(funding); }
            catch (DomainException e) { errors.Add(new("Station.AnnualFundingFen", $"服务站年度经费：{e.Message}")); }
        }
        if (errors.Count > 0) return (null, errors);
        return (new ReportContent(FullTimeSocialWorkers, FundEstablished, FundCharity.Trim(), FundCharityHasPublicFundraisingStatus, FundSetUpOn,
            Communities.Select(c => new CommunityFigures(c.CommunityId, c.CommitteeMembers, c.CertifiedWorkers, c.VolunteerTeams,
                c.ResidentPopulation, c.RegisteredVolunteers, c.ActiveVolunteers, c.CommunityWorkers, c.CertifiedCommunityWorkers)).ToList(),
            Organisations.Select(o => new OrganisationEntry(o.Key, o.Name.Trim(), o.Type.Trim(), o.Status, o.CultivatedOn, o.CommunityId)).ToList(),
            donations,
            Activities.Select(a => new ServiceActivityEntry(a.Key, a.Area, a.HeldOn, a.Title.Trim(), a.Beneficiaries)).ToList(),
            Promotions.Select(p => new PromotionEntry(p.Key, p.Kind, p.Title.Trim(), p.PublishedOn, p.Outlet.Trim())).ToList(),
            new StationFigures(Station.FloorAreaSquareMetres, Station.Staff, stationFen)), errors);
    }
}
