using System.Security.Claims;
using System.Text.Encodings.Web;
using DiligenceBot.BotFramework;
using DiligenceBot.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace DiligenceBot.Dashboard;

/// <summary>
/// How the tab's API knows who calls: a Teams SSO token (the standard JWT bearer handler: an Entra v2 token of one
/// of the configured tenants, issued for the app, with the delegated scope), or, in Development only, the clearly
/// marked demo sign-in (a header naming a directory person). Either way the caller becomes a tenant id and an Entra
/// object id, which <see cref="DashboardScope"/> maps to the directory.
/// </summary>
public static class DashboardAuthentication
{
    /// <summary>The policy scheme the API's endpoints use: the demo sign-in when its header is present (Development), else the SSO token.</summary>
    public const string Scheme = "Dashboard";
    public const string SsoScheme = "DashboardSso";
    public const string DemoScheme = "DashboardDemo";
    public const string Policy = "DashboardUser";
    /// <summary>The demo sign-in's header: a directory person's id (e.g. li-na).</summary>
    public const string DemoHeader = "X-Demo-Person";
    public const string TenantClaim = "tid";
    public const string ObjectIdClaim = "oid";
    public const string ScopeClaim = "scp";

    public static void AddDashboardAuthentication(this WebApplicationBuilder builder)
    {
        var demo = builder.Configuration.GetValue<bool?>($"{DashboardOptions.SectionName}:{nameof(DashboardOptions.DemoSignIn)}") ?? builder.Environment.IsDevelopment();
        var demoEnabled = demo && builder.Environment.IsDevelopment();
        var authentication = builder.Services.AddAuthentication()
            .AddPolicyScheme(Scheme, Scheme, o => o.ForwardDefaultSelector = context =>
                demoEnabled && context.Request.Headers.ContainsKey(DemoHeader) ? DemoScheme : SsoScheme)
            .AddJwtBearer(SsoScheme, _ => { });
        if (demoEnabled)
        {
            authentication.AddScheme<AuthenticationSchemeOptions, DemoSignInHandler>(DemoScheme, _ => { });
        }

        builder.Services.AddOptions<JwtBearerOptions>(SsoScheme)
            .Configure<IOptions<DashboardOptions>, IOptions<BotOptions>, IHostEnvironment>((o, dashboard, bot, environment) =>
            {
                var d = dashboard.Value;
                var appId = string.IsNullOrWhiteSpace(d.AppId) ? bot.Value.AppId : d.AppId;
                o.MetadataAddress = d.OpenIdMetadataUrl;
                o.RequireHttpsMetadata = !environment.IsDevelopment();
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ValidateAudience = true,
                    // No app id configured: no audience is valid, so no SSO token is accepted.
                    ValidAudiences = string.IsNullOrWhiteSpace(appId)
                        ? [Guid.NewGuid().ToString()]
                        : new[] { appId, string.IsNullOrWhiteSpace(d.ApplicationIdUri) && !string.IsNullOrWhiteSpace(d.HostName) ? $"api://{d.HostName}/{appId}" : d.ApplicationIdUri }
                            .OfType<string>().Where(a => a.Length > 0),
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromMinutes(5),
                    IssuerValidator = (issuer, token, _) => TenantIssuer(issuer, token, d),
                    NameClaimType = "name",
                };
            });
        var scope = builder.Configuration[$"{DashboardOptions.SectionName}:{nameof(DashboardOptions.Scope)}"] is { Length: > 0 } s ? s : new DashboardOptions().Scope;
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(TenantClaim)
            .RequireClaim(ObjectIdClaim)
            .RequireAssertion(context => HasScope(context.User, scope)));
    }

    /// <summary>
    /// Multi-tenant issuer validation: the issuer is the v2 issuer of the token's own tenant (<c>tid</c>), and that
    /// tenant is one of the configured ones. A token of another tenant, or one whose issuer names another tenant than
    /// its <c>tid</c>, is refused.
    /// </summary>
    internal static string TenantIssuer(string issuer, SecurityToken token, DashboardOptions options)
    {
        var tenant = token is Microsoft.IdentityModel.JsonWebTokens.JsonWebToken jwt && jwt.TryGetPayloadValue<string>(TenantClaim, out var tid) ? tid : null;
        if (tenant is null || !options.TenantIds.Contains(tenant, StringComparer.OrdinalIgnoreCase))
        {
            throw new SecurityTokenInvalidIssuerException("The token's tenant is not one this app serves.");
        }

        var expected = $"{options.Instance.TrimEnd('/')}/{tenant}/v2.0";
        return string.Equals(issuer, expected, StringComparison.OrdinalIgnoreCase)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The token's issuer is not its tenant's v2 issuer.");
    }

    /// <summary>The delegated scope in <c>scp</c> (space-separated); the demo sign-in carries it too.</summary>
    private static bool HasScope(ClaimsPrincipal user, string scope)
    {
        return user.FindAll(ScopeClaim).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Contains(scope, StringComparer.Ordinal);
    }

    /// <summary>
    /// The demo sign-in (Development only; never registered elsewhere): the header names a directory person, who
    /// becomes the caller as if Teams had sent their token.
    /// </summary>
    private sealed class DemoSignInHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, DiligenceDbContext db, IOptions<DashboardOptions> dashboard)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var id = Request.Headers[DemoHeader].ToString();
            var person = id.Length is > 0 and <= 64
                ? await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.LeftAt == null, Context.RequestAborted)
                : null;
            if (person is null)
            {
                return AuthenticateResult.Fail("No such demo person.");
            }

            var identity = new ClaimsIdentity(
                [
                    new Claim(TenantClaim, person.TenantId),
                    new Claim(ObjectIdClaim, person.AadObjectId),
                    new Claim(ScopeClaim, dashboard.Value.Scope),
                    new Claim("name", person.DisplayName),
                ],
                DemoScheme,
                "name",
                null);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), DemoScheme));
        }
    }
}
