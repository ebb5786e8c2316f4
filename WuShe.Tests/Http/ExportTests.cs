using System.Net;
using WuShe.App.Excel;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Grid exports are real workbooks, in Chinese, of exactly what the user may see.</summary>
[Collection(AppCollection.Name)]
public class ExportTests
{
    private readonly AppFixture _app;

    public ExportTests(AppFixture app) => _app = app;

    private static async Task<IReadOnlyDictionary<string, XlsxTable>> WorkbookAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx.ContentType, response.Content.Headers.ContentType!.MediaType);
        return Xlsx.Read(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_city_exports_the_districts_with_quota_and_ledger()
    {
        using var admin = await _app.SignedInClientAsync("admin");
        var sheet = (await WorkbookAsync(admin, "export/districts.xlsx"))["各区名额"];
        Assert.Equal(16, sheet.Rows.Count);
        Assert.Equal(new[] { "区划代码", "区划", "试点街镇数", "试点社区数" }, sheet.Headers.Take(4));
        var heping = sheet.Rows.Single(r => r["区划"] == "和平区");
        Assert.Equal(("120101", "3", "6"), (heping["区划代码"], heping["试点街镇数"], heping["试点社区数"]));
        Assert.Contains("缺 1 个", heping["名额可行性"]);
        Assert.Equal(50, sheet.Rows.Sum(r => int.Parse(r["试点街镇数"])));
    }

    [Fact]
    public async Task A_district_officer_exports_only_their_own_district()
    {
        using var heping = await _app.SignedInClientAsync("heping");
        var sites = (await WorkbookAsync(heping, "export/sites.xlsx"))["创建点"];
        Assert.NotEmpty(sites.Rows);
        Assert.All(sites.Rows, r => Assert.Equal("和平区", r["区划"]));
        Assert.NotEqual(HttpStatusCode.OK, (await heping.GetAsync("export/districts.xlsx")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await heping.GetAsync("export/audit.xlsx")).StatusCode);
        var board = await WorkbookAsync(heping, "export/dashboard.xlsx?district=120101&asOf=2024-05-20");
        Assert.All(board["创建点"].Rows, r => Assert.Equal("和平区", r["区划"]));
        Assert.Equal(HttpStatusCode.NotFound, (await heping.GetAsync("export/dashboard.xlsx?district=120116")).StatusCode);
    }

    [Fact]
    public async Task The_progress_template_uses_real_names_and_is_refused_outside_scope()
    {
        var site = await _app.SiteIdAsync("南市街道");
        using var station = await _app.SignedInClientAsync("nanshi");
        var book = await WorkbookAsync(station, $"export/progress-template.xlsx?site={site}&year=2024&month=3");
        Assert.Equal(new[] { "新文化社区", "庆有西里社区", "怀远里社区" }, book["社区"].Rows.Select(r => r["社区"]));
        Assert.Equal("南市街道", Assert.Single(book["创建点"].Rows)["街镇"]);
        Assert.Equal("2024-03", book["创建点"].Rows[0]["填报期间"]);
        Assert.Contains("填写说明", book.Keys);

        using var binhai = await _app.SignedInClientAsync("binhai");
        Assert.Equal(HttpStatusCode.NotFound, (await binhai.GetAsync($"export/progress-template.xlsx?site={site}&year=2024&month=3")).StatusCode);
    }
}
