using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using DiligenceBot.BotFramework;
using DiligenceBot.BotFramework.Hosting;
using DiligenceBot.BotFramework.Schema;
using DiligenceBot.Conversations;
using DiligenceBot.Data;
using DiligenceBot.Localization;
using DiligenceBot.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DiligenceBot.Files;

/// <summary>A file a user sent the bot in personal chat (Teams' file download info attachment).</summary>
public sealed record ChatFile(string Name, string FileType, string DownloadUrl)
{
    /// <summary>The first file download info attachment of the activity, or null.</summary>
    public static ChatFile? Of(Activity activity)
    {
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.ContentType == ContentTypes.FileDownloadInfo && attachment.Content is { ValueKind: JsonValueKind.Object } content
                && content.TryGetProperty("downloadUrl", out var url) && url.ValueKind == JsonValueKind.String)
            {
                var type = content.TryGetProperty("fileType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
                return new ChatFile(attachment.Name ?? string.Empty, type.Trim().TrimStart('.').ToLowerInvariant(), url.GetString()!);
            }
        }

        return null;
    }
}

/// <summary>A file the bot offered a user (file consent card) and keeps until they accept or decline it.</summary>
public sealed class FileOffer
{
    public Guid Id { get; set; }
    public required string TenantId { get; set; }
    public required string PersonId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class FileOfferConfiguration : IEntityTypeConfiguration<FileOffer>
{
    public void Configure(EntityTypeBuilder<FileOffer> b)
    {
        b.ToTable("FileOffers");
        b.HasKey(f => f.Id);
        b.Property(f => f.TenantId).HasMaxLength(64);
        b.Property(f => f.PersonId).HasMaxLength(64);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.HasIndex(f => f.CreatedAt);
    }
}

/// <summary>What went wrong fetching a file.</summary>
public enum DownloadFailure { None, NotAllowed, TooBig, Failed }

/// <summary>
/// Files in the 1:1 chat, the way Teams' bot APIs carry them: a file the user sends arrives with a pre-authenticated
/// download URL (fetched without the bot's token, https only outside Development, at most a given size); a file the
/// bot sends is offered with a file consent card, uploaded to the upload URL Teams gives when the user accepts, and
/// then shown with a file info card.
/// </summary>
public sealed class ChatFiles(IHttpClientFactory http, IHostEnvironment environment, DiligenceDbContext db, TimeProvider time, ILogger<ChatFiles> logger)
{
    public const string HttpClientName = "chat-files";
    /// <summary>The verb a message carrying a file goes to (<see cref="ReceivedFileVerb"/>: a customer import or a record file).</summary>
    public const string ReceivedVerb = "file.received";
    private static readonly TimeSpan OfferLifetime = TimeSpan.FromDays(1);

