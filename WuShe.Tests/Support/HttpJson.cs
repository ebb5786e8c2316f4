using System.Net;
using System.Text.Json;

namespace WuShe.Tests.Support;

public static class HttpJson
{
    /// <summary>GETs a path, asserts the status, and parses the body as JSON.</summary>
    public static async Task<JsonDocument> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The id of a site by its street, read as the city administrator.</summary>
    public static async Task<int> SiteIdAsync(this AppFixture app, string street)
    {
        using var admin = await app.SignedInClientAsync("admin");
        using var list = await admin.GetJsonAsync("api/sites");
        return list.RootElement.EnumerateArray().Single(s => s.GetProperty("street").GetString() == street).GetProperty("id").GetInt32();
    }
}
