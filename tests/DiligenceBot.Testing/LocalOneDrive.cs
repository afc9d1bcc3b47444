using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.Testing;

/// <summary>A file as the stand-in received it from the bot (a PUT to an upload URL).</summary>
public sealed record UploadedFile(string Name, byte[] Content, string? ContentRange);

/// <summary>
/// The user's OneDrive as Teams' file APIs expose it to a bot, on loopback: a file a user sends in personal chat is
/// served at a pre-authenticated download URL (no token needed, none expected), and a file the bot offers with a
/// consent card is uploaded with a PUT to the upload URL Teams hands out on acceptance. Scripted statuses let a test
/// make a download or upload fail.
/// </summary>
public sealed class LocalOneDrive : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UploadedFile> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string?> _authorizations = new();

    private LocalOneDrive(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The Authorization headers of every request (a pre-authenticated URL must never get the bot's token).</summary>
    public IReadOnlyList<string?> Authorizations => _authorizations.ToArray();

    public static async Task<LocalOneDrive> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var drive = new LocalOneDrive(app);
        app.Run(drive.HandleAsync);
        await app.StartAsync();
        drive.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return drive;
    }

    /// <summary>Makes a file downloadable; returns its pre-authenticated download URL.</summary>
    public string Share(byte[] content)
    {
        var id = Guid.NewGuid().ToString("N");
        _files[id] = content;
        return $"{BaseUrl}/download/{id}?tempauth=local";
    }

    /// <summary>The upload URL Teams would give when the user accepts a consent card for <paramref name="name"/>.</summary>
    public string UploadUrlFor(string name) => $"{BaseUrl}/upload/{Uri.EscapeDataString(name)}";

    public string ContentUrlFor(string name) => $"{BaseUrl}/personal/user/Documents/Applications/DiligenceBot/{Uri.EscapeDataString(name)}";

    public UploadedFile? Uploaded(string name) => _uploads.TryGetValue(name, out var f) ? f : null;

    private async Task HandleAsync(HttpContext context)
    {
        _authorizations.Enqueue(context.Request.Headers.Authorization.FirstOrDefault());
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        if (context.Request.Method == "GET" && segments is ["download", var id] && _files.TryGetValue(id, out var content))
        {
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content);
            return;
        }

        if (context.Request.Method == "PUT" && segments is ["upload", var name])
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var fileName = Uri.UnescapeDataString(name);
            _uploads[fileName] = new UploadedFile(fileName, body.ToArray(), context.Request.Headers.ContentRange.FirstOrDefault());
            context.Response.StatusCode = StatusCodes.Status201Created;
            await context.Response.WriteAsJsonAsync(new { id = Guid.NewGuid().ToString("N"), name = fileName, size = body.Length });
            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
