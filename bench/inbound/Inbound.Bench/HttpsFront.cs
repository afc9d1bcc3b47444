using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbound.Bench;

/// <summary>
/// HTTPS in front of the local OpenID issuer (which speaks plain HTTP), for the JavaScript peer: msal-node refuses a
/// non-https authority. Every request is forwarded to the issuer; the issuer's own http base URL in answers (the
/// metadata's <c>jwks_uri</c>) is rewritten to this front's https base URL. The certificate is self-signed for
/// 127.0.0.1 and localhost, made at run time; its PEM is written for <c>NODE_EXTRA_CA_CERTS</c>.
/// </summary>
internal sealed class HttpsFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly X509Certificate2 _certificate;

    private HttpsFront(WebApplication app, HttpClient http, X509Certificate2 certificate, string pemPath)
    {
        _app = app;
        _http = http;
        _certificate = certificate;
        CertificatePemPath = pemPath;
    }

    /// <summary>https://127.0.0.1:PORT (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The certificate (PEM) to trust, e.g. through NODE_EXTRA_CA_CERTS.</summary>
    public string CertificatePemPath { get; }

    public static async Task<HttpsFront> StartAsync(string issuerBaseUrl, string workFolder)
    {
        var certificate = CreateCertificate();
        var pemPath = Path.Combine(workFolder, "issuer-https.pem");
        await File.WriteAllTextAsync(pemPath, certificate.ExportCertificatePem() + "\n");

        var backend = issuerBaseUrl.TrimEnd('/');
        var http = new HttpClient { BaseAddress = new Uri(backend + "/"), Timeout = TimeSpan.FromSeconds(15) };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        var front = new HttpsFront(app, http, certificate, pemPath);
        app.Run(ctx => front.ForwardAsync(ctx, backend));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Kestrel reports the bound address; make sure it reads 127.0.0.1 (covered by the certificate).
        front.BaseUrl = new UriBuilder(address) { Host = "127.0.0.1" }.Uri.GetLeftPart(UriPartial.Authority);
        return front;
    }

    private async Task ForwardAsync(HttpContext ctx, string backend)
    {
        using var request = new HttpRequestMessage(new HttpMethod(ctx.Request.Method), ctx.Request.Path.Value!.TrimStart('/') + ctx.Request.QueryString);
        if (ctx.Request.ContentLength is > 0 || ctx.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
            request.Content = new ByteArrayContent(buffer.ToArray());
            if (ctx.Request.ContentType is { } contentType)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await _http.SendAsync(request, ctx.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(ctx.RequestAborted);
        body = body.Replace(backend, BaseUrl, StringComparison.Ordinal);
        ctx.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            ctx.Response.ContentType = type.ToString();
        }

        await ctx.Response.WriteAsync(body, Encoding.UTF8, ctx.RequestAborted);
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=inbound-bench local issuer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));
        // Round-trip through PKCS#12 so that the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        _certificate.Dispose();
    }
}
