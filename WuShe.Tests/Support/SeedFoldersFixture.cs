namespace WuShe.Tests.Support;

/// <summary>An app started on its own seed-data folder, which the subclass fills (copies, edits) in its constructor.</summary>
public abstract class SeedFoldersFixture : IAsyncLifetime
{
    protected readonly TempFolder Seeds = new();
    public AppFixture App { get; }

    protected SeedFoldersFixture() => App = new AppFixture { Settings = { ["WuShe__SeedDataPath"] = Seeds.Path } };

    protected static string Shipped(params string[] path) => Path.Combine([AppContext.BaseDirectory, "seed-data", .. path]);

    /// <summary>Copies a seed folder into this app's seed data under <paramref name="name"/>, each file's text edited.</summary>
    protected void Copy(string from, string name, Func<string, string>? edit = null)
    {
        var to = Directory.CreateDirectory(Seeds.File(name)).FullName;
        foreach (var file in Directory.GetFiles(from))
            File.WriteAllText(Path.Combine(to, Path.GetFileName(file)), (edit ?? (t => t))(File.ReadAllText(file)));
    }

    public Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Seeds.Dispose();
    }
}
