using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using DiligenceBot.Conversations;
using Hangfire;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace DiligenceBot.DirectorySync;

public static class DirectorySyncRegistration
{
    /// <summary>
    /// The directory source (section <c>Directory</c>): the seeds by default; with <c>Directory:Source=Graph</c> the
    /// Graph client (app-only credentials through Azure.Identity), the sync job (nightly with Hangfire when the schedule
    /// runs) and the shared update step that the seeds use too.
    /// </summary>
    public static WebApplicationBuilder AddDirectorySync(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectoryOptions>, DirectoryOptionsValidator>();
        services.AddScoped<DirectoryUpdate>();
        services.AddSingleton(sp => GraphCredential(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value));
        services.AddSingleton(sp => GraphClient(sp.GetRequiredService<IOptions<DirectoryOptions>>().Value, sp.GetRequiredService<TokenCredential>()));
        services.AddScoped<GraphDirectorySource>();
        services.AddScoped<DirectorySyncJob>();
        services.AddHostedService<DirectorySyncSchedule>();
        services.AddBotVerb<SyncVerb>(SyncVerb.OpenVerb, "sync", "同步")
            .AddBotVerb<SyncVerb>(SyncVerb.RunVerb)
            .AddBotVerb<SyncVerb>(SyncVerb.ConfirmVerb);
        return builder;
    }

    /// <summary>App-only credentials: a client secret, a certificate, or a managed identity.</summary>
    internal static TokenCredential GraphCredential(DirectoryOptions o)
    {
        var authority = new Uri(o.AuthorityHost);
        if (o.UseManagedIdentity)
        {
            return string.IsNullOrWhiteSpace(o.ManagedIdentityClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(o.ManagedIdentityClientId));
        }

        if (!string.IsNullOrWhiteSpace(o.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath, o.CertificatePassword);
            return new ClientCertificateCredential(o.TenantId, o.ClientId, certificate, new ClientCertificateCredentialOptions { AuthorityHost = authority });
        }

        return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = authority });
    }

    /// <summary>
    /// The real Graph client at the configured base URL, its token requested for that cloud's <c>/.default</c> scope and
    /// sent only to that host, with the SDK's default handlers (retry on 429/503/504 honouring Retry-After, redirects,
    /// compression).
    /// </summary>
    internal static GraphServiceClient GraphClient(DirectoryOptions o, TokenCredential credential)
    {
        var baseUrl = o.GraphBaseUrl.TrimEnd('/');
        var host = new Uri(baseUrl);
        var auth = new AzureIdentityAuthenticationProvider(credential, [host.Host], null, true, $"{host.GetLeftPart(UriPartial.Authority)}/.default");
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
        http.Timeout = TimeSpan.FromMinutes(2);
        return new GraphServiceClient(http, auth, baseUrl);
    }
}

/// <summary>At start-up: registers (or removes) the nightly Graph sync with Hangfire when this host runs the schedule.</summary>
internal sealed class DirectorySyncSchedule(IServiceProvider services, IOptions<DirectoryOptions> options, ILogger<DirectorySyncSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (services.GetService<JobStorage>() is null)
        {
            return Task.CompletedTask;
        }

        var recurring = services.GetRequiredService<IRecurringJobManager>();
        if (!o.UsesGraph || o.TenantId is not { } tenantId)
        {
            recurring.RemoveIfExists(DirectorySyncJob.JobId);
            return Task.CompletedTask;
        }

        recurring.AddOrUpdate<DirectorySyncJob>(
            DirectorySyncJob.JobId,
            job => job.RunAsync(tenantId, CancellationToken.None),
            $"{o.NightlyTime.Minute} {o.NightlyTime.Hour} * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(o.NightlyTimeZone) });
        Log.DirectorySyncRegistered(logger, o.Source, DirectorySyncJob.JobId, o.NightlyTime, o.NightlyTimeZone);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
