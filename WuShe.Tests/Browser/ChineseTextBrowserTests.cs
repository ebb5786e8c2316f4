using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WuShe.Tests.Support;

namespace WuShe.Tests.Browser;

/// <summary>Every page each role reaches from its menu speaks Chinese: no Latin words in what is shown (text, button and
/// field labels, placeholders, tooltips, the title) outside a short list of names users know as they are.</summary>
[Collection(AppCollection.Name)]
public class ChineseTextBrowserTests
{
    /// <summary>Names that stay as they are in a Chinese interface.</summary>
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Excel", "PDF", "ZIP", "xlsx", "GB", "WuShe", "Microsoft", "Google", "Authenticator", "FreeOTP", "CSV", "KB", "MB", "SQLite", "Quartz", "Chromium",
    };

    private readonly AppFixture _app;

    public ChineseTextBrowserTests(AppFixture app) => _app = app;

    [Theory]
    [InlineData("admin")]
    [InlineData("viewer")]
    [InlineData("expert")]
    [InlineData("heping")]
    [InlineData("nanshi")]
    public async Task Every_page_of_the_menu_is_in_Chinese(string user)
    {
        var page = await _app.SignedInPageAsync(user);
        await page.WaitForInteractiveAsync();
        var paths = (await page.Locator(".rz-sidebar a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Distinct().ToList();
        Assert.True(paths.Count >= 2, $"{user} 的菜单只有 {paths.Count} 项");
        var found = new List<string>();
        if (user == "admin")
        {
            // Pages reached from the menu's pages: a district, a site with its progress and evaluations.
            var site = await _app.SiteIdAsync("南市街道");
            paths.AddRange(["districts/120101", $"sites/{site}", $"sites/{site}/progress", $"sites/{site}/evaluations"]);
        }
        foreach (var path in paths.Prepend("account"))
        {
            await page.GotoAsync(path);
            await page.Locator("h1").First.WaitForAsync();
            await Assertions.Expect(page.Locator(".rz-progressbar-indeterminate")).ToHaveCountAsync(0, new() { Timeout = 20000 });
            var text = await page.EvaluateAsync<string>(VisibleText);
            found.AddRange(LatinWords(text).Select(w => $"{path}: {w}"));
        }
        Assert.True(found.Count == 0, $"{user} 看到的英文：\n" + string.Join("\n", found.Distinct()));
        await page.Context.CloseAsync();
    }

    /// <summary>What a user reads: the title, visible text, placeholders, tooltips and labels — not icon ligatures (.rzi) and not
    /// data marked translate="no" (user names, keys).</summary>
    private const string VisibleText = @"() => {
        const skip = el => el.closest('.rzi, .material-icons, [translate=no], code, script, style');
        const shown = el => el.offsetParent !== null || getComputedStyle(el).position === 'fixed';
        const out = [document.title];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n; (n = walker.nextNode());) {
            const p = n.parentElement;
            if (p && !skip(p) && shown(p)) out.push(n.textContent);
        }
        for (const e of document.querySelectorAll('[placeholder],[title],[aria-label]'))
            if (!skip(e) && shown(e)) out.push(e.getAttribute('placeholder'), e.getAttribute('title'), e.getAttribute('aria-label'));
        return out.filter(Boolean).join('\n');
    }";

    /// <summary>Latin words, leaving out file names and paths (data: "wushe-backup-20240520.zip", "/var/lib/…").</summary>
    private static IEnumerable<string> LatinWords(string text) =>
        Regex.Matches(Regex.Replace(text, @"[\w./-]*\.(zip|xlsx|pdf|db|csv)\b|(?<!\w)/[\w./-]+", " "), @"[A-Za-z][A-Za-z]+").Select(m => m.Value).Where(w => !Allowed.Contains(w)).Distinct();
}
