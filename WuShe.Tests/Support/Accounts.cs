using System.Net;

namespace WuShe.Tests.Support;

/// <summary>Accounts made the way an operator makes them: the app's <c>users</c> command, then the first sign-in's password change.</summary>
public static class Accounts
{
    public const string Temporary = "Temp@2026x";

    /// <summary>Adds an account with the CLI and changes its temporary password through the real form; returns the new password.</summary>
    public static async Task<string> ReadyAccountAsync(this AppFixture app, string userName, params string[] binding)
    {
        var (exit, _, error) = await app.RunCommandAsync(Temporary, new[] { "users", "add", userName }.Concat(binding).Append("--password-stdin").ToArray());
        Assert.True(exit == 0, error);
        using var client = app.NewClient();
        Assert.Equal("/account/password", (await app.SignInAsync(client, userName, Temporary)).RedirectPath());
        var changed = await ChangePasswordAsync(client, Temporary, "Ready#2026" + userName.Length);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        return "Ready#2026" + userName.Length;
    }

    public static async Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string? confirm = null) =>
        await client.PostAsync("account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "password",
            ["__RequestVerificationToken"] = await AppFixture.FormTokenAsync(client, "account/password"),
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = confirm ?? next,
        }));

    public static async Task<HttpClient> SignedInAsync(this AppFixture app, string userName, string password)
    {
        var client = app.NewClient();
        var response = await app.SignInAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Where a redirect points, as a path (pages answer with absolute addresses, endpoints with paths).</summary>
    public static string? RedirectPath(this HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString) : null;

    public static async Task<HttpStatusCode> ApiStatusAsync(this HttpClient client) => (await client.GetAsync("api/campaign")).StatusCode;
}
