using WuShe.Domain.Common;

namespace WuShe.Domain.Campaigns;

/// <summary>创建标准: one of the numbered standards of 三 (Tianjin has seven), made of measurable requirements.</summary>
public class CreationStandard
{
    private readonly List<StandardRequirement> _requirements = new();

    public int Id { get; private set; }
    public int Number { get; private set; }
    /// <summary>e.g. "创建社区基金".</summary>
    public string Title { get; private set; } = "";
    /// <summary>e.g. "三（一）".</summary>
    public string Clause { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public IReadOnlyList<StandardRequirement> Requirements => _requirements;

    protected CreationStandard() { }

    public CreationStandard(int number, string title, string clause, string summary, IEnumerable<StandardRequirement> requirements)
    {
        if (number <= 0) throw new DomainException("标准序号必须为正整数。");
        Number = number;
        Title = string.IsNullOrWhiteSpace(title) ? throw new DomainException($"第 {number} 条标准缺少名称。") : title.Trim();
        Clause = string.IsNullOrWhiteSpace(clause) ? throw new DomainException($"第 {number} 条标准缺少政策条款。") : clause.Trim();
        Summary = summary.Trim();
        _requirements.AddRange(requirements);
        if (_requirements.Count == 0) throw new DomainException($"第 {number} 条标准至少需要一项可衡量的要求。");
    }
}
