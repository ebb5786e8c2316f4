using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

public class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> report)
    {
        report.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Restrict);
        report.HasOne<District>().WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Restrict);
        report.HasIndex(r => new { r.SiteId, r.PeriodYear, r.PeriodMonth }).IsUnique();
        report.HasIndex(r => new { r.DistrictId, r.State });
        report.Property(r => r.Version).IsConcurrencyToken();
        report.Ignore(r => r.Content);
        report.Ignore(r => r.PeriodStart);
        report.Ignore(r => r.PeriodEnd);
        report.Ignore(r => r.PeriodLabel);
        report.Property(r => r.State).HasConversion<string>().HasMaxLength(16);

        report.OwnsMany(r => r.Communities, c =>
        {
            c.ToTable("ReportCommunityFigures");
            c.WithOwner().HasForeignKey("ReportId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.HasIndex(x => x.CommunityId);
        });
        report.OwnsMany(r => r.Organisations, o =>
        {
            o.ToTable("ReportOrganisations");
            o.WithOwner().HasForeignKey("ReportId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.HasIndex(x => x.Key);
            o.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
        report.OwnsMany(r => r.Donations, d =>
        {
            d.ToTable("ReportDonations");
            d.WithOwner().HasForeignKey("ReportId");
            d.Property<int>("Id");
            d.HasKey("Id");
            d.HasIndex(x => x.Key);
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            d.HasIndex(x => x.Year);
        });
        report.OwnsMany(r => r.Activities, a =>
        {
            a.ToTable("ReportActivities");
            a.WithOwner().HasForeignKey("ReportId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.HasIndex(x => x.Key);
            a.Property(x => x.Area).HasConversion<string>().HasMaxLength(64);
        });
        report.OwnsMany(r => r.Promotions, p =>
        {
            p.ToTable("ReportPromotions");
            p.WithOwner().HasForeignKey("ReportId");
            p.Property<int>("Id");
            p.HasKey("Id");
            p.HasIndex(x => x.Key);
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        });
        foreach (var navigation in new[] { "Communities", "Organisations", "Donations", "Activities", "Promotions" })
            report.Navigation(navigation).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> file)
    {
        file.HasOne<ProgressReport>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        file.HasIndex(f => f.ReportId);
        file.HasIndex(f => f.StoredName).IsUnique();
    }
}
