using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

[Collection(AppCollection.Name)]
public class SessionBrowserTests
{
    private readonly AppFixture _app;

    public SessionBrowserTests(AppFixture app) => _app = app;

    [Fact]
    public async Task An_open_page_goes_to_sign_in_soon_after_the_accounts_password_is_reset()
    {
        var password = await _app.ReadyAccountAsync("feng", "--role", "viewer");
        var page = await _app.SignedInPageAsync("feng", password: password);
        await page.GoInteractiveAsync("campaign");
        await Assertions.Expect(page.Locator("h1").First).ToBeVisibleAsync();
        Assert.Equal(0, (await _app.RunCommandAsync("Reset#2026y", "users", "reset-password", "feng", "--password-stdin")).Exit);
        // The app under test re-checks open pages every 2 s: the page loses its user and lands on sign-in.
        await page.WaitForURLAsync(url => url.Contains("/login"));
        await page.Context.CloseAsync();
    }
}
