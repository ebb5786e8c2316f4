namespace WuShe.App.Data;

/// <summary>
/// A counter bumped by every save that changes what dashboards show (reports, sites, districts, evaluations), so cached
/// dashboard results are reused until the data changes and never served stale within this process.
/// </summary>
public static class DataVersion
{
    private static long _current;

    public static long Current => Interlocked.Read(ref _current);

    /// <summary>Raised after each bump and each other change of someone's work (alerts, a station account), so open menus
    /// recount their badges.</summary>
    public static event Action? Changed;

    public static void Bump()
    {
        Interlocked.Increment(ref _current);
        Changed?.Invoke();
    }

    /// <summary>Work changed without changing what dashboards show: badges recount, cached dashboards stay.</summary>
    public static void Announce() => Changed?.Invoke();
}
