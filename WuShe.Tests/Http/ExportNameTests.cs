using System.Text.RegularExpressions;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>An exported workbook's name says whose data and as of when: "和平区-创建点-2024-05-20.xlsx".</summary>
[Collection(AppCollection.Name)]
public class ExportNameTests
{
    private readonly AppFixture _app;

    public ExportNameTests(AppFixture app) => _app = app;

    [Theory]
    [InlineData("heping", "export/sites.xlsx", "和平区-创建点")]
    [InlineData("admin", "export/sites.xlsx", "全市-创建点")]
    [InlineData("admin", "export/dashboard.xlsx?district=120116", "滨海新区-创建进度")]
    [InlineData("nanshi", "export/sites.xlsx", "南市街道-创建点")]
    public async Task Exports_are_named_by_scope_and_date(string user, string path, string start)
    {
        using var client = await _app.SignedInClientAsync(user);
        var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? "";
        Assert.Matches($"^{Regex.Escape(start)}.*-\\d{{4}}-\\d{{2}}-\\d{{2}}\\.xlsx$", name);
    }
}
