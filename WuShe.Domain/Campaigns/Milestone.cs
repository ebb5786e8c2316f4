using WuShe.Domain.Common;

namespace WuShe.Domain.Campaigns;

/// <summary>时间节点: by <see cref="DueDate"/> at least <see cref="RequiredCompletionShare"/> of the creation tasks are complete (二).</summary>
public class Milestone
{
    public int Id { get; private set; }
    public DateOnly DueDate { get; private set; }
    /// <summary>0.5 = 50 %; 1 = all.</summary>
    public decimal RequiredCompletionShare { get; private set; }
    public string Description { get; private set; } = "";
    public string Clause { get; private set; } = "";

    protected Milestone() { }

    public Milestone(DateOnly dueDate, decimal requiredCompletionShare, string description, string clause)
    {
        if (requiredCompletionShare <= 0 || requiredCompletionShare > 1)
            throw new DomainException("节点完成比例必须在 0 到 100% 之间。");
        DueDate = dueDate;
        RequiredCompletionShare = requiredCompletionShare;
        Description = description.Trim();
        Clause = string.IsNullOrWhiteSpace(clause) ? throw new DomainException("节点必须注明政策条款。") : clause.Trim();
    }
}
