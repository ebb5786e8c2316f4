using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.App.Jobs;
using WuShe.Domain.Alerts;

namespace WuShe.App.Data.Configurations;

public class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> alert)
    {
        alert.HasIndex(a => new { a.CampaignId, a.Rule, a.RuleKey, a.ScopeKey, a.Period }).IsUnique();
        alert.HasIndex(a => new { a.CampaignId, a.State, a.DistrictId });
        alert.HasIndex(a => a.SiteId);
        alert.Property(a => a.Rule).HasConversion<string>().HasMaxLength(32);
        alert.Property(a => a.Scope).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        alert.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
    }
}

public class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> run)
    {
        run.HasIndex(r => new { r.Job, r.ScheduledFor, r.Attempt }).IsUnique().HasFilter("ScheduledFor IS NOT NULL");
        run.HasIndex(r => new { r.Job, r.StartedAt });
        run.Ignore(r => r.Duration);
        run.Ignore(r => r.Running);
        run.Ignore(r => r.State);
    }
}
