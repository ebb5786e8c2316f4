using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Sites;

/// <summary>The editable state of the application form; converts to and from the domain's <see cref="ApplicationDetails"/>.</summary>
public sealed class ApplicationFormModel
{
    public string Street { get; set; } = "";
    public List<CommunityRow> Communities { get; set; } = new();
    public string StationName { get; set; } = "";
    public string StationAddress { get; set; } = "";
    public List<WorkerRow> SocialWorkers { get; set; } = new();
    public string FundCharity { get; set; } = "";
    public bool FundCharityHasPublicFundraisingStatus { get; set; }
    public ServiceArea ServiceAreas { get; set; }
    public string OtherServiceArea { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";

    public sealed class CommunityRow
    {
        public string Name { get; set; } = "";
        public int? ResidentPopulation { get; set; }
        public string PopulationSource { get; set; } = "";
        public int? PopulationYear { get; set; }
        /// <summary>城市社区 / 农村社区 where the name does not say it; null: as the name says (“…村” is rural).</summary>
        public CommunityKind? Kind { get; set; }
    }

    public sealed class WorkerRow
    {
        public string Name { get; set; } = "";
        public string Contract { get; set; } = "";
        public string Certificate { get; set; } = "";
    }

    public static ApplicationFormModel New(ApplicationRules rules) => From(ApplicationDetails.Empty, rules);

    /// <summary>The saved details, with empty rows added up to the communities and social workers the campaign asks for.</summary>
    public static ApplicationFormModel From(ApplicationDetails d, ApplicationRules rules)
    {
        var form = Copy(d);
        while (form.Communities.Count < rules.MinimumCommunities) form.Communities.Add(new CommunityRow());
        while (form.SocialWorkers.Count < rules.MinimumSocialWorkers) form.SocialWorkers.Add(new WorkerRow());
        return form;
    }

    private static ApplicationFormModel Copy(ApplicationDetails d) => new()
    {
        Street = d.Street,
        Communities = d.Communities.Select(c => new CommunityRow
        {
            Name = c.Name, ResidentPopulation = c.ResidentPopulation, PopulationSource = c.PopulationSource, PopulationYear = c.PopulationYear, Kind = c.Kind,
        }).ToList(),
        StationName = d.StationName,
        StationAddress = d.StationAddress,
        SocialWorkers = d.SocialWorkers.Select(w => new WorkerRow { Name = w.Name, Contract = w.Contract, Certificate = w.Certificate }).ToList(),
        FundCharity = d.FundCharity,
        FundCharityHasPublicFundraisingStatus = d.FundCharityHasPublicFundraisingStatus,
        ServiceAreas = d.ServiceAreas,
        OtherServiceArea = d.OtherServiceArea,
        ContactName = d.ContactName,
        ContactPhone = d.ContactPhone,
    };

    public ApplicationDetails ToDetails() => new(Street,
        Communities.Select(c => new CommunityEntry(c.Name, c.ResidentPopulation, c.PopulationSource, c.PopulationYear, c.Kind)).ToList(),
        StationName, StationAddress,
        SocialWorkers.Select(w => new SocialWorkerEntry(w.Name, w.Contract, w.Certificate)).ToList(),
        FundCharity, FundCharityHasPublicFundraisingStatus, ServiceAreas, OtherServiceArea, ContactName, ContactPhone);

    public void Toggle(ServiceArea area, bool on) => ServiceAreas = on ? ServiceAreas | area : ServiceAreas & ~area;
}
