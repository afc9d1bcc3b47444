using Microsoft.Extensions.Options;

namespace DiligenceBot.Records;

/// <summary>Where record files are kept: <see cref="FileSystem"/> (a folder; the default); <see cref="AzureBlob"/> is not built yet and refused at start-up.</summary>
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

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
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
                // Named so a configuration can say what it wants; refused until the Blob store is built.
                problems.Add("Records:Store AzureBlob is not available in this build; use FileSystem.");
                break;
            default:
                problems.Add($"Records:Store must be {RecordStores.FileSystem} or {RecordStores.AzureBlob}; it is '{options.Store}'.");
                break;
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Where the content of record files lives; the database keeps the key, name, size and SHA-256.</summary>
public interface IRecordStore
{
    /// <summary>Stores the content under a new key (tenant/yyyy/MM/guid) and returns the key.</summary>
    Task<string> SaveAsync(string tenantId, byte[] content, CancellationToken cancellationToken);

    /// <summary>The content, or null when nothing is stored under the key.</summary>
    Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken);

    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Record files as files in a folder (the default): one file per key, written to a temporary name and then moved, so a crash leaves no half file under a key.</summary>
public sealed class FileSystemRecordStore(IOptions<RecordsOptions> options, IHostEnvironment environment, TimeProvider time) : IRecordStore
{
    private string Root => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.FolderPath));

    public async Task<string> SaveAsync(string tenantId, byte[] content, CancellationToken cancellationToken)
    {
        var key = RecordStoreKeys.New(tenantId, time.GetUtcNow());
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, path);
        return key;
    }

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

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