    /// <summary>https always; http only in Development (the local stand-ins serve over loopback).</summary>
    public bool IsAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment()));

    public async Task<(byte[]? Content, DownloadFailure Failure)> DownloadAsync(string url, long maxBytes, CancellationToken cancellationToken)
    {
        if (!IsAllowed(url))
        {
            return (null, DownloadFailure.NotAllowed);
        }

        try
        {
            using var response = await http.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.FileDownloadFailed(logger, (int)response.StatusCode, LogText.Untrusted(new Uri(url).Host));
                return (null, DownloadFailure.Failed);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return (null, DownloadFailure.TooBig);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, DownloadFailure.TooBig);
                }

                buffer.Write(chunk, 0, read);
            }

            return (buffer.ToArray(), DownloadFailure.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.FileDownloadFailed(logger, 0, LogText.Untrusted(new Uri(url).Host));
            return (null, DownloadFailure.Failed);
        }
    }

    /// <summary>Keeps the file and returns the file consent card that asks the user to accept it.</summary>
    /// <summary>A file name from a title: characters a file name cannot hold on any system become '-'.</summary>
    public static string SafeFileName(string name, string extension)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        return new string([.. name.Select(c => invalid.Contains(c) ? '-' : c)]) + extension;
    }

    public async Task<OutgoingActivity> OfferAsync(Person person, string fileName, byte[] content, string description, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stale = now - OfferLifetime;
        await db.Set<FileOffer>().Where(f => f.CreatedAt < stale).ExecuteDeleteAsync(cancellationToken);
        var offer = new FileOffer { Id = Guid.NewGuid(), TenantId = person.TenantId, PersonId = person.Id, FileName = fileName, Content = content, CreatedAt = now };
        db.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        var context = new JsonObject { ["offer"] = offer.Id.ToString() };
        return new OutgoingActivity
        {
            Attachments =
            [
                OutgoingAttachment.Other(ContentTypes.FileConsentCard, fileName, null, new JsonObject
                {
                    ["description"] = description,
                    ["sizeInBytes"] = content.LongLength,
                    ["acceptContext"] = context.DeepClone(),
                    ["declineContext"] = context.DeepClone(),
                }),
            ],
        };
    }

    /// <summary>The user's answer to a file consent card: upload and show the file, or forget it.</summary>
    public async Task<InvokeResponse?> OnConsentAsync(TurnContext turn, DirectoryLookup directory, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = BotTurnDispatcher.LanguageOf(activity, null);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return new InvokeResponse(200, null);
        }

        var action = Read(value, "action");
        var offerId = value.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object && Guid.TryParse(Read(context, "offer"), out var id) ? id : Guid.Empty;
        var person = await directory.FindByAadObjectIdAsync(activity.TenantId ?? string.Empty, activity.From?.AadObjectId, cancellationToken);
        var offer = person is null ? null : await db.Set<FileOffer>().SingleOrDefaultAsync(f => f.Id == offerId && f.TenantId == person.TenantId && f.PersonId == person.Id, cancellationToken);
        if (offer is null)
        {
            await turn.SendAsync(OutgoingActivity.FromText(Texts.Customers.FileGone.In(language)), cancellationToken);
            return new InvokeResponse(200, null);
        }

        if (action != "accept")
        {
            db.Remove(offer);
            await db.SaveChangesAsync(cancellationToken);
            await turn.SendAsync(OutgoingActivity.FromText(Texts.Customers.FileDeclined.In(language)), cancellationToken);
            return new InvokeResponse(200, null);
        }

        var upload = value.TryGetProperty("uploadInfo", out var info) && info.ValueKind == JsonValueKind.Object ? info : default;
        var uploadUrl = upload.ValueKind == JsonValueKind.Object ? Read(upload, "uploadUrl") : null;
        if (uploadUrl is null || !IsAllowed(uploadUrl) || !await UploadAsync(uploadUrl, offer.Content, cancellationToken))
        {
            await turn.SendAsync(OutgoingActivity.FromText(Texts.Customers.FileUploadFailed.In(language)), cancellationToken);
            return new InvokeResponse(200, null);
        }

        db.Remove(offer);
        await db.SaveChangesAsync(cancellationToken);
        await turn.SendAsync(new OutgoingActivity
        {
            Attachments =
            [
                OutgoingAttachment.Other(ContentTypes.FileInfoCard, Read(upload, "name") ?? offer.FileName, Read(upload, "contentUrl"), new JsonObject
                {
                    ["uniqueId"] = Read(upload, "uniqueId"),
                    ["fileType"] = Read(upload, "fileType") ?? "xlsx",
                }),
            ],
        }, cancellationToken);
        return new InvokeResponse(200, null);
    }

    private async Task<bool> UploadAsync(string uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            using var body = new ByteArrayContent(content);
            body.Headers.ContentRange = new ContentRangeHeaderValue(0, Math.Max(0, content.LongLength - 1), content.LongLength);
            using var response = await http.CreateClient(HttpClientName).PutAsync(uploadUrl, body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.FileUploadFailed(logger, (int)response.StatusCode, LogText.Untrusted(new Uri(uploadUrl).Host));
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.FileUploadFailed(logger, 0, LogText.Untrusted(new Uri(uploadUrl).Host));
            return false;
        }
    }

    private static string? Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
