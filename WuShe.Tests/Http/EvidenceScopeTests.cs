using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using WuShe.Domain.Common;
using WuShe.Domain.Progress;
using WuShe.Tests.Support;

namespace WuShe.Tests.Http;

/// <summary>Evidence is served only within scope: the station and its district may download it; another district may not.</summary>
[Collection(AppCollection.Name)]
public class EvidenceScopeTests
{
    private readonly AppFixture _app;

    public EvidenceScopeTests(AppFixture app) => _app = app;

    [Fact]
    public async Task Evidence_of_another_districts_site_cannot_be_downloaded()
    {
        var site = await _app.SiteIdAsync("南市街道");
        using var station = await _app.SignedInClientAsync("nanshi");
        var opened = await station.PostAsync($"api/sites/{site}/reports/2024/3", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var reportId = await opened.Content.ReadFromJsonAsync<int>();

        var receipt = Encoding.UTF8.GetBytes("%PDF-1.4 收据 捐赠 5000 元");
        var evidenceId = await UploadAsync(station, reportId, "捐赠收据.pdf", receipt, HttpStatusCode.OK);

        using var binhai = await _app.SignedInClientAsync("binhai");
        var refused = await binhai.GetAsync($"evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("收据", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await binhai.GetAsync($"api/reports/{reportId}")).StatusCode);

        using var heping = await _app.SignedInClientAsync("heping");
        var allowed = await heping.GetAsync($"evidence/{evidenceId}");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(receipt, await allowed.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", allowed.Content.Headers.ContentType!.MediaType);

        using var anonymous = _app.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"evidence/{evidenceId}")).StatusCode);
    }

    [Fact]
    public async Task Only_allowed_types_are_accepted_and_only_from_the_sites_own_station()
    {
        var site = await _app.SiteIdAsync("南市街道");
        using var station = await _app.SignedInClientAsync("nanshi");
        var reportId = await (await station.PostAsync($"api/sites/{site}/reports/2024/2", null)).Content.ReadFromJsonAsync<int>();

        var exe = await UploadRawAsync(station, reportId, "setup.exe", new byte[] { 1, 2, 3 });
        Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
        Assert.Contains("不支持的文件类型", await exe.Content.ReadAsStringAsync());

        using var heping = await _app.SignedInClientAsync("heping");
        var byDistrict = await UploadRawAsync(heping, reportId, "名册.xlsx", new byte[] { 1 });
        Assert.Equal(HttpStatusCode.BadRequest, byDistrict.StatusCode);
        using var binhai = await _app.SignedInClientAsync("binhai");
        Assert.Equal(HttpStatusCode.NotFound, (await UploadRawAsync(binhai, reportId, "名册.xlsx", new byte[] { 1 })).StatusCode);
    }

    [Fact]
    public void Evidence_size_and_type_limits_are_the_domains()
    {
        var (_, report) = Domain.ComplianceEngineTests.SiteWithReport(2);
        Assert.Throws<DomainException>(() => new EvidenceFile(report, null, "a.pdf", EvidenceFile.MaxBytes + 1, "站", DateTimeOffset.UnixEpoch));
        Assert.Throws<DomainException>(() => new EvidenceFile(report, null, "a.pdf", 0, "站", DateTimeOffset.UnixEpoch));
        var ok = new EvidenceFile(report, null, "../../etc/照片.JPG", 10, "站", DateTimeOffset.UnixEpoch);
        Assert.Equal("照片.JPG", ok.OriginalName);
        Assert.Matches("^[0-9a-f]{32}\\.jpg$", ok.StoredName);
    }

    private static async Task<int> UploadAsync(HttpClient client, int reportId, string name, byte[] bytes, HttpStatusCode expected)
    {
        var response = await UploadRawAsync(client, reportId, name, bytes);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<int>();
    }

    private static Task<HttpResponseMessage> UploadRawAsync(HttpClient client, int reportId, string name, byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return client.PostAsync($"api/reports/{reportId}/evidence", form);
    }
}
