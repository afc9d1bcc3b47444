using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DiligenceBot.Testing;

/// <summary>A scripted answer of the Graph stand-in: a status with Retry-After, or a body that is not what Graph documents.</summary>
public sealed record GraphAnswer(int Status, int? RetryAfterSeconds = null, string? RawBody = null);

/// <summary>
/// A local Microsoft Graph (v1.0) over real HTTP on loopback, serving Graph's JSON shapes to the real GraphServiceClient:
/// <c>users/delta</c> (with <c>manager@delta</c>, <c>@removed</c>), <c>groups/delta</c> filtered by id (with
/// <c>members@delta</c>), <c>users/{id}</c> with the expanded manager, paging with <c>@odata.nextLink</c> up to the
/// <c>@odata.deltaLink</c>, 410 for an unknown delta token; a user's <c>teamwork/installedApps</c> (install, 409 when
/// installed, the listing and the chat, per-user 403/404/503 on script); bearer tokens issued by its own client-credentials
/// endpoint (<c>/{tenant}/oauth2/v2.0/token</c>); 429 with Retry-After and 503 on demand (scripted or a random share).
/// </summary>
public sealed class LocalGraph : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _lock = new();
    private readonly Dictionary<string, GraphPerson> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, HashSet<string> Members)> _groups = new(StringComparer.Ordinal);
    private readonly List<Change> _changes = [];
    private readonly ConcurrentQueue<GraphAnswer> _script = new();
    private readonly ConcurrentQueue<(string Path, int Status)> _requests = new();
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private readonly Dictionary<string, List<JsonObject>> _listings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _catalog = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GraphAnswer>> _installFaults = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<(string UserId, string? Bind, int Status)> _installRequests = new();
    private long _version;
    private double _throttleShare;
    private int _throttleRetryAfter = 1;
    private Random _throttleRandom = new(1);

    private LocalGraph(WebApplication app) => _app = app;

    /// <summary>The Graph root to configure, e.g. http://127.0.0.1:5123/v1.0.</summary>
    public string BaseUrl { get; private set; } = string.Empty;
    public string Root { get; private set; } = string.Empty;
    /// <summary>Client credentials the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "5f0a9b8e-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    public string ClientSecret { get; set; } = "stand-in-secret";
    /// <summary>Items per page of a delta answer (Graph decides its own; ~100-200 for users).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Every Graph request (not the token endpoint): path and query, and the status answered.</summary>
    public IReadOnlyList<(string Path, int Status)> Requests => _requests.ToArray();

    public static async Task<LocalGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var graph = new LocalGraph(app);
        app.Run(graph.HandleAsync);
        await app.StartAsync();
        graph.Root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        graph.BaseUrl = graph.Root + "/v1.0";
        return graph;
    }

    // The directory.
    public void AddUser(string id, string displayName, string? managerId = null, string? preferredLanguage = null, string? mail = null)
    {
        lock (_lock)
        {
            _users[id] = new GraphPerson(id, displayName, mail ?? $"{id[..8]}@contoso.example", preferredLanguage, managerId, true);
            Changed("user", id);
        }
    }

    public void UpdateUser(string id, Func<GraphPerson, GraphPerson> change)
    {
        lock (_lock)
        {
            _users[id] = change(_users[id]);
            Changed("user", id);
        }
    }

    public void DeleteUser(string id)
    {
        lock (_lock)
        {
            _users.Remove(id);
            Changed("user", id);
            foreach (var (gid, g) in _groups)
            {
                if (g.Members.Remove(id))
                {
                    Changed("member", id, gid);
                }
            }
        }
    }

    public void AddGroup(string id, string name)
    {
        lock (_lock)
        {
            _groups[id] = (name, new HashSet<string>(StringComparer.Ordinal));
            Changed("group", id, id);
        }
    }

    public void DeleteGroup(string id)
    {
        lock (_lock)
        {
            _groups.Remove(id);
            Changed("group", id, id);
        }
    }

    public void AddMembers(string groupId, params IEnumerable<string> userIds)
    {
        lock (_lock)
        {
            foreach (var u in userIds)
            {
                _groups[groupId].Members.Add(u);
                Changed("member", u, groupId);
            }
        }
    }

    public void RemoveMember(string groupId, string userId)
    {
        lock (_lock)
        {
            _groups[groupId].Members.Remove(userId);
            Changed("member", userId, groupId);
        }
    }

    // Teams apps (teamwork/installedApps of a user).
    /// <summary>The bot's Entra app id: a personal chat with it is 19:{user}_{bot}@unq.gbl.spaces, as Graph names it.</summary>
    public string BotAppId { get; set; } = "9a1c1f5e-7d0b-4f43-8a7e-2a9f4c7b1d11";

    /// <summary>Puts an app in the tenant's app catalog (its teamsApp id).</summary>
    public void AddCatalogApp(string teamsAppId)
    {
        lock (_lock)
        {
            _catalog.Add(teamsAppId);
        }
    }

    /// <summary>The app is installed for the user already (by themselves): a POST answers 409.</summary>
    public void PreInstall(string userId, string teamsAppId)
    {
        lock (_lock)
        {
            Install(userId, teamsAppId);
        }
    }

    /// <summary>Queues answers for this user's next installation POSTs (403, 404, 503…); afterwards they are served.</summary>
    public void FailInstall(string userId, params GraphAnswer[] answers)
    {
        var queue = _installFaults.GetOrAdd(userId, _ => new ConcurrentQueue<GraphAnswer>());
        foreach (var a in answers)
        {
            queue.Enqueue(a);
        }
    }

    /// <summary>Every installation POST: the user, the <c>teamsApp@odata.bind</c> it carried and the status answered.</summary>
    public IReadOnlyList<(string UserId, string? Bind, int Status)> InstallRequests => _installRequests.ToArray();

    /// <summary>Whether the app is installed for the user now.</summary>
    public bool IsInstalled(string userId, string teamsAppId)
    {
        lock (_lock)
        {
            return _installed.TryGetValue(userId, out var apps) && apps.ContainsKey(teamsAppId);
        }
    }

    /// <summary>The personal chat of the user with the bot, as Graph names it.</summary>
    public string ChatIdOf(string userId) => $"19:{userId}_{BotAppId}@unq.gbl.spaces";

    /// <summary>
    /// What Teams does after an installation answered 201: here the test delivers the installationUpdate to the bot
    /// (user's object id, the chat id). Called after the response, on its own task, as Teams sends it independently.
    /// </summary>
    public Func<string, string, Task>? OnInstalled { get; set; }

    private string Install(string userId, string teamsAppId)
    {
        if (!_installed.TryGetValue(userId, out var apps))
        {
            _installed[userId] = apps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        return apps[teamsAppId] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userId}##{teamsAppId}"));
    }

    // Faults.
    /// <summary>Queues answers for the next Graph requests (not the token endpoint); afterwards requests are served.</summary>
    public void Script(params GraphAnswer[] answers)
    {
        foreach (var a in answers)
        {
            _script.Enqueue(a);
        }
    }

    /// <summary>From now on a seeded random <paramref name="share"/> of Graph requests gets 429 with Retry-After.</summary>
    public void Throttle(double share, int retryAfterSeconds = 1, int seed = 1)
    {
        lock (_lock)
        {
            _throttleShare = share;
            _throttleRetryAfter = retryAfterSeconds;
            _throttleRandom = new Random(seed);
        }
    }

    /// <summary>Fetches a token from the stand-in's own token endpoint (client credentials), as an app would.</summary>
    public async Task<(string Token, DateTimeOffset ExpiresOn)> RequestTokenAsync(HttpClient http, string tenantId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"{Root}/{tenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["scope"] = Root + "/.default",
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        return ((string)body["access_token"]!, DateTimeOffset.UtcNow.AddSeconds((int)body["expires_in"]!));
    }

    private void Changed(string kind, string id, string? groupId = null) => _changes.Add(new Change(++_version, kind, id, groupId));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (request.Method == "POST" && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            await TokenAsync(context);
            return;
        }

        var pathAndQuery = path + request.QueryString.Value;
        var status = await GraphAsync(context, path);
        _requests.Enqueue((pathAndQuery, status));
    }

    private async Task TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided." });
            return;
        }

        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        _tokens[token] = 0;
        await context.Response.WriteAsJsonAsync(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token });
    }

    private async Task<int> GraphAsync(HttpContext context, string path)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(auth[7..]))
        {
            return await ErrorAsync(context, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
        }

        if (_script.TryDequeue(out var scripted))
        {
            if (scripted.RawBody is { } raw)
            {
                context.Response.StatusCode = scripted.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(raw);
                return scripted.Status;
            }

            return await ErrorAsync(context, scripted.Status, scripted.Status == 429 ? "TooManyRequests" : "serviceNotAvailable", "Scripted answer.", scripted.RetryAfterSeconds);
        }

        bool throttle;
        lock (_lock)
        {
            throttle = _throttleShare > 0 && _throttleRandom.NextDouble() < _throttleShare;
        }

        if (throttle)
        {
            return await ErrorAsync(context, 429, "TooManyRequests", "Too many requests.", _throttleRetryAfter);
        }

        if (path.StartsWith("/v1.0/users/", StringComparison.Ordinal) && path.Contains("/teamwork/installedApps", StringComparison.Ordinal))
        {
            return await InstalledAppsAsync(context, path);
        }

        JsonObject? body;
        path = path.Replace("/delta()", "/delta", StringComparison.Ordinal); // the SDK calls the function as delta()
        lock (_lock)
        {
            body = path switch
            {
                "/v1.0/users/delta" => Delta(context.Request.Query, users: true),
                "/v1.0/groups/delta" => Delta(context.Request.Query, users: false),
                _ when path.StartsWith("/v1.0/users/", StringComparison.Ordinal) => User(path["/v1.0/users/".Length..]),
                _ => null,
            };
        }

        if (body is null)
        {
            return await ErrorAsync(context, 404, "Request_ResourceNotFound", $"Resource '{path}' does not exist or one of its queried reference-property objects are not present.");
        }

        if (body["error"] is not null)
        {
            return await ErrorAsync(context, 410, "syncStateNotFound", "The delta token is not valid any more; start again without it.");
        }

        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true";
        await context.Response.WriteAsync(body.ToJsonString());
        return 200;
    }

    /// <summary>
    /// <c>POST users/{id}/teamwork/installedApps</c> (201 without a body, 409 when installed, 404 for an unknown user or
    /// app, 400 without a bind), <c>GET …/installedApps?$expand=teamsApp&amp;$filter=teamsApp/id eq '…'</c> and
    /// <c>GET …/installedApps/{installationId}/chat</c>, in Graph's shapes.
    /// </summary>
    private async Task<int> InstalledAppsAsync(HttpContext context, string path)
    {
        var parts = path["/v1.0/users/".Length..].Split('/');
        var userId = Uri.UnescapeDataString(parts[0]);
        var request = context.Request;
        if (request.Method == "POST" && parts.Length == 3)
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var bind = (string?)body?["teamsApp@odata.bind"];
            int status;
            if (_installFaults.TryGetValue(userId, out var faults) && faults.TryDequeue(out var fault))
            {
                status = await ErrorAsync(context, fault.Status, fault.Status switch
                {
                    403 => "Forbidden",
                    404 => "NotFound",
                    429 => "TooManyRequests",
                    _ => "ServiceUnavailable",
                }, fault.Status == 403 ? "Operation not permitted: the app is blocked for this user by an app permission policy." : "Scripted answer.", fault.RetryAfterSeconds);
                _installRequests.Enqueue((userId, bind, status));
                return status;
            }

            var appId = bind is null ? null : bind[(bind.LastIndexOf('/') + 1)..];
            string? chatId = null;
            lock (_lock)
            {
                if (appId is null || !bind!.Contains("/appCatalogs/teamsApps/", StringComparison.Ordinal))
                {
                    status = 400;
                }
                else if (!_users.ContainsKey(userId) || !_catalog.Contains(appId))
                {
                    status = 404;
                }
                else if (_installed.TryGetValue(userId, out var apps) && apps.ContainsKey(appId))
                {
                    status = 409;
                }
                else
                {
                    Install(userId, appId);
                    chatId = ChatIdOf(userId);
                    status = 201;
                }
            }

            _installRequests.Enqueue((userId, bind, status));
            switch (status)
            {
                case 400:
                    return await ErrorAsync(context, 400, "BadRequest", "Bind requests not expected for action payload.");
                case 404:
                    return await ErrorAsync(context, 404, "NotFound", "The user or the Teams app does not exist.");
                case 409:
                    return await ErrorAsync(context, 409, "Conflict", "App is already installed for this user.");
            }

            if (OnInstalled is { } installed)
            {
                context.Response.OnCompleted(() =>
                {
                    _ = Task.Run(() => installed(userId, chatId!));
                    return Task.CompletedTask;
                });
            }

            context.Response.StatusCode = 201;
            return 201;
        }

        if (request.Method != "GET")
        {
            return await ErrorAsync(context, 405, "MethodNotAllowed", "Method not allowed.");
        }

        JsonObject? answer = null;
        lock (_lock)
        {
            var apps = _installed.TryGetValue(userId, out var a) ? a : new Dictionary<string, string>();
            if (parts.Length == 3 && _users.ContainsKey(userId))
            {
                // $filter=teamsApp/id eq '{id}' with $expand=teamsApp: the one installation of that app, if any.
                var filter = (string?)request.Query["$filter"] ?? string.Empty;
                var wanted = filter.StartsWith("teamsApp/id eq '", StringComparison.Ordinal) ? filter[16..^1] : null;
                var value = new JsonArray();
                foreach (var (appId, installationId) in apps.Where(p => wanted is null || string.Equals(p.Key, wanted, StringComparison.OrdinalIgnoreCase)))
                {
                    var item = new JsonObject { ["id"] = installationId };
                    if (((string?)request.Query["$expand"])?.Contains("teamsApp", StringComparison.Ordinal) == true)
                    {
                        item["teamsApp"] = new JsonObject { ["id"] = appId, ["externalId"] = null, ["displayName"] = "DiligenceBot", ["distributionMethod"] = "organization" };
                    }

                    value.Add(item);
                }

                answer = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{userId}')/teamwork/installedApps(teamsApp())", ["value"] = value };
            }
            else if (parts is [_, "teamwork", "installedApps", var installation, "chat"] && apps.ContainsValue(Uri.UnescapeDataString(installation)))
            {
                var chatId = ChatIdOf(userId);
                answer = new JsonObject
                {
                    ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#chats/$entity",
                    ["id"] = chatId,
                    ["topic"] = null,
                    ["createdDateTime"] = "2026-11-02T08:15:42.123Z",
                    ["lastUpdatedDateTime"] = "2026-11-02T08:15:42.123Z",
                    ["chatType"] = "oneOnOne",
                    ["webUrl"] = $"https://teams.microsoft.com/l/chat/{Uri.EscapeDataString(chatId)}/0",
                    ["tenantId"] = null,
                    ["onlineMeetingInfo"] = null,
                    ["viewpoint"] = null,
                    ["isHiddenForAllMembers"] = false,
                };
            }
        }

        if (answer is null)
        {
            return await ErrorAsync(context, 404, "NotFound", $"Resource '{path}' does not exist.");
        }

        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true";
        await context.Response.WriteAsync(answer.ToJsonString());
        return 200;
    }

    /// <summary>One page of users/delta or groups/delta: from a first request, a skip token or a delta token.</summary>
    private JsonObject? Delta(IQueryCollection query, bool users)
    {
        long since, snapshot;
        int offset;
        string groups;
        if (query.TryGetValue("$skiptoken", out var skip))
        {
            var parts = Decode(skip!).Split('|');
            (snapshot, since, offset, groups) = (long.Parse(parts[0]), long.Parse(parts[1]), int.Parse(parts[2]), parts[3]);
        }
        else if (query.TryGetValue("$deltatoken", out var delta))
        {
            var parts = Decode(delta!).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], out since) || since > _version)
            {
                return new JsonObject { ["error"] = "expired" };
            }

            (snapshot, offset, groups) = (_version, 0, parts[1]);
        }
        else
        {
            (snapshot, since, offset) = (_version, -1, 0);
            groups = users ? string.Empty : string.Join(",", ((string?)query["$filter"] ?? string.Empty).Split(" or ")
                .Select(f => f.Trim()).Where(f => f.StartsWith("id eq '", StringComparison.Ordinal)).Select(f => f[7..^1]));
        }

        // One listing per delta round (its snapshot), however many pages are read from it: the stand-in stays cheap beside the app.
        var key = $"{users}|{since}|{snapshot}|{groups}";
        if (!_listings.TryGetValue(key, out var items))
        {
            if (_listings.Count > 16)
            {
                _listings.Clear();
            }

            items = users ? UserItems(since) : GroupItems(since, groups.Split(',', StringSplitOptions.RemoveEmptyEntries));
            _listings[key] = items;
        }

        var page = items.Skip(offset).Take(PageSize).ToList();
        var resource = users ? "users" : "groups";
        var result = new JsonObject { ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#{resource}" };
        var value = new JsonArray();
        if (users)
        {
            foreach (var item in page)
            {
                value.Add(item.DeepClone());
            }
        }
        else
        {
            // Consecutive member entries of one group are one group object with those members, as Graph pages them.
            foreach (var run in page.GroupBy(i => (string)i["group"]!))
            {
                var first = run.First();
                var group = new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = run.Key };
                if (first["removed"] is not null)
                {
                    group["@removed"] = new JsonObject { ["reason"] = "deleted" };
                }
                else
                {
                    group["displayName"] = (string?)first["name"];
                    group["members@delta"] = new JsonArray([.. run.Where(i => i["member"] is not null).Select(i => (JsonNode)i["member"]!.DeepClone())]);
                }

                value.Add(group);
            }
        }

        result["value"] = value;
        if (offset + PageSize < items.Count)
        {
            result["@odata.nextLink"] = $"{BaseUrl}/{resource}/delta?$skiptoken={Encode($"{snapshot}|{since}|{offset + PageSize}|{groups}")}";
        }
        else
        {
            result["@odata.deltaLink"] = $"{BaseUrl}/{resource}/delta?$deltatoken={Encode($"{snapshot}|{groups}")}";
        }

        return result;
    }

    private List<JsonObject> UserItems(long since)
    {
        var ids = since < 0
            ? _users.Keys.Order(StringComparer.Ordinal).ToList()
            : _changes.Where(c => c.Version > since && c.Kind == "user").Select(c => c.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return [.. ids.Select(id => _users.TryGetValue(id, out var u)
            ? UserJson(u, expandedManager: false)
            : new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id, ["@removed"] = new JsonObject { ["reason"] = "changed" } })];
    }

    private List<JsonObject> GroupItems(long since, string[] groupIds)
    {
        var items = new List<JsonObject>();
        foreach (var gid in groupIds)
        {
            var exists = _groups.TryGetValue(gid, out var group);
            if (since < 0)
            {
                if (!exists)
                {
                    continue; // a group that does not exist is simply not in the answer
                }

                items.Add(new JsonObject { ["group"] = gid, ["name"] = group.Name });
                items.AddRange(group.Members.Order(StringComparer.Ordinal).Select(m => new JsonObject { ["group"] = gid, ["name"] = group.Name, ["member"] = Member(m, false) }));
                continue;
            }

            var changes = _changes.Where(c => c.Version > since && c.GroupId == gid).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            if (!exists)
            {
                items.Add(new JsonObject { ["group"] = gid, ["removed"] = true });
                continue;
            }

            items.Add(new JsonObject { ["group"] = gid, ["name"] = group.Name });
            foreach (var m in changes.Where(c => c.Kind == "member").Select(c => c.Id).Distinct().Order(StringComparer.Ordinal))
            {
                items.Add(new JsonObject { ["group"] = gid, ["name"] = group.Name, ["member"] = Member(m, !group.Members.Contains(m)) });
            }
        }

        return items;
    }

    private JsonObject? User(string id)
    {
        id = Uri.UnescapeDataString(id);
        return _users.TryGetValue(id, out var u) ? UserJson(u, expandedManager: true) : null;
    }

    private JsonObject UserJson(GraphPerson u, bool expandedManager)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = u.Id,
            ["displayName"] = u.DisplayName,
            ["mail"] = u.Mail,
            ["userPrincipalName"] = u.Mail,
            ["preferredLanguage"] = u.PreferredLanguage,
            ["accountEnabled"] = u.AccountEnabled,
        };
        if (expandedManager)
        {
            if (u.ManagerId is { } m)
            {
                json["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = m };
            }
        }
        else
        {
            json["manager@delta"] = u.ManagerId is { } m ? new JsonArray(Member(m, false)) : new JsonArray();
        }

        return json;
    }

    private static JsonObject Member(string id, bool removed)
    {
        var json = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = id };
        if (removed)
        {
            json["@removed"] = new JsonObject { ["reason"] = "deleted" };
        }

        return json;
    }

    private static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message, int? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsJsonAsync(new { error = new { code, message, innerError = new { date = DateTime.UtcNow.ToString("s"), requestId = Guid.NewGuid() } } });
        return status;
    }

    private static string Encode(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Decode(string value)
    {
        var s = value.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=')));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record Change(long Version, string Kind, string Id, string? GroupId);
}

/// <summary>A user of the stand-in's directory.</summary>
public sealed record GraphPerson(string Id, string DisplayName, string? Mail, string? PreferredLanguage, string? ManagerId, bool AccountEnabled);

/// <summary>
/// The app's Graph credential in tests: client credentials against the stand-in's token endpoint (Azure.Identity's
/// credentials insist on an https authority with instance discovery, which a loopback stand-in does not offer).
/// </summary>
public sealed class LocalGraphCredential(LocalGraph graph, string tenantId) : Azure.Core.TokenCredential
{
    private static readonly HttpClient Http = new();

    public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var (token, expires) = await graph.RequestTokenAsync(Http, tenantId, cancellationToken);
        return new Azure.Core.AccessToken(token, expires);
    }
}
