using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WuShe.Domain.Contracts;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

public class ServiceContractConfiguration : IEntityTypeConfiguration<ServiceContract>
{
    public void Configure(EntityTypeBuilder<ServiceContract> contract)
    {
        contract.ToTable("ServiceContracts");
        contract.HasOne<Site>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        contract.HasIndex(c => new { c.SiteId, c.Term }).IsUnique();
        contract.Property(c => c.Provider).HasMaxLength(100);
        contract.Property(c => c.ReviewNote).HasMaxLength(500);
        contract.Property(c => c.Version).IsConcurrencyToken();
    }
}
