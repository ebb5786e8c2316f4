using WuShe.Domain.Common;

namespace WuShe.App.Hosting;

public sealed class SystemClock : IClock
{
    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}
