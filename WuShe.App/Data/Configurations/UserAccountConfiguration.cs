using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Accounts;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

public class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> user)
    {
        user.HasIndex(u => u.UserName).IsUnique();
        user.Property(u => u.UserName).HasMaxLength(64);
        user.Ignore(u => u.Scope);
        user.HasOne<District>().WithMany().HasForeignKey(u => u.DistrictId).OnDelete(DeleteBehavior.Restrict);
        user.HasOne<Site>().WithMany().HasForeignKey(u => u.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
