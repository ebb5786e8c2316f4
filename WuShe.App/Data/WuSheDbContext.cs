using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WuShe.Domain.Accounts;
using WuShe.Domain.Alerts;
using WuShe.Domain.Auditing;
using WuShe.Domain.Campaigns;
using WuShe.Domain.Progress;
using WuShe.Domain.Sites;

namespace WuShe.App.Data;

/// <summary>The campaign's data and, through Identity's user store, the accounts (AspNetUsers and its claims, logins, tokens).</summary>
public partial class WuSheDbContext : IdentityUserContext<Accounts.UserAccount, int>
{
    public WuSheDbContext(DbContextOptions<WuSheDbContext> options) : base(options) { }

    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Accounts.UserAccount> UserAccounts => Set<Accounts.UserAccount>();
    public DbSet<SiteTransition> SiteTransitions => Set<SiteTransition>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<WuShe.Domain.Evaluations.Evaluation> Evaluations => Set<WuShe.Domain.Evaluations.Evaluation>();
    public DbSet<WuShe.Domain.Evaluations.AcceptanceDecision> AcceptanceDecisions => Set<WuShe.Domain.Evaluations.AcceptanceDecision>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    public DbSet<Commendation> Commendations => Set<Commendation>();
    public DbSet<WuShe.Domain.Contracts.ServiceContract> ServiceContracts => Set<WuShe.Domain.Contracts.ServiceContract>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        var touchesDashboards = ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is ProgressReport or Site or District
            or WuShe.Domain.Evaluations.Evaluation or WuShe.Domain.Evaluations.AcceptanceDecision or Campaign);
        // An alert opened, refreshed, resolved or 知悉 changes the badges; so does a station account added, moved or
        // (de)activated (a 待办); a sign-in's timestamp does not.
        var touchesWork = touchesDashboards || ChangeTracker.Entries<Alert>().Any(e => e.State != EntityState.Unchanged)
            || ChangeTracker.Entries<Accounts.UserAccount>().Any(e => e.State is EntityState.Added or EntityState.Deleted
            || (e.State == EntityState.Modified && (e.Property(u => u.IsActive).IsModified || e.Property(u => u.SiteId).IsModified || e.Property(u => u.Role).IsModified)));
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        // Inside a transaction the change is not visible to other readers until it commits (DataVersionOnCommit).
        if (Database.CurrentTransaction is null) Announce(touchesDashboards, touchesWork);
        else (_dashboardsInTransaction, _workInTransaction) = (_dashboardsInTransaction || touchesDashboards, _workInTransaction || touchesWork);
        return saved;
    }

    private bool _dashboardsInTransaction, _workInTransaction;

    private static void Announce(bool dashboards, bool work)
    {
        if (dashboards) DataVersion.Bump();
        else if (work) DataVersion.Announce();
    }

    /// <summary>The transaction committed or rolled back: announce what it saved, once, only if it committed.</summary>
    internal void TransactionEnded(bool committed)
    {
        if (committed) Announce(_dashboardsInTransaction, _workInTransaction);
        (_dashboardsInTransaction, _workInTransaction) = (false, false);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder options) => options.AddInterceptors(DataVersionOnCommit.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WuSheDbContext).Assembly);
        AddScopeFilters(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Enums as strings, so the database reads in the policy's terms.
        builder.Properties<SiteTier>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<SiteState>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<CommunityKind>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<UserRole>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<StandardMetric>().HaveConversion<string>().HaveMaxLength(64);
        builder.Properties<Comparator>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<MeasureUnit>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<StandardScope>().HaveConversion<string>().HaveMaxLength(16);
        builder.Properties<Aggregation>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<RequirementPeriod>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<SiteCommand>().HaveConversion<string>().HaveMaxLength(32);
        builder.Properties<ServiceArea>().HaveConversion<string>().HaveMaxLength(128);
        // SQLite cannot compare or order DateTimeOffset text (EF Core 10 still refuses it); a long keeps instants sortable.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
