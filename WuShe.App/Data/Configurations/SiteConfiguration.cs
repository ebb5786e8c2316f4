using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

public class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> site)
    {
        site.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        site.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Restrict);
        site.HasIndex(s => new { s.CampaignId, s.JointSiteNumber }).IsUnique().HasFilter("JointSiteNumber IS NOT NULL");
        site.HasIndex(s => new { s.DistrictId, s.State });
        site.Property(s => s.Version).IsConcurrencyToken();
        site.Ignore(s => s.Details);
        site.Ignore(s => s.DetailsEditable);
        site.Property(s => s.ServiceAreas).HasMaxLength(128);
        site.HasMany(s => s.Communities).WithOne().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Cascade);
        site.Navigation(s => s.Communities).UsePropertyAccessMode(PropertyAccessMode.Field);
        site.HasMany(s => s.SocialWorkers).WithOne().HasForeignKey(w => w.SiteId).OnDelete(DeleteBehavior.Cascade);
        site.Navigation(s => s.SocialWorkers).UsePropertyAccessMode(PropertyAccessMode.Field);
        site.HasMany(s => s.Transitions).WithOne().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Cascade);
        site.Navigation(s => s.Transitions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class SocialWorkerConfiguration : IEntityTypeConfiguration<SocialWorker>
{
    public void Configure(EntityTypeBuilder<SocialWorker> worker) => worker.ToTable("SocialWorkers");
}
