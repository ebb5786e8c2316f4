using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Auditing;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> audit)
    {
        audit.HasIndex(a => a.At);
        audit.HasIndex(a => new { a.DistrictId, a.At });
        audit.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

public class SiteTransitionConfiguration : IEntityTypeConfiguration<SiteTransition>
{
    public void Configure(EntityTypeBuilder<SiteTransition> transition) => transition.HasIndex(t => new { t.SiteId, t.At });
}
