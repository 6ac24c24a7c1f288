using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SalesCrm.Core.Data;
using SalesCrm.Core.Inbox;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>A local stand-in for Meta's Graph API: <c>GET /{leadgen_id}?access_token=</c> answers the lead's field_data.</summary>
public sealed class GraphStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _wamids;

    public ConcurrentDictionary<string, Dictionary<string, string>> Leads { get; } = new();
    public ConcurrentQueue<(string LeadgenId, string? Token)> Calls { get; } = new();
    public string BaseUrl { get; }
    public ConcurrentQueue<(string PhoneNumberId, string? Authorization, string Body)> Sent { get; } = new();
    public bool FailSends { get; set; }
    public ConcurrentDictionary<string, (byte[] Bytes, string MimeType)> Media { get; } = new();
    public int MediaDownloads;
    /// <summary>Media ids Graph answers with this HTTP status and its error body (404 for media that expired at WhatsApp).</summary>
    public ConcurrentDictionary<string, int> MediaErrors { get; } = new();
    /// <summary>Page tokens Graph refuses as expired (error 190, OAuthException), as it does once a page token is revoked.</summary>
    public ConcurrentDictionary<string, bool> ExpiredTokens { get; } = new();
    /// <summary>The <c>wamid</c> the next send answers with, if set (otherwise <c>wamid.OUT{n}</c>, n counting sends: unique, as the Cloud API's are).</summary>
    public ConcurrentQueue<string> NextWamids { get; } = new();
    /// <summary>Runs before a send is answered: a status webhook can then arrive before the CRM has the message's wamid.</summary>
    public Func<string, Task>? BeforeSendAnswer { get; set; }
    /// <summary>How long a lead lookup takes to answer (a slow Graph keeps an instance busy on its claimed items).</summary>
    public TimeSpan LookupDelay { get; set; }

    public GraphStub()
    {
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}/v21.0";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/media-bin/{id}", (string id, HttpRequest request) =>
        {
            Interlocked.Increment(ref MediaDownloads);
            return request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal) && Media.TryGetValue(id, out var m)
                ? Results.Bytes(m.Bytes, m.MimeType) : Results.StatusCode(401);
        });
        _app.MapGet("/v21.0/{id}", async (string id, HttpRequest request) =>
        {
            if (LookupDelay > TimeSpan.Zero) await Task.Delay(LookupDelay);
            if (MediaErrors.TryGetValue(id, out var mediaError))
                return Results.Json(new { error = new { message = "Media not found", type = "OAuthException", code = 100 } }, statusCode: mediaError);
            if (Media.TryGetValue(id, out var media))
                return Results.Json(new { url = $"{BaseUrl.Replace("/v21.0", "")}/media-bin/{id}", mime_type = media.MimeType, id, messaging_product = "whatsapp" });
            Calls.Enqueue((id, request.Query["access_token"]));
            if (ExpiredTokens.ContainsKey(request.Query["access_token"].ToString()))
                return Results.Json(new { error = new { message = "Error validating access token: Session has expired.", type = "OAuthException", code = 190, error_subcode = 463 } }, statusCode: 400);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0) return Results.Json(new { error = new { message = "Temporary failure" } }, statusCode: 500);
            if (!Leads.TryGetValue(id, out var fields)) return Results.Json(new { error = new { message = "Unknown lead" } }, statusCode: 404);
            return Results.Json(new { id, created_time = "2026-11-25T12:00:00+0000", field_data = fields.Select(f => new { name = f.Key, values = new[] { f.Value } }) });
        });
        _app.MapPost("/v21.0/{phoneNumberId}/messages", async (string phoneNumberId, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            Sent.Enqueue((phoneNumberId, request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
            if (FailSends) return Results.Json(new { error = new { message = "(#131047) Re-engagement message", code = 131047 } }, statusCode: 400);
            var n = Interlocked.Increment(ref _wamids);
            var wamid = NextWamids.TryDequeue(out var next) ? next : $"wamid.OUT{n}";
            if (BeforeSendAnswer is { } before) await before(wamid);
            return Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = "x", wa_id = "x" } }, messages = new[] { new { id = wamid } } });
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public void FailNext(int count) => _failuresLeft = count;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>The app wired to a Graph stub, with Meta and WhatsApp app secrets and verify tokens.</summary>
public class InboundAppBase(TestProvider provider) : CrmAppFactory(provider)
{
    public const string MetaSecret = "meta-app-secret-for-tests";
    public const string MetaVerify = "meta-verify-token";
    public const string WhatsAppSecret = "whatsapp-app-secret-for-tests";
    public const string WhatsAppVerify = "whatsapp-verify-token";

    public GraphStub Graph { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Meta:AppSecret", MetaSecret), new("Meta:VerifyToken", MetaVerify), new("Meta:GraphBaseUrl", Graph.BaseUrl),
        new("WhatsApp:AppSecret", WhatsAppSecret), new("WhatsApp:VerifyToken", WhatsAppVerify), new("WhatsApp:GraphBaseUrl", Graph.BaseUrl),
    ];

    /// <summary>
    /// Waits for the processor's first attempt on an item that names a page or number no workspace has connected, then
    /// marks it failed as if its retries had run out (they take over half an hour).
    /// </summary>
    public async Task<Guid> FailUnroutedAsync(string unroutedError)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var scope = Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var item = await db.Inbox.FirstOrDefaultAsync(i => i.LastError != null && i.LastError.Contains(unroutedError));
            if (item is not null)
            {
                Assert.Null(item.TenantId);
                item.Status = InboxStatus.Failed;
                item.Attempts = 6;
                await db.SaveChangesAsync();
                return item.Id;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No inbox item failed with '{unroutedError}'.");
            await Task.Delay(100);
        }
    }

    public async Task<InboxStatus> InboxStatusAsync(string errorContaining)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return (await db.Inbox.SingleAsync(i => i.LastError != null && i.LastError.Contains(errorContaining))).Status;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

public sealed class InboundSqliteApp() : InboundAppBase(TestProvider.Sqlite);

public sealed class InboundPostgresApp() : InboundAppBase(TestProvider.Postgres);
