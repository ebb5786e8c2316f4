using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.App.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

/// <summary>The policy's part of the Identity user; Identity configures its own columns (user name, hash, stamp, lock-out).</summary>
public class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(100);
        user.Ignore(u => u.Binding);
        user.Ignore(u => u.Scope);
        user.Ignore(u => u.Actor);
        user.HasIndex(u => new { u.Role, u.DistrictId });
        user.PrimitiveCollection(u => u.AssignedSiteIds).HasMaxLength(4000);
        user.PrimitiveCollection(u => u.OtherCampaignIds).HasMaxLength(1000);
        user.HasOne<District>().WithMany().HasForeignKey(u => u.DistrictId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne<Site>().WithMany().HasForeignKey(u => u.SiteId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key: on SQLite adding one rebuilds the table outside a transaction; a campaign that no longer exists
        // falls back to the default when the claims are made (UserClaimsFactory).
    }
}
