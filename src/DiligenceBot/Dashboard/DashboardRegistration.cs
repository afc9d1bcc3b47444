using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Dashboard;

public static class DashboardRegistration
{
    /// <summary>
    /// The leads' dashboard: its options (validated at start-up), Teams SSO on the standard JWT bearer handler (and the
    /// Development-only demo sign-in), the views.
    /// </summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        builder.AddDashboardAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddScoped<DashboardViews>();
        builder.Services.AddScoped<DashboardApi.Caller>();
        return builder;
    }

    /// <summary>
    /// The page at <c>/dashboard/</c> (the bundle built from tools/dashboard into wwwroot/dashboard, framed only by
    /// Teams) and its API at <c>/api/dashboard/…</c>.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var demo = (app.Services.GetRequiredService<IOptions<DashboardOptions>>().Value.DemoSignIn ?? app.Environment.IsDevelopment()) && app.Environment.IsDevelopment();
        app.UseAuthentication();
        app.UseAuthorization();
        var page = Path.Combine(app.Environment.ContentRootPath, "wwwroot", "dashboard");
        if (!Directory.Exists(page))
        {
            page = Path.Combine(AppContext.BaseDirectory, "wwwroot", "dashboard");
        }

        if (Directory.Exists(page))
        {
            app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = "/dashboard", FileProvider = new PhysicalFileProvider(page) });
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/dashboard",
                FileProvider = new PhysicalFileProvider(page),
                OnPrepareResponse = context =>
                {
                    // Only Teams (and Microsoft 365) may frame the tab; the bundle is the page's only script. teams-js reads
                    // Microsoft's list of Teams host origins (a JSON document, not code) and falls back to its own copy.
                    context.Context.Response.Headers.ContentSecurityPolicy =
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self' https://res.cdn.office.net; " +
                        "frame-ancestors 'self' teams.microsoft.com *.teams.microsoft.com *.office.com *.microsoft365.com *.cloud.microsoft *.skype.com";
                    context.Context.Response.Headers.CacheControl = "no-cache";
                },
            });
        }

        app.MapDashboardApi(demo);
        return app;
    }
}
