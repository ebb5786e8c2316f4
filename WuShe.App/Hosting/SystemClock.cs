using Microsoft.Extensions.Options;
using WuShe.Domain.Common;

namespace WuShe.App.Hosting;

/// <summary>
/// The real time, or — when <c>WuShe:Today</c> is set (development, replaying the 2023 campaign) — that date in
/// Asia/Shanghai with the real time of day, so a historical campaign can be replayed.
/// </summary>
public sealed class SystemClock : IClock
{
    private readonly DateOnly? _today;

    public SystemClock(IOptions<WuSheOptions> options) => _today = options.Value.Today;

    public DateTimeOffset Now
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            if (_today is not { } day) return now;
            var china = ChinaTime.ToChina(now);
            return new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(china.DateTime)), china.Offset);
        }
    }

    public bool IsReplaying => _today is not null;
}
