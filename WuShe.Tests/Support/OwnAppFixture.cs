namespace WuShe.Tests.Support;

/// <summary>An app of a test class's own (fresh database), for tests whose assertions depend on everything in the database
/// or that change shared state other classes read.</summary>
public sealed class OwnAppFixture : IAsyncLifetime
{
    public AppFixture App { get; } = new();
    public Task InitializeAsync() => App.InitializeAsync();
    public async Task DisposeAsync() => await App.DisposeAsync();
}
