using WuShe.App.Excel;
using WuShe.App.Hosting;
using WuShe.App.Progress;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Accounts;

/// <summary>The outcome of a bulk creation: every error by sheet, row and column, or the accounts with their one-time passwords.</summary>
public sealed record AccountImport(IReadOnlyList<ImportError> Errors, IReadOnlyList<CreatedAccount> Created);

/// <summary>
/// Accounts in Excel: the list as shown (<see cref="Columns"/>), and bulk creation from a template
/// (用户名、姓名、角色、区划代码、创建点、手机) — every row or none, every bad cell named by row and column.
/// </summary>
public class AccountWorkbook
{
    public const string Sheet = "账号";
    public const int MaxRows = 2000;
    private static readonly string[] Headers = ["用户名", "姓名", "角色", "区划代码", "创建点", "手机"];
    private static readonly Dictionary<string, string> FieldColumns = new()
    {
        ["UserName"] = "用户名", ["DisplayName"] = "姓名", ["Role"] = "角色", ["DistrictCode"] = "区划代码", ["SiteId"] = "创建点",
        ["AssignedSiteIds"] = "创建点", ["Phone"] = "手机", ["Password"] = "用户名",
    };

    /// <summary>The accounts grid's columns, shared by the page and the export.</summary>
    public static readonly IReadOnlyList<Excel.GridColumn<AccountRow>> Columns =
    [
        new("用户名", r => r.UserName, Verbatim: true), new("姓名或单位", r => r.DisplayName), new("角色", r => r.RoleLabel), new("范围", r => r.Bound),
        new("状态", r => r.State), new("最近登录", r => r.LastSignInText), new("手机", r => r.Phone),
    ];

    private readonly AccountAdministration _accounts;
    private readonly SiteQueries _sites;

    public AccountWorkbook(AccountAdministration accounts, SiteQueries sites)
    {
        _accounts = accounts;
        _sites = sites;
    }

    public async Task<byte[]> ExportAsync(Actor actor, CancellationToken ct = default)
    {
        var rows = await _accounts.ListAsync(actor, ct);
        return Xlsx.Write(Columns.Sheet(Sheet, rows));
    }

    /// <summary>An empty sheet to fill, with the roles and the sites (by id) the actor may use on a second sheet.</summary>
    public async Task<byte[]> TemplateAsync(Actor actor, UserScope scope, CancellationToken ct = default)
    {
        if (!AccountBinding.AdministersAccounts(actor.Role)) throw new AccessDeniedException("您的角色不能管理账号。");
        var roles = actor.Role == UserRole.CityAdministrator ? Enum.GetValues<UserRole>() : [UserRole.StreetStation];
        var sites = await _sites.ListAsync(scope, ct);
        return Xlsx.Write(
            new XlsxSheet(Sheet, Headers, []),
            new XlsxSheet("填写说明", ["项目", "说明"],
                new[]
                {
                    new object?[] { "用户名", "2–32 位小写字母、数字或 - . _，不能与已有账号重复" },
                    new object?[] { "姓名", "可空：默认为所绑定的区民政局或服务站" },
                    new object?[] { "角色", string.Join("、", roles.Select(r => r.Label())) },
                    new object?[] { "区划代码", "区民政局账号必填（6 位区划代码）" },
                    new object?[] { "创建点", "服务站账号：创建点编号；市级评估专家：所评估的市区联动创建点编号，多个用顿号或逗号分隔" },
                    new object?[] { "手机", "可空" },
                    new object?[] { "密码", "每个账号生成一次性临时密码，导入后只显示一次；首次登录须修改" },
                }.Concat(sites.Select(s => new object?[] { $"创建点 {s.Id}", $"{s.DistrictName} · {s.Street}（{s.Tier}，{s.State}）" }))
                .Select(r => (IReadOnlyList<object?>)r)));
    }

    public async Task<AccountImport> ImportAsync(Actor actor, Stream file, CancellationToken ct = default)
    {
        IReadOnlyDictionary<string, XlsxTable> book;
        try
        {
            book = Xlsx.Read(file);
        }
        catch (XlsxRefusedException e)
        {
            return Refused(new ImportError(e.Sheet, e.Row, e.Message));
        }
        if (!book.TryGetValue(Sheet, out var table)) return Refused(new ImportError(Sheet, 0, $"文件中没有名为“{Sheet}”的工作表，请使用下载的模板。"));
        var missing = Headers.Take(3).Where(h => !table.Headers.Contains(h)).ToList();
        if (missing.Count > 0) return Refused(new ImportError(Sheet, 1, $"缺少列：{string.Join("、", missing)}。"));
        var rows = table.Rows.Where(r => Headers.Any(h => r[h] != "")).ToList();
        if (rows.Count == 0) return Refused(new ImportError(Sheet, 0, "没有要创建的账号。"));
        if (rows.Count > MaxRows) return Refused(new ImportError(Sheet, 0, $"一次最多导入 {MaxRows} 个账号（本文件 {rows.Count} 行）。"));

        var errors = new List<ImportError>();
        var inputs = new List<NewAccount>();
        foreach (var row in rows)
        {
            var role = ParseRole(row["角色"]);
            if (role is null) errors.Add(new(Sheet, row.Number, $"角色：“{row["角色"]}”不是可用的角色（{string.Join("、", Enum.GetValues<UserRole>().Select(r => r.Label()))}）。"));
            var ids = row["创建点"].Split(['、', ',', '，', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries);
            var parsed = ids.Select(t => int.TryParse(t, out var v) ? v : (int?)null).ToList();
            if (parsed.Any(p => p is null)) errors.Add(new(Sheet, row.Number, $"创建点：“{row["创建点"]}”应为创建点编号（数字）。"));
            var siteIds = parsed.OfType<int>().ToList();
            if (role == UserRole.StreetStation && siteIds.Count > 1) errors.Add(new(Sheet, row.Number, "创建点：服务站账号只绑定一个创建点。"));
            // Every cell goes to the service as typed, so a cell that does not fit the role is refused there, as on the page and the command.
            var evaluator = role == UserRole.CityEvaluator;
            inputs.Add(new NewAccount(row["用户名"], row["姓名"], role ?? UserRole.Viewer, row["区划代码"],
                !evaluator && siteIds.Count > 0 ? siteIds[0] : null, evaluator ? siteIds : null, row["手机"]));
        }
        if (errors.Count > 0) return Refused([.. errors]);
        try
        {
            return new([], await _accounts.CreateManyAsync(actor, inputs, ct: ct));
        }
        catch (FieldValidationException e)
        {
            return Refused(e.Errors.Select(f => ToImportError(f, rows)).ToArray());
        }
    }

    private static ImportError ToImportError(FieldError f, IReadOnlyList<XlsxRow> rows)
    {
        var dot = f.Field.IndexOf('.');
        var position = dot > 0 && int.TryParse(f.Field[..dot], out var p) ? p : 1;
        var field = dot > 0 ? f.Field[(dot + 1)..] : f.Field;
        return new(Sheet, rows[Math.Clamp(position - 1, 0, rows.Count - 1)].Number, $"{FieldColumns.GetValueOrDefault(field, field)}：{f.Message}");
    }

    /// <summary>A role by its Chinese label (as the template lists them), its name, or the command's name for it.</summary>
    private static UserRole? ParseRole(string text)
    {
        foreach (var role in Enum.GetValues<UserRole>())
            if (role.Label() == text || role.ToString() == text) return role;
        return UsersCommand.Roles.TryGetValue(text, out var named) ? named : null;
    }

    private static AccountImport Refused(params ImportError[] errors) => new(errors, []);
}
