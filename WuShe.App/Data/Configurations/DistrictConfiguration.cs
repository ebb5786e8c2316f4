using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Campaigns;

namespace WuShe.App.Data.Configurations;

public class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> district)
    {
        district.Property(d => d.Code).HasMaxLength(6);
        district.HasIndex(d => new { d.CampaignId, d.Code }).IsUnique();
        district.Property(d => d.Version).IsConcurrencyToken();
        district.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
