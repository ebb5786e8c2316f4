using System.Collections.Specialized;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;

namespace WuShe.App.Jobs;

/// <summary>Starts the Quartz scheduler with the host and stops it with the host (Quartz.Extensions.Hosting is not in the feed).</summary>
public sealed class QuartzHost : IHostedService
{
    private readonly IServiceProvider _services;
    private readonly ILogger<QuartzHost> _log;

    public QuartzHost(IServiceProvider services, ILogger<QuartzHost> log)
    {
        _services = services;
        _log = log;
    }

    public IScheduler? Scheduler { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }

    public async Task StartAsync(CancellationToken ct)
    {
        var properties = new NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = "WuShe",
            ["quartz.threadPool.maxConcurrency"] = "2",
        };
        Scheduler = await new StdSchedulerFactory(properties).GetScheduler(ct);
        Scheduler.JobFactory = new ScopedJobFactory(_services);
        await Scheduler.Start(ct);
        StartedAt = DateTimeOffset.UtcNow;
        _log.LogInformation("Quartz 调度器已启动");
    }

    public async Task StopAsync(CancellationToken ct)
    {
        if (Scheduler is { IsShutdown: false }) await Scheduler.Shutdown(waitForJobsToComplete: true, ct);
    }
}

/// <summary>Each run gets its own DI scope, disposed when Quartz returns the job.</summary>
internal sealed class ScopedJobFactory : IJobFactory
{
    private readonly IServiceProvider _services;

    public ScopedJobFactory(IServiceProvider services) => _services = services;

    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        var scope = _services.CreateScope();
        var job = (IJob)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType);
        return new ScopedJob(scope, job);
    }

    public void ReturnJob(IJob job) => (job as ScopedJob)?.Scope.Dispose();

    private sealed record ScopedJob(IServiceScope Scope, IJob Inner) : IJob
    {
        public Task Execute(IJobExecutionContext context) => Inner.Execute(context);
    }
}
