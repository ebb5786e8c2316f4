using Microsoft.Data.Sqlite;

namespace WuShe.App.Hosting;

/// <summary>
/// Disk full and read-only storage, said plainly: the user's work was not saved, nothing half-saved, and whom to call.
/// Reads go on working (they need no space). Recognises the fault through wrapping exceptions, including SQLite's
/// "cannot rollback - no transaction is active", which is what a full disk leaves after SQLite rolled back by itself.
/// </summary>
public static class StorageFaults
{
    public const string DiskFull = "服务器磁盘空间已满，本次操作未保存（没有保存任何部分）。请联系系统管理员清理空间后重试。";
    public const string ReadOnly = "服务器存储当前为只读，本次操作未保存（没有保存任何部分）。请联系系统管理员。";

    private const int ENOSPC = 28, EROFS = 30, SQLITE_FULL = 13, SQLITE_READONLY = 8, SQLITE_IOERR = 10;

    /// <summary>The Chinese message for a storage fault anywhere in <paramref name="e"/>'s chain, or null for any other error.</summary>
    public static string? Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case SqliteException { SqliteErrorCode: SQLITE_FULL }:
                    return DiskFull;
                case SqliteException { SqliteErrorCode: SQLITE_READONLY }:
                    return ReadOnly;
                case SqliteException s when s.SqliteErrorCode == SQLITE_IOERR || s.Message.Contains("cannot rollback - no transaction is active"):
                    return DiskFull;
                case IOException io when (io.HResult & 0xFFFF) == ENOSPC || io.Message.Contains("No space left on device"):
                    return DiskFull;
                case IOException io when (io.HResult & 0xFFFF) == EROFS || io.Message.Contains("Read-only file system"):
                    return ReadOnly;
            }
        }
        return null;
    }
}
