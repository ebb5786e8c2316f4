using Microsoft.Playwright;

namespace WuShe.Tests.Support;

public static class PageExtensions
{
    /// <summary>Waits until the Blazor circuit is live: before that, prerendered inputs do not yet reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("#circuit[data-ready='1']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task SignInAsync(this IPage page, string userName, string password = AppFixture.Password)
    {
        await page.GotoAsync("login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        // "/" passes the user on to the landing page (待办 or the board): wait for that too, or the next navigation races it.
        await page.WaitForURLAsync(url => !url.Contains("/login") && new Uri(url).AbsolutePath != "/");
    }

    /// <summary>The first sign-in's password change, through the real form.</summary>
    public static async Task ReplaceOneTimePasswordAsync(this IPage page, string oneTime, string next)
    {
        Assert.Contains("/account/password", page.Url);
        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", next);
        await page.FillAsync("#confirm", next);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/password"));
    }

    public static async Task GoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Picks a choice by its Chinese text in the drop-down whose input is named <paramref name="name"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string name, string text)
    {
        var dropDown = page.Locator(".rz-dropdown").Filter(new() { Has = page.Locator($"input[name='{name}']") });
        await dropDown.ClickAsync();
        await page.Locator(".rz-popup:visible .rz-dropdown-item", new() { HasTextString = text }).First.ClickAsync();
        await Assertions.Expect(dropDown.Locator(".rz-dropdown-label")).ToHaveTextAsync(text);
    }

    /// <summary>Clicks a command that asks first, and answers the confirmation with its verb.</summary>
    public static async Task ClickAndConfirmAsync(this IPage page, string selector, string verb = "确定提交")
    {
        await page.ClickAsync(selector);
        var dialog = page.Locator(".rz-dialog");
        await dialog.Locator("button", new() { HasText = verb }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
