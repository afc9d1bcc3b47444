using System.Security.Cryptography;
using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DiligenceBot.Conversations;
using DiligenceBot.Localization;
using Microsoft.Extensions.Options;

namespace DiligenceBot.Records;

/// <summary>Where record files are kept: <see cref="FileSystem"/> (a folder; the default) or <see cref="AzureBlob"/> (a container of an Azure Storage account).</summary>
public static class RecordStores
{
    public const string FileSystem = "FileSystem";
    public const string AzureBlob = "AzureBlob";
}

/// <summary>The records' settings: which files a manager may send, how big, and where they are kept.</summary>
public sealed class RecordsOptions
{
    public const string SectionName = "Records";

    /// <summary>File types accepted for records (lower case, without the dot).</summary>
    public List<string> AllowedFileTypes { get; set; } = ["pdf", "docx", "doc", "xlsx", "xls", "pptx", "jpg", "jpeg", "png"];
    /// <summary>The largest file accepted, in megabytes.</summary>
    public int MaxFileMegabytes { get; set; } = 20;
    /// <summary><see cref="RecordStores.FileSystem"/> or <see cref="RecordStores.AzureBlob"/>.</summary>
    public string Store { get; set; } = RecordStores.FileSystem;
    /// <summary>The folder of the file-system store; a relative path is under the app's content root.</summary>
    public string FolderPath { get; set; } = "data/record-files";
    /// <summary>Azure Blob store: the storage account's connection string (a secret: secret store or environment) …</summary>
    public string? BlobConnectionString { get; set; }
    /// <summary>… or its blob service URI (https://ACCOUNT.blob.core.windows.net), reached with DefaultAzureCredential.</summary>
    public Uri? BlobServiceUri { get; set; }
    /// <summary>The container the record files go to (created at the first file when missing).</summary>
    public string BlobContainer { get; set; } = "record-files";

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    /// <summary>The largest file any configuration accepts (MaxFileMegabytes at most 100).</summary>
    internal const int LargestFileBytes = 100 * 1024 * 1024;
}

internal sealed class RecordsOptionsValidator : IValidateOptions<RecordsOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordsOptions options)
    {
        var problems = new List<string>();
        if (options.AllowedFileTypes.Count == 0 || options.AllowedFileTypes.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 16 || !string.Equals(t, t.Trim().TrimStart('.'), StringComparison.Ordinal) || t.Any(char.IsUpper)))
        {
            problems.Add("Records:AllowedFileTypes must list at least one file type, each lower case without a dot (e.g. pdf).");
        }

        if (options.MaxFileMegabytes is < 1 or > 100)
        {
            problems.Add($"Records:MaxFileMegabytes must be 1-100; it is {options.MaxFileMegabytes}.");
        }

        switch (options.Store)
        {
            case RecordStores.FileSystem when string.IsNullOrWhiteSpace(options.FolderPath):
                problems.Add("Records:FolderPath is required for the FileSystem store.");
                break;
            case RecordStores.FileSystem:
                break;
            case RecordStores.AzureBlob:
                problems.AddRange(AzureBlobRecordStore.Problems(options));
                break;
            default:
                problems.Add($"Records:Store must be {RecordStores.FileSystem} or {RecordStores.AzureBlob}; it is '{options.Store}'.");
                break;
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>
/// Where the content of record files lives; the database keeps the key, name, size and SHA-256. Every store writes a
/// file whole or not at all (never a part under a key) and never overwrites a key; when the store cannot be reached it
/// throws <see cref="RecordStoreUnavailableException"/> (the user is told, nothing is changed).
/// </summary>
public interface IRecordStore
{
    /// <summary>Stores the content under a new key (tenant/yyyy/MM/guid) and returns the key.</summary>
    Task<string> SaveAsync(string tenantId, byte[] content, CancellationToken cancellationToken);

    /// <summary>The content, or null when nothing is stored under the key.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Whether anything is stored under the key.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes what is stored under the key (nothing stored is not an error).</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>The record store did not answer (down, unreachable, refused the app's credentials); nothing was changed.</summary>
public sealed class RecordStoreUnavailableException(bool saving, string message, Exception inner)
    : DependencyUnavailableException(saving ? Texts.Records.StoreUnavailable : Texts.Records.StoreNotAnswering, message, inner);

/// <summary>Record files as files in a folder (the default): one file per key, written to a temporary name and then moved, so a crash leaves no half file under a key.</summary>
public sealed class FileSystemRecordStore(IOptions<RecordsOptions> options, IHostEnvironment environment, TimeProvider time) : IRecordStore
{
    private string Root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.FolderPath));

    public async Task<string> SaveAsync(string tenantId, byte[] content, CancellationToken cancellationToken)
    {
        var key = RecordStoreKeys.New(tenantId, time.GetUtcNow());
        var path = PathOf(key);
        var temporary = path + ".part";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path);
            return key;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw Unavailable(saving: true, ex);
        }
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        try
        {
            return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(saving: false, ex);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(File.Exists(PathOf(key)));

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            File.Delete(PathOf(key));
            return Task.CompletedTask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unavailable(saving: false, ex);
        }
    }

    private static RecordStoreUnavailableException Unavailable(bool saving, Exception ex) =>
        new(saving, "the record files' folder cannot be " + (saving ? "written" : "read"), ex);

    private string PathOf(string key)
    {
        var root = Root;
        var path = Path.GetFullPath(Path.Combine(root, key));
        // Keys are the store's own; a key that leads outside the folder is a bug or tampering.
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : throw new InvalidOperationException("Record file key outside the store.");
    }
}

