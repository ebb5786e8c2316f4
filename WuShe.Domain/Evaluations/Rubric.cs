using WuShe.Domain.Common;

namespace WuShe.Domain.Evaluations;

public sealed record RubricItem(string Key, string Name, decimal MaxPoints);

public sealed record RubricDimension(string Name, IReadOnlyList<RubricItem> Items)
{
    public decimal MaxPoints => Items.Sum(i => i.MaxPoints);
}

/// <summary>A grade band: at least <see cref="MinScore"/> points earns <see cref="Name"/> (优秀, 良好, 合格).</summary>
public sealed record GradeBand(string Name, decimal MinScore);

/// <summary>
/// 评估指标体系: dimensions, items, maximum points, pass mark and grade bands. The notice (五（三）) names the focus areas
/// but gives no weights, so the shipped one is a labelled system default (5 × 20 points, pass 60, 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60).
/// </summary>
public sealed record Rubric(IReadOnlyList<RubricDimension> Dimensions, decimal PassMark, IReadOnlyList<GradeBand> Bands, bool IsSystemDefault)
{
    public decimal MaxPoints => Dimensions.Sum(d => d.MaxPoints);
    public IEnumerable<RubricItem> Items => Dimensions.SelectMany(d => d.Items);

    /// <summary>The rubric in one line: "项目实施情况 20 分；…；合格 60；优秀 ≥ 90、良好 ≥ 80、合格 ≥ 60".</summary>
    public string Summary =>
        string.Join("；", Dimensions.Select(d => $"{d.Name} {d.MaxPoints:0.##} 分")) + $"；合格 {PassMark:0.##}；" + string.Join("、", Bands.Select(b => $"{b.Name} ≥ {b.MinScore:0.##}"));

    public static Rubric SystemDefault => new(
        new[] { "项目实施情况", "服务成效", "社会参与", "资源整合", "社会效益" }
            .Select((name, i) => new RubricDimension(name, new[] { new RubricItem($"d{i + 1}", name, 20) })).ToList(),
        60, new[] { new GradeBand("优秀", 90), new GradeBand("良好", 80), new GradeBand("合格", 60) }, IsSystemDefault: true);

    /// <summary>What makes a rubric unusable, field by field.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (Dimensions.Count == 0) errors.Add(new("Dimensions", "至少需要一个评估维度。"));
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if (string.IsNullOrWhiteSpace(Dimensions[d].Name)) errors.Add(new($"Dimensions[{d}].Name", $"第 {d + 1} 个维度缺少名称。"));
            if (Dimensions[d].Items.Count == 0) errors.Add(new($"Dimensions[{d}].Items", $"维度“{Dimensions[d].Name}”至少需要一个评分项。"));
            foreach (var (item, i) in Dimensions[d].Items.Select((x, i) => (x, i)))
            {
                if (string.IsNullOrWhiteSpace(item.Name)) errors.Add(new($"Dimensions[{d}].Items[{i}].Name", $"维度“{Dimensions[d].Name}”第 {i + 1} 项缺少名称。"));
                if (item.MaxPoints <= 0) errors.Add(new($"Dimensions[{d}].Items[{i}].MaxPoints", $"“{item.Name}”的满分应大于 0。"));
            }
        }
        foreach (var dup in Items.GroupBy(i => i.Key).Where(g => g.Count() > 1)) errors.Add(new("Dimensions", $"评分项编号“{dup.Key}”重复。"));
        if (PassMark <= 0 || PassMark > MaxPoints) errors.Add(new(nameof(PassMark), $"合格线应在 0 到满分 {MaxPoints:0.##} 之间。"));
        if (Bands.Any(b => b.MinScore > MaxPoints)) errors.Add(new(nameof(Bands), $"等级分数线不能高于满分 {MaxPoints:0.##}。"));
        if (!Bands.Select(b => b.MinScore).SequenceEqual(Bands.Select(b => b.MinScore).OrderByDescending(x => x)))
            errors.Add(new(nameof(Bands), "等级应按分数线从高到低排列。"));
        return errors;
    }

    /// <summary>"优秀", "良好", "合格" or "不合格" for a total score.</summary>
    public string Grade(decimal score) =>
        score < PassMark ? "不合格" : Bands.OrderByDescending(b => b.MinScore).FirstOrDefault(b => score >= b.MinScore)?.Name ?? "合格";

    public bool Passes(decimal score) => score >= PassMark;
}
