using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>The city administrator takes a backup from the page, sees it listed with its checks, and verifies it again.</summary>
[Collection(AppCollection.Name)]
public class BackupBrowserTests
{
    private readonly AppFixture _app;

    public BackupBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task A_backup_taken_from_the_page_is_listed_and_verifies()
    {
        var admin = await _app.SignedInPageAsync("admin", timeout: 60000);
        await admin.GoInteractiveAsync("admin/backups");
        await admin.Locator("#backup-now").ClickAsync();
        await Assertions.Expect(admin.Locator("#backup-message")).ToContainTextAsync("已备份", new() { Timeout = 60000 });
        var row = admin.Locator("#backups tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync("生成时完整性检查通过");
        await Assertions.Expect(row).ToContainTextAsync("手动");
        await row.Locator("button", new() { HasText = "验证" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#backup-message")).ToContainTextAsync("验证通过", new() { Timeout = 60000 });
        await Assertions.Expect(row).ToContainTextAsync("校验值一致");
        await admin.Context.CloseAsync();
    }
}
