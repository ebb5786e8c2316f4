using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WuShe.Domain.Campaigns;

namespace WuShe.App.Data.Configurations;

public class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.HasIndex(c => c.Code).IsUnique();
        campaign.Property(c => c.Code).HasMaxLength(64);
        campaign.Property(c => c.Rubric).HasConversion(JsonColumn.Converter(WuShe.Domain.Evaluations.Rubric.SystemDefault), JsonColumn.Comparer<WuShe.Domain.Evaluations.Rubric>());
        campaign.Property(c => c.Application).HasField("_application").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<ApplicationRules?>(null), JsonColumn.Comparer<ApplicationRules?>()).HasColumnName("ApplicationRules");
        campaign.Property(c => c.Clauses).HasField("_clauses").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(JsonColumn.Converter<NoticeClauses?>(null), JsonColumn.Comparer<NoticeClauses?>()).HasColumnName("NoticeClauses");
        campaign.Property(c => c.ContractRules)
            .HasConversion(JsonColumn.Converter<WuShe.Domain.Contracts.ContractRules?>(null), JsonColumn.Comparer<WuShe.Domain.Contracts.ContractRules?>());
        campaign.Property(c => c.Version).IsConcurrencyToken();
        campaign.Property(c => c.FundraisingYearBasis).HasConversion<string>().HasMaxLength(16);
        campaign.Property(c => c.FundraisingYearReason).HasMaxLength(1000);
        campaign.HasMany(c => c.Milestones).WithOne().HasForeignKey("CampaignId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        campaign.Navigation(c => c.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        campaign.HasMany(c => c.Standards).WithOne().HasForeignKey("CampaignId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        campaign.Navigation(c => c.Standards).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class CreationStandardConfiguration : IEntityTypeConfiguration<CreationStandard>
{
    public void Configure(EntityTypeBuilder<CreationStandard> standard)
    {
        standard.HasIndex("CampaignId", nameof(CreationStandard.Number)).IsUnique();
        standard.ToTable("CreationStandards");
        standard.HasMany(s => s.Requirements).WithOne().HasForeignKey("CreationStandardId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        standard.Navigation(s => s.Requirements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class StandardRequirementConfiguration : IEntityTypeConfiguration<StandardRequirement>
{
    public void Configure(EntityTypeBuilder<StandardRequirement> requirement)
    {
        requirement.ToTable("StandardRequirements");
        requirement.Property(r => r.AppliesTo)
            .HasConversion(new ValueConverter<SiteSelector, string>(s => SiteSelectorText.Format(s), t => SiteSelectorText.Parse(t)))
            .HasMaxLength(32);
        requirement.Property(r => r.ThresholdsByYear)
            .HasConversion(new ValueConverter<IReadOnlyList<YearThreshold>, string>(t => YearThresholdsText.Format(t), t => YearThresholdsText.Parse(t)),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<YearThreshold>>(
                    (a, b) => a!.SequenceEqual(b!), t => t.Aggregate(0, (h, x) => HashCode.Combine(h, x)), t => t.ToList()))
            .HasMaxLength(400);
    }
}

/// <summary>"2025:5;2030:7" in one column: from each year on, the rule's number.</summary>
public static class YearThresholdsText
{
    public static string Format(IReadOnlyList<YearThreshold> thresholds) =>
        string.Join(";", thresholds.Select(t => $"{t.FromYear}:{t.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    public static IReadOnlyList<YearThreshold> Parse(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split(':'))
        .Select(p => new YearThreshold(int.Parse(p[0]), decimal.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}

/// <summary>"AllSites", "DistrictLevel" or "JointSites:1-5" in one column.</summary>
public static class SiteSelectorText
{
    public static string Format(SiteSelector s) => s.Kind == SiteSelectorKind.JointSites
        ? $"JointSites:{s.FromJointNumber}-{s.ToJointNumber}"
        : s.Kind.ToString();

    public static SiteSelector Parse(string text)
    {
        if (text.StartsWith("JointSites:", StringComparison.Ordinal))
        {
            var range = text["JointSites:".Length..].Split('-');
            return SiteSelector.JointSites(int.Parse(range[0]), int.Parse(range[1]));
        }
        return Enum.Parse<SiteSelectorKind>(text) == SiteSelectorKind.DistrictLevel
            ? SiteSelector.DistrictLevelSites
            : SiteSelector.AllSites;
    }
}

public class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> milestone) => milestone.ToTable("Milestones");
}
