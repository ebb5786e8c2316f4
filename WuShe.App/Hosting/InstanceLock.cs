namespace WuShe.App.Hosting;

/// <summary>
/// The running app holds an exclusive lock on <c>wushe.lock</c> beside its database for as long as it runs, so that a
/// restore (which replaces the database and folders under it) can refuse while the app is up, and a second app cannot
/// start on the same SQLite file.
/// </summary>
public sealed class InstanceLock : IDisposable
{
    private readonly FileStream _file;

    private InstanceLock(FileStream file) => _file = file;

    public static string PathIn(string dataFolder) => Path.Combine(dataFolder, "wushe.lock");

    /// <summary>The lock, or null when another process holds it.</summary>
    public static InstanceLock? TryAcquire(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        try
        {
            return new InstanceLock(new FileStream(PathIn(dataFolder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
