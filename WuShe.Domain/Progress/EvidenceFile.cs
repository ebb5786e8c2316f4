using WuShe.Domain.Common;

namespace WuShe.Domain.Progress;

/// <summary>证明材料: a receipt, roster or photo attached to an entry of a report, stored outside the web root under a generated name.</summary>
public class EvidenceFile
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Allowed types by extension, with the content type they are served as.</summary>
    public static readonly IReadOnlyDictionary<string, string> AllowedTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>
    /// Whether the file's first bytes are what its type says (PDF "%PDF-", PNG, JPEG, and the ZIP of .xlsx/.docx):
    /// a page named .png that is HTML is refused, not served as an image.
    /// </summary>
    public static bool ContentMatches(string contentType, ReadOnlySpan<byte> head) => contentType switch
    {
        "application/pdf" => head.StartsWith("%PDF-"u8),
        "image/png" => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
        "image/jpeg" => head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        _ => head.StartsWith("PK\x03\x04"u8),
    };

    public int Id { get; private set; }
    public int ReportId { get; private set; }
    public int SiteId { get; private set; }
    public int DistrictId { get; private set; }
    /// <summary>The entry it proves (a donation, an activity…), or empty for the report as a whole.</summary>
    public Guid? EntryKey { get; private set; }
    public string OriginalName { get; private set; } = "";
    public string StoredName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string UploadedBy { get; private set; } = "";

    protected EvidenceFile() { }

    public EvidenceFile(ProgressReport report, Guid? entryKey, string originalName, long size, string uploadedBy, DateTimeOffset now)
    {
        var name = Path.GetFileName(originalName ?? "").Trim();
        var extension = Path.GetExtension(name);
        if (name == "" || !AllowedTypes.TryGetValue(extension, out var contentType))
            throw new DomainException($"不支持的文件类型“{extension}”，请上传 {string.Join("、", AllowedTypes.Keys.Select(k => k.TrimStart('.').ToUpperInvariant()).Distinct())} 文件。");
        if (size <= 0) throw new DomainException("文件为空。");
        if (size > MaxBytes) throw new DomainException($"文件 {size / 1024.0 / 1024.0:0.0} MB，超过 {MaxBytes / 1024 / 1024} MB 上限。");
        ReportId = report.Id;
        SiteId = report.SiteId;
        DistrictId = report.DistrictId;
        EntryKey = entryKey;
        OriginalName = name;
        StoredName = $"{Guid.NewGuid():N}{extension.ToLowerInvariant()}";
        ContentType = contentType;
        Size = size;
        UploadedAt = now;
        UploadedBy = uploadedBy;
    }
}
