using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Radzen;
using WuShe.App.Accounts;
using WuShe.App.Admin;
using WuShe.App.Campaigns;
using WuShe.App.Components;
using WuShe.App.Data;
using WuShe.App.Data.Seeding;
using WuShe.App.Excel;
using WuShe.App.Jobs;
using WuShe.App.Pdf;
using WuShe.App.Progress;
using WuShe.App.Sites;
using WuShe.Domain.Accounts;
using WuShe.Domain.Common;

namespace WuShe.App.Hosting;

public static class WuSheHost
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The app with all its services; <see cref="UsePipeline"/> adds the endpoints.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(WuSheHost).Assembly.GetName().Name,
        });
        if (builder.Environment.IsDevelopment())
        {
            // The repository-root appsettings.Development.json is linked into the output folder.
            builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"), optional: true);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(args);
        }
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        return builder.Build();
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.Configure<WuSheOptions>(configuration.GetSection(WuSheOptions.Section));
        // A replayed "today" is for development; Production always runs on the real date.
        if (!environment.IsDevelopment()) services.PostConfigure<WuSheOptions>(o => o.Today = null);
        var options = configuration.GetSection(WuSheOptions.Section).Get<WuSheOptions>() ?? new WuSheOptions();
        var databasePath = options.ResolveDatabasePath(environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        services.AddDbContextFactory<WuSheDbContext>(o => o.UseSqlite($"Data Source={databasePath}"));
        // Sign-in cookies survive a restart: the key ring lives beside the database, encrypted with a certificate when one is set.
        var keyRing = services.AddDataProtection().SetApplicationName("WuShe")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(databasePath)!, "keys")));
        if (options.DataProtection.CertificatePath is { Length: > 0 } path)
        {
            var certificate = KeyRingCertificate.Load(path, options.DataProtection.CertificatePassword);
            keyRing.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddSingleton<IClock, SystemClock>();
        services.AddMemoryCache();
        services.AddSingleton<CampaignSeeder>();
        services.AddAccounts(options, secureCookies: !environment.IsDevelopment() && options.Https.Require);
        services.AddSecurity(options);
        services.AddSingleton<FirstAdministrator>();
        services.AddSingleton<SampleProgress>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<CurrentCampaign>();
        services.AddSingleton<CampaignQueries>();
        services.AddSingleton<SiteQueries>();
        services.AddSingleton<SiteApplications>();
        services.AddSingleton<WuShe.App.Sites.Contracts.ServiceContracts>();
        services.AddSingleton<QuotaApplications>();
        services.AddSingleton<CampaignSettings>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<ProgressApplications>();
        services.AddSingleton<ProgressQueries>();
        services.AddSingleton<ComplianceQueries>();
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<ProgressWorkbook>();
        services.AddSingleton<WuShe.App.Excel.ExportFileNames>();
        services.AddSingleton<WuShe.App.Alerts.AlertScan>();
        services.AddSingleton<WuShe.App.Evaluations.EvaluationApplications>();
        services.AddSingleton<WuShe.App.Evaluations.EvaluationQueries>();
        services.AddSingleton<PdfRenderer>();
        services.AddSingleton<WuShe.App.Reports.ReportService>();
        services.AddSingleton<WuShe.App.Reports.ReportBatches>();
        services.AddSingleton<WuShe.App.Reports.Commendations>();
        services.AddSingleton<WuShe.App.Alerts.AlertQueries>();
        WuShe.App.Todo.TodoSetup.AddTodo(services);
        WuShe.App.Campaigns.Editor.CampaignEditorSetup.AddCampaignEditor(services);
        services.AddSingleton<ChromiumProbe>();
        services.AddSingleton<SystemStatus>();
        services.AddSingleton<Backups>();
        services.AddSingleton<FullExport>();
        services.AddSingleton<DataAudit>();
        ScheduledJobs.AddTo(services, options);

        services.AddAuthorization(o =>
        {
            o.AddPolicy(Policies.CityWide, p => p.RequireRole(nameof(UserRole.CityAdministrator), nameof(UserRole.Viewer)));
            o.AddPolicy(Policies.CityAdministrator, p => p.RequireRole(nameof(UserRole.CityAdministrator)));
            o.AddPolicy(Policies.AccountAdministrators, p => p.RequireRole(nameof(UserRole.CityAdministrator), nameof(UserRole.DistrictOfficer)));
        });
        // Chinese text goes out as characters, not as &#x...; escapes (smaller pages, readable source, searchable PDFs).
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        // A page sends one field's text in one message: 活动设置's campaign.json text runs to tens of KB (SignalR's 32 KB
        // default cut the circuit); 256 KB bounds it, and the editor field itself stops at 200,000 characters.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddMalformedRequests();
        services.AddRadzenComponents();
        services.AddSingleton<ILocalizer, RadzenChineseLocalizer>();
    }

    public static void UsePipeline(WebApplication app)
    {
        CultureInfo.DefaultThreadCurrentCulture = Chinese;
        CultureInfo.DefaultThreadCurrentUICulture = Chinese;
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        var options = app.Services.GetRequiredService<IOptions<WuSheOptions>>().Value;
        app.UseSecurity(options);
        app.UseMalformedRequests();
        // A page's 404 (unknown address; a record missing or out of scope) renders the one not-found page with its status;
        // API, download and form answers keep their own status and body.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((http, next) =>
        {
            if (!HttpMethods.IsGet(http.Request.Method) || ApiResults.IsDataPath(http.Request.Path)
                || http.Request.Path.StartsWithSegments("/_blazor") || http.Request.Path.StartsWithSegments("/_framework"))
                http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            return next(http);
        });
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN").AddSupportedUICultures("zh-CN"));
        app.UseAuthentication();
        app.UseAccountGates();
        app.UseReadOnlyViewer();
        app.UseApiAntiforgery();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapBlazorScriptBridge();
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapApiAntiforgery();
        app.MapCampaignApi();
        app.MapSiteApi();
        app.MapProgressApi();
        app.MapExcelExports();
        WuShe.App.Alerts.AlertApi.MapAlertApi(app);
        WuShe.App.Reports.ReportEndpoints.MapReportEndpoints(app);
        app.MapDataEndpoints();
        WuShe.App.Todo.TodoSetup.MapTodo(app);
        WuShe.App.Campaigns.Editor.CampaignEditorSetup.MapCampaignEditor(app);
    }
}

public static class Policies
{
    public const string CityWide = "CityWide";
    public const string CityAdministrator = "CityAdministrator";
    /// <summary>Who manages accounts: the city administrator, and district officers their stations' (<c>AccountBinding.MayBeAdministeredBy</c>).</summary>
    public const string AccountAdministrators = "AccountAdministrators";
}
