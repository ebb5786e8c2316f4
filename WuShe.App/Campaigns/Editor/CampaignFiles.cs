using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using WuShe.App.Data.Seeding;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Campaigns.Editor;

/// <summary>
/// A campaign as it stands, written back in the seed-data format (campaign.json, districts.csv, joint-sites.csv):
/// what the city exports to keep, to share with another bureau, or to start a new campaign from.
/// </summary>
public static class CampaignFiles
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new PlainDecimal() },
    };

    /// <summary>Numbers as a person writes them: 1 and 0.5, never 1.0 or 0.50 (the database and a file's own writing keep scale).</summary>
    private sealed class PlainDecimal : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type type, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.0000000000000000000000000000m);
    }

    public static CampaignSeed Of(Campaign c, IEnumerable<District> districts, IEnumerable<Site> jointSites)
    {
        var districtList = districts.OrderBy(d => d.SortOrder).ToList();
        var names = districtList.ToDictionary(d => d.Id, d => d.Name);
        var joint = jointSites.Where(s => s.JointSiteNumber is not null).OrderBy(s => s.JointSiteNumber).Select(s => new JointSiteRow
        {
            Number = s.JointSiteNumber!.Value,
            District = names.GetValueOrDefault(s.DistrictId, ""),
            Street = s.Street,
            CommunitiesText = string.Join("、", s.Communities.OrderBy(x => x.SortOrder).Select(x => CommunityKinds.Format(x.Name, x.Kind))),
        }).ToList();
        var rows = districtList.Select(d => new DistrictRow { Code = d.Code, Name = d.Name, StreetQuota = d.StreetQuota, CommunityQuota = d.CommunityQuota }).ToList();
        return new CampaignSeed("", FileOf(c), rows, joint);
    }

    private static CampaignFile FileOf(Campaign c) => new()
    {
        Code = c.Code,
        Name = c.Name,
        DocumentNumber = c.DocumentNumber,
        Issuer = c.Issuer,
        Region = c.Region,
        Targets = new TargetsFile
        {
            Streets = c.TargetStreets, Communities = c.TargetCommunities,
            JointStreets = c.TargetJointStreets, JointCommunities = c.TargetJointCommunities, Clause = c.TargetsClause,
        },
        ReportingPeriodMonths = c.ReportingPeriodMonths,
        ReportingStartsOn = c.ReportingStartsOn,
        Schedule = new ScheduleFile
        {
            MidTermEvaluationDue = c.MidTermEvaluationDue, FinalEvaluationDue = c.FinalEvaluationDue,
            AlertLeadDays = c.AlertLeadDays, ReportDueDays = c.ReportDueDays,
        },
        Notice = new NoticeFile { Tracking = c.Clauses.Tracking, Evaluation = c.Clauses.Evaluation, Acceptance = c.Clauses.Acceptance, Commendation = c.Clauses.Commendation },
        Application = ApplicationOf(c.Application),
        Rubric = new RubricFile
        {
            SystemSetting = c.Rubric.IsSystemDefault,
            Dimensions = c.Rubric.Dimensions.Select(d => new RubricDimensionFile
            {
                Name = d.Name,
                Items = d.Items.Select(i => new RubricItemFile { Key = i.Key, Name = i.Name, MaxPoints = i.MaxPoints }).ToList(),
            }).ToList(),
            PassMark = c.Rubric.PassMark,
            Bands = c.Rubric.Bands.Select(b => new GradeBandFile { Name = b.Name, MinScore = b.MinScore }).ToList(),
        },
        FundraisingYear = new FundraisingYearFile
        {
            Basis = FundraisingYearFile.Bases.Single(b => b.Value == c.FundraisingYearBasis).Key,
            Reason = c.FundraisingYearReason,
        },
        Contracts = c.ContractRules is { } k ? new ContractsFile
        {
            TermMonths = k.TermMonths, MaxTotalMonths = k.MaxTotalMonths, RenewOnlyAfterPassing = k.RenewOnlyAfterPassing, Clause = k.Clause,
        } : null,
        Milestones = c.Milestones.Select(m => new MilestoneFile { DueDate = m.DueDate, RequiredCompletionShare = m.RequiredCompletionShare, Description = m.Description, Clause = m.Clause }).ToList(),
        Standards = c.Standards.Select(s => new StandardFile
        {
            Number = s.Number, Title = s.Title, Clause = s.Clause, Summary = s.Summary,
            Requirements = s.Requirements.Select(RequirementOf).ToList(),
        }).ToList(),
    };

    private static ApplicationFile ApplicationOf(ApplicationRules a) => new()
    {
        MinimumCommunities = a.MinimumCommunities, CommunitiesClause = a.CommunitiesClause,
        MinimumSocialWorkers = a.MinimumSocialWorkers, SocialWorkersClause = a.SocialWorkersClause,
        FundCharityNeedsPublicFundraising = a.FundCharityNeedsPublicFundraising, FundClause = a.FundClause,
        ServiceAreas = ServiceAreaLabels.All.Where(x => x.Area != ServiceArea.Other && a.ServiceAreas.HasFlag(x.Area)).Select(x => x.Label).ToList(),
        ServiceAreasClause = a.ServiceAreasClause, CharityExample = a.CharityExample, PhoneExample = a.PhoneExample,
    };

    private static RequirementFile RequirementOf(StandardRequirement r) => new()
    {
        Metric = r.Metric.ToString(),
        Comparator = r.Comparator.ToString(),
        Threshold = r.Threshold,
        Unit = r.Unit.ToString(),
        Scope = r.Scope.ToString(),
        Period = r.Period.ToString(),
        AppliesTo = SelectorJson(r.AppliesTo),
        Description = r.Description,
        ClauseText = r.ClauseText,
        SystemSetting = r.ThresholdIsSystemSetting,
        ForCommunities = r.ForCommunities?.ToString(),
        Aggregation = r.Aggregation?.ToString(),
        CoverageFloor = r.CoverageFloor,
        ThresholdsByYear = r.ThresholdsByYear.Count == 0 ? null : r.ThresholdsByYear.ToDictionary(t => t.FromYear, t => t.Threshold),
    };

    private static JsonElement SelectorJson(SiteSelector s) => s.Kind switch
    {
        SiteSelectorKind.AllSites => JsonSerializer.SerializeToElement("AllSites"),
        SiteSelectorKind.DistrictLevel => JsonSerializer.SerializeToElement("DistrictLevel"),
        _ => JsonSerializer.SerializeToElement(new { jointSites = new[] { s.FromJointNumber, s.ToJointNumber } }),
    };

    public static string CampaignJson(CampaignFile file) => JsonSerializer.Serialize(file, Json);

    /// <summary>Part of a campaign file as a person reads it: indented, Chinese as characters.</summary>
    public static string Indented(System.Text.Json.Nodes.JsonNode node) => node.ToJsonString(Json);

    public static string DistrictsCsv(IEnumerable<DistrictRow> rows) =>
        Csv(DistrictRow.Columns, rows.Select(d => new[] { d.Code, d.Name, d.StreetQuota.ToString(), d.CommunityQuota.ToString() }));

    public static string JointSitesCsv(IEnumerable<JointSiteRow> rows) =>
        Csv(["序号", "区划", "试点街镇", "试点社区"], rows.Select(j => new[] { j.Number.ToString(), j.District, j.Street, j.CommunitiesText }));

    private static string Csv(string[] header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
            text.Append(string.Join(",", row.Select(Cell))).Append('\n');
        return text.ToString();
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>The three files in one zip, under a folder named after the campaign's code (as in seed-data/).</summary>
    public static byte[] Zip(CampaignSeed seed)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var folder = seed.Campaign.Code;
            Add(zip, $"{folder}/campaign.json", CampaignJson(seed.Campaign));
            Add(zip, $"{folder}/{seed.Campaign.DistrictsFile}", DistrictsCsv(seed.Districts));
            Add(zip, $"{folder}/{seed.Campaign.JointSitesFile}", JointSitesCsv(seed.JointSites));
        }
        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        writer.Write(text);
    }
}