public static class RecordStoreKeys
{
    /// <summary>tenant/yyyy/MM/guid: unique, and grouped by tenant and month for retention.</summary>
    public static string New(string tenantId, DateTimeOffset at) =>
        $"{Safe(tenantId)}/{at.UtcDateTime:yyyy}/{at.UtcDateTime:MM}/{Guid.NewGuid():N}";

    private static string Safe(string tenantId) =>
        new(tenantId.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_').ToArray());
}

/// <summary>
/// Record files as block blobs in one container of an Azure Storage account (<c>Records:Store=AzureBlob</c>), reached
/// with the account's connection string or with its service URI and <see cref="DefaultAzureCredential"/> (managed
/// identity, workload identity, environment, Azure CLI; the identity needs "Storage Blob Data Contributor" on the
/// container). One blob per key, uploaded in one request with "if none match *" (a key is never overwritten, and a
/// failed upload leaves nothing under the key), the SHA-256 kept as the blob's <c>sha256</c> metadata beside the
/// database's. A store that does not answer after two quick retries is <see cref="RecordStoreUnavailableException"/>.
/// </summary>
public sealed class AzureBlobRecordStore : IRecordStore
{
    private readonly BlobContainerClient _container;
    private readonly TimeProvider _time;
    private readonly ILogger<AzureBlobRecordStore> _logger;
    private volatile bool _containerKnown;

    public AzureBlobRecordStore(IOptions<RecordsOptions> options, TimeProvider time, ILogger<AzureBlobRecordStore> logger)
    {
        var settings = options.Value;
        _time = time;
        _logger = logger;
        // A user waits for the file's answer: fail within seconds rather than retry for a minute.
        var clientOptions = new BlobClientOptions
        {
            Retry = { MaxRetries = 2, Delay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(4), NetworkTimeout = TimeSpan.FromSeconds(30) },
        };
        var service = string.IsNullOrWhiteSpace(settings.BlobConnectionString)
            ? new BlobServiceClient(settings.BlobServiceUri, new DefaultAzureCredential(), clientOptions)
            : new BlobServiceClient(settings.BlobConnectionString, clientOptions);
        _container = service.GetBlobContainerClient(settings.BlobContainer);
    }

    /// <summary>What is wrong with the Blob store's settings (never quoting the connection string, a secret).</summary>
    internal static IEnumerable<string> Problems(RecordsOptions options)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.BlobConnectionString);
        if (hasConnectionString == (options.BlobServiceUri is not null))
        {
            yield return "Records:Store AzureBlob needs exactly one of Records:BlobConnectionString (a secret: secret store or Records__BlobConnectionString) and Records:BlobServiceUri (reached with DefaultAzureCredential).";
        }
        else if (hasConnectionString && !IsConnectionString(options.BlobConnectionString!))
        {
            yield return "Records:BlobConnectionString is not an Azure Storage connection string with a blob endpoint (its value is not shown: it holds the account key).";
        }
        else if (options.BlobServiceUri is { } uri && (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.Query)))
        {
            yield return $"Records:BlobServiceUri must be the account's https blob endpoint without a query (e.g. https://ACCOUNT.blob.core.windows.net); it is '{uri.GetLeftPart(UriPartial.Path)}'.";
        }

        // Azure's container names: 3-63 characters, lower-case letters, digits and single hyphens, starting and ending with a letter or digit.
        var name = options.BlobContainer ?? string.Empty;
        if (name.Length is < 3 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || name[0] == '-' || name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            yield return $"Records:BlobContainer must be 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit; it is '{name}'.";
        }
    }

    private static bool IsConnectionString(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    public async Task<string> SaveAsync(string tenantId, byte[] content, CancellationToken cancellationToken)
    {
        var key = RecordStoreKeys.New(tenantId, _time.GetUtcNow());
        var upload = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)) },
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
            // One Put Blob request for any file records accept (at most 100 MB): no blocks left uncommitted.
            TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = RecordsOptions.LargestFileBytes, MaximumTransferSize = RecordsOptions.LargestFileBytes },
        };
        await CallAsync(saving: true, async () =>
        {
            try
            {
                await _container.GetBlobClient(key).UploadAsync(new BinaryData(content), upload, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound && !_containerKnown)
            {
                await _container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
                Log.RecordContainerCreated(_logger, _container.Name);
                await _container.GetBlobClient(key).UploadAsync(new BinaryData(content), upload, cancellationToken);
            }

            _containerKnown = true;
            return true;
        }, cancellationToken);
        return key;
    }

    public Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(saving: false, async () =>
        {
            try
            {
                var download = await _container.GetBlobClient(key).DownloadContentAsync(cancellationToken);
                return download.Value.Content.ToArray();
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return null;
            }
        }, cancellationToken);

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(saving: false, async () => (await _container.GetBlobClient(key).ExistsAsync(cancellationToken)).Value, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        CallAsync(saving: false, async () => (await _container.GetBlobClient(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value, cancellationToken);

    /// <summary>Runs one call to the service; what means "the store did not answer" becomes <see cref="RecordStoreUnavailableException"/>.</summary>
    private async Task<T> CallAsync<T>(bool saving, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && ex is RequestFailedException or AggregateException or AuthenticationFailedException or HttpRequestException or OperationCanceledException)
        {
            var status = ex is RequestFailedException failed ? failed.Status : 0;
            Log.RecordStoreFailed(_logger, _container.Uri.Host, _container.Name, status, (ex as RequestFailedException)?.ErrorCode, ex.GetType().Name);
            throw new RecordStoreUnavailableException(saving, $"the Azure Blob record store ({_container.Uri.Host}) answered {(status == 0 ? "nothing" : "HTTP " + status)}", ex);
        }
    }
}
