using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using DiligenceBot.Records;
using DiligenceBot.Testing;
using DiligenceBot.Tests.Infrastructure;
using DiligenceBot.Tests.WorkLogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static DiligenceBot.Tests.WorkLogs.WorkLogDriver;

namespace DiligenceBot.Tests.Records;

/// <summary>
/// The Azure Blob record store (Records:Store=AzureBlob) against Azurite, the real Blob protocol: a file sent in the
/// 1:1 chat lands in the container with its SHA-256, reads back, is filed with a record through /api/messages, and is
/// deleted; a store that does not answer (nothing listening, a wrong account key) is refused with a clear message and
/// nothing is kept; settings that cannot work stop start-up naming the key and never quoting the connection string.
/// Each test has its own container.
/// </summary>
public sealed class BlobRecordStoreTests : IAsyncLifetime
{
    private static readonly byte[] Summary = [.. System.Text.Encoding.UTF8.GetBytes("%PDF-1.7 November summary "), .. RandomNumberGenerator.GetBytes(5000)];
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 0, 10, 0, TimeSpan.Zero));
    private readonly string _containerName = "records-" + Guid.NewGuid().ToString("N");
    private string _azurite = null!;
    private BlobContainerClient _container = null!;
    private LocalConnector _connector = null!;
    private LocalOneDrive _drive = null!;
    private BotApp? _bot;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.ConnectionStringAsync();
        _container = new BlobServiceClient(_azurite).GetBlobContainerClient(_containerName);
        _connector = await LocalConnector.StartAsync();
        _drive = await LocalOneDrive.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_bot is not null)
        {
            await _bot.DisposeAsync();
        }

        await _drive.DisposeAsync();
        await _connector.DisposeAsync();
        await _container.DeleteIfExistsAsync();
    }

    private async Task<WorkLogDriver> StartAsync(string connectionString)
    {
        _bot = new BotApp(time: _time, settings: new Dictionary<string, string?>
        {
            ["Records:Store"] = "AzureBlob",
            ["Records:BlobConnectionString"] = connectionString,
            ["Records:BlobContainer"] = _containerName,
        }).Start();
        var teams = new WorkLogDriver(_bot, _connector);
        await teams.InstallAsync(TeamsUser.ChenJie, "zh-CN");
        _connector.Clear();
        return teams;
    }

    private Task<ConnectorRequest> SendFileAsync(WorkLogDriver teams, string name, byte[] content)
    {
        var activity = Activities.Message(_connector.ServiceUrl, TeamsUser.ChenJie, string.Empty, "zh-CN");
        activity["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
            ["contentUrl"] = "https://contoso.sharepoint.com/personal/user/Documents/" + name,
            ["name"] = name,
            ["content"] = new JsonObject { ["downloadUrl"] = _drive.Share(content), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = "pdf" },
        });
        return teams.Chats.ReplyToAsync(activity);
    }

    private async Task<List<string>> BlobsAsync()
    {
        var names = new List<string>();
        if (!await _container.ExistsAsync())
        {
            return names;
        }

        await foreach (var blob in _container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    [Fact]
    public async Task AFileSentInChat_IsKeptInTheContainer_WithItsSha256_ReadsBack_IsFiledWithARecord_AndDeletes()
    {
        var teams = await StartAsync(_azurite);

        var kept = await SendFileAsync(teams, "11月工作总结.pdf", Summary);

        Assert.Equal("已保存“11月工作总结.pdf”（5KB），可作为资料归档。输入“提交资料”即可归档。", Chats.TextOf(kept));
        RecordFile file;
        await using (var db = _bot!.CreateDbContext())
        {
            file = await db.Set<RecordFile>().SingleAsync();
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Summary));
        Assert.Equal((sha256, Summary.LongLength), (file.Sha256, file.SizeBytes));
        Assert.StartsWith("fe71a704-0ed8-44e8-a9d0-9a48917cced0/2026/12/", file.StorageKey, StringComparison.Ordinal);
        // In Azurite under the key, whole, with the same SHA-256 beside it: read with a client of the test's own.
        Assert.Equal([file.StorageKey], await BlobsAsync());
        var blob = _container.GetBlobClient(file.StorageKey);
        Assert.Equal(Summary, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(sha256, (await blob.GetPropertiesAsync()).Value.Metadata["sha256"]);

        var store = _bot.Services.GetRequiredService<IRecordStore>();
        Assert.IsType<AzureBlobRecordStore>(store);
        Assert.Equal(Summary, await store.ReadAsync(file.StorageKey, default));
        Assert.True(await store.ExistsAsync(file.StorageKey, default));
        Assert.Null(await store.ReadAsync(file.StorageKey + "-missing", default));
        Assert.False(await store.ExistsAsync(file.StorageKey + "-missing", default));

        var (card, _) = await teams.ExecuteAsync(TeamsUser.ChenJie, RecordCards.SubmitVerb, new JsonObject
        {
            ["verb"] = RecordCards.SubmitVerb, ["managerId"] = "chen-jie", ["kind"] = "monthly-summary", ["period"] = "2026-11",
            [RecordCards.TitleInput] = "11月工作总结", ["customers"] = string.Empty, ["files"] = file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, locale: "zh-CN");
        Assert.Equal("月度工作总结：11月工作总结", Title(card!));
        await using (var db = _bot.CreateDbContext())
        {
            var record = await db.Set<ManagerRecord>().Include(r => r.Files).SingleAsync();
            Assert.Equal(file.StorageKey, Assert.Single(record.Files).StorageKey);
        }

        await store.DeleteAsync(file.StorageKey, default);
        Assert.False(await store.ExistsAsync(file.StorageKey, default));
        Assert.Null(await store.ReadAsync(file.StorageKey, default));
        Assert.Empty(await BlobsAsync());
        await store.DeleteAsync(file.StorageKey, default);
    }

    [Fact]
    public async Task AStoreThatDoesNotAnswer_IsRefusedWithAClearMessage_AndNothingIsKept()
    {
        // A port nothing listens on: Azurite "down".
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var endpoint = new Uri(_azurite.Split("BlobEndpoint=")[1].Split(';')[0]);
        var teams = await StartAsync(_azurite.Replace(endpoint.Authority, $"127.0.0.1:{port}", StringComparison.Ordinal));

        var refused = await SendFileAsync(teams, "11月工作总结.pdf", Summary);

        Assert.Equal("资料文件库暂时无法访问，本次未保存任何内容。请过几分钟再重新发送文件。", Chats.TextOf(refused));
        await using var db = _bot!.CreateDbContext();
        Assert.Empty(await db.Set<RecordFile>().ToListAsync());
        var form = CardOf(await teams.Chats.SayAsync(TeamsUser.ChenJie, "提交资料", "zh-CN")).ToJsonString();
        Assert.DoesNotContain("11月工作总结.pdf", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreThatRefusesTheAccountKey_IsRefusedWithAClearMessage_AndNothingIsWritten()
    {
        var key = _azurite.Split("AccountKey=")[1].Split(';')[0];
        var wrongKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        await _container.CreateAsync();
        var teams = await StartAsync(_azurite.Replace(key, wrongKey, StringComparison.Ordinal));

        var refused = await SendFileAsync(teams, "11月工作总结.pdf", Summary);

        Assert.Equal("资料文件库暂时无法访问，本次未保存任何内容。请过几分钟再重新发送文件。", Chats.TextOf(refused));
        Assert.Empty(await BlobsAsync());
        await using var db = _bot!.CreateDbContext();
        Assert.Empty(await db.Set<RecordFile>().ToListAsync());
    }

    [Theory]
    [InlineData(null, null, "record-files", "needs exactly one of Records:BlobConnectionString")]
    [InlineData("UseDevelopmentStorage=true", "https://acct.blob.core.windows.net", "record-files", "needs exactly one of Records:BlobConnectionString")]
    [InlineData("AccountName=x;AccountKey=secret-key-value;Nonsense", null, "record-files", "Records:BlobConnectionString is not an Azure Storage connection string")]
    [InlineData(null, "http://acct.blob.core.windows.net", "record-files", "Records:BlobServiceUri must be the account's https blob endpoint")]
    [InlineData(null, "https://acct.blob.core.windows.net", "Records", "Records:BlobContainer must be 3-63 lower-case letters")]
    [InlineData("UseDevelopmentStorage=true", null, "a--b", "Records:BlobContainer must be 3-63 lower-case letters")]
    public void BlobSettingsThatCannotWork_StopStartUp_NamingTheKey_WithoutTheSecret(string? connectionString, string? serviceUri, string container, string problem)
    {
        using var bot = new BotApp(settings: new Dictionary<string, string?>
        {
            ["Records:Store"] = "AzureBlob",
            ["Records:BlobConnectionString"] = connectionString,
            ["Records:BlobServiceUri"] = serviceUri,
            ["Records:BlobContainer"] = container,
        });

        var ex = Assert.ThrowsAny<Exception>(() => bot.Start());

        var failure = ex as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(ex.InnerException);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-value", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServiceUri_WithDefaultAzureCredential_IsAccepted_AtStartUp()
    {
        await using var bot = new BotApp(settings: new Dictionary<string, string?>
        {
            ["Records:Store"] = "AzureBlob",
            ["Records:BlobServiceUri"] = "https://acct.blob.core.windows.net",
        }).Start();

        Assert.IsType<AzureBlobRecordStore>(bot.Services.GetRequiredService<IRecordStore>());
    }
}
