using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Campaigns;

namespace WuShe.App.Data.Configurations;

/// <summary>A 通报 with its districts and figures as one JSON value (they never change after publication).</summary>
public class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> commendation)
    {
        commendation.HasIndex(c => new { c.CampaignId, c.Year, c.Number }).IsUnique();
        commendation.Property(c => c.Title).HasMaxLength(Commendation.MaxTitle);
        commendation.Property(c => c.Text).HasMaxLength(Commendation.MaxText);
        commendation.Property(c => c.Districts).HasConversion(JsonColumn.Converter<IReadOnlyList<CommendedDistrict>>(),
            JsonColumn.Comparer<IReadOnlyList<CommendedDistrict>>());
        commendation.Ignore(c => c.DocumentNumber);
    }
}
