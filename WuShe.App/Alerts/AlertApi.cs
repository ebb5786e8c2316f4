using WuShe.App.Accounts;
using WuShe.App.Hosting;
using WuShe.App.Jobs;
using WuShe.Domain.Alerts;

namespace WuShe.App.Alerts;

public sealed record AcknowledgeCommand(string? Note);

/// <summary>知悉 several alerts with one note (all in scope, or none).</summary>
public sealed record AcknowledgeManyCommand(IReadOnlyList<int>? Ids, string? Note);

public static class AlertApi
{
    public static void MapAlertApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().AddEndpointFilter<RequestShape>();
        api.MapGet("/alerts", (HttpContext http, AlertQueries q, AlertState? state, AlertSeverity? severity, int? district, CancellationToken ct) =>
            ApiResults.Run(() => q.ListAsync(http.User.Scope(), new AlertFilter(district, null, null, severity, state), 5000, ct)));
        api.MapPost("/alerts/acknowledge", (AcknowledgeManyCommand c, HttpContext http, AlertQueries q, CancellationToken ct) =>
            ApiResults.Run(() => q.AcknowledgeManyAsync(http.User.Actor(), http.User.Scope(), c.Ids ?? Array.Empty<int>(), c.Note ?? "", ct)));
        api.MapPost("/alerts/{id:int}/acknowledge", (int id, AcknowledgeCommand c, HttpContext http, AlertQueries q, CancellationToken ct) =>
            ApiResults.Run(async () => { await q.AcknowledgeAsync(http.User.Actor(), http.User.Scope(), id, c.Note ?? "", ct); return id; }));
        api.MapPost("/jobs/{name}/run", (string name, HttpContext http, ScheduledJobs quartz) => ApiResults.Run(async () =>
        {
            if (!ScheduledJobs.Known.ContainsKey(name)) throw new NotFoundException($"没有名为 {name} 的任务。");
            await quartz.RunNowAsync(name, http.User.DisplayName());
            return name;
        })).RequireAuthorization(Policies.CityAdministrator);
        api.MapGet("/jobs", (AlertQueries q, CancellationToken ct) => ApiResults.Run(() => q.JobsAsync(ct))).RequireAuthorization(Policies.CityAdministrator);
    }
}
