using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WuShe.Domain.Evaluations;
using WuShe.Domain.Sites;

namespace WuShe.App.Data.Configurations;

/// <summary>A rubric or a score sheet is one value: kept as readable JSON in one column.</summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ValueConverter<T, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options)!);

    /// <summary>As <see cref="Converter{T}"/>, reading an empty column (a row older than the column) as <paramref name="empty"/>.</summary>
    public static ValueConverter<T, string> Converter<T>(T empty) =>
        new(v => JsonSerializer.Serialize(v, Options), s => s == "" ? empty : JsonSerializer.Deserialize<T>(s, Options)!);

    public static ValueComparer<T> Comparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Options), Options)!);
}

public class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> evaluation)
    {
        evaluation.HasOne<Site>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
        evaluation.HasIndex(e => new { e.SiteId, e.Body, e.Phase, e.Round }).IsUnique();
        evaluation.Property(e => e.Phase).HasConversion<string>().HasMaxLength(16);
        evaluation.Property(e => e.Body).HasConversion<string>().HasMaxLength(16);
        evaluation.Property(e => e.Rubric).HasConversion(JsonColumn.Converter<Rubric>(), JsonColumn.Comparer<Rubric>());
        evaluation.Property(e => e.Version).IsConcurrencyToken();
        evaluation.Ignore(e => e.Complete);
        evaluation.Ignore(e => e.MeanScore);
        evaluation.Ignore(e => e.DimensionScores);
        evaluation.HasMany(e => e.Sheets).WithOne().HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        evaluation.Navigation(e => e.Sheets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class EvaluationSheetConfiguration : IEntityTypeConfiguration<EvaluationSheet>
{
    public void Configure(EntityTypeBuilder<EvaluationSheet> sheet)
    {
        sheet.ToTable("EvaluationSheets");
        sheet.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        sheet.Ignore(s => s.Scores);
        sheet.Ignore(s => s.Total);
        sheet.Property<Dictionary<string, decimal>>("_scores").HasColumnName("Scores")
            .HasConversion(JsonColumn.Converter<Dictionary<string, decimal>>(), JsonColumn.Comparer<Dictionary<string, decimal>>());
        sheet.HasIndex(s => s.EvaluatorUserId);
    }
}

public class AcceptanceDecisionConfiguration : IEntityTypeConfiguration<AcceptanceDecision>
{
    public void Configure(EntityTypeBuilder<AcceptanceDecision> decision)
    {
        decision.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Restrict);
        decision.HasIndex(d => d.SiteId);
        decision.Ignore(d => d.Conclusion);
    }
}

public class ReportBatchConfiguration : IEntityTypeConfiguration<WuShe.App.Reports.ReportBatch>
{
    public void Configure(EntityTypeBuilder<WuShe.App.Reports.ReportBatch> batch)
    {
        batch.ToTable("ReportBatches");
        batch.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        batch.Ignore(b => b.StateLabel);
    }
}
