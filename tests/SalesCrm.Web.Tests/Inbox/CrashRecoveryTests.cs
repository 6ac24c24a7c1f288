using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Inbox;

/// <summary>
/// The app as a real separate process: webhooks are acknowledged, the process is killed with SIGKILL right after the
/// last acknowledgement, restarted on the same data, and every acknowledged item must end up processed exactly once.
/// The first kill finds them only in the inbox journal (the table is locked by another process meanwhile); the second
/// interrupts processing.
/// </summary>
public sealed class CrashRecoveryTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "salescrm-crash", Guid.NewGuid().ToString("N"));
    private Process? _process;
    private readonly int _port = LoopbackPort.Free();
    private string BaseUrl => $"http://127.0.0.1:{_port}";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_acknowledged_webhook_is_processed_exactly_once_across_a_SIGKILL()
    {
        // Phase 1: receive and acknowledge with processing paused, then SIGKILL.
        await StartAsync(processing: false);
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var email = $"crash-{Guid.NewGuid():N}@test.example";
        var registered = await (await http.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Api.Password, name = "Crash", tenant_name = "Crash Co" })).ExpectAsync(HttpStatusCode.Created);
        http.WithBearer((string)registered["access_token"]!);
        var secret = (string)(await (await http.PostAsync("/api/v1/integrations/zapier/secret", null)).ExpectAsync(HttpStatusCode.OK))["secret"]!;

        const int count = 150;
        var acknowledged = new List<string>();
        // Another process holds SQLite's write lock throughout: acknowledgements must not depend on the table, so every
        // item is acknowledged from the journal alone and the SIGKILL leaves them all there for the restart to recover.
        var writeLock = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "salescrm.db")};Pooling=False");
        writeLock.Open();
        using (var begin = writeLock.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }
        using (var sender = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            sender.DefaultRequestHeaders.Add("X-Webhook-Secret", secret);
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            {
                var response = await sender.PostAsJsonAsync("/api/webhooks/zapier-leads", new { name = $"Crash Lead {i:D3}", email = $"lead{i}@crash.example", id = $"evt-{i}" }, ct);
                if (response.StatusCode == HttpStatusCode.OK) lock (acknowledged) acknowledged.Add($"lead{i}@crash.example");
            });
        }
        var journaled = Directory.GetFiles(_data, "*.inbox", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        writeLock.Dispose(); // closes the connection, which rolls back: nothing of this phase reached the table
        var inTableAtKill = InboxRows();
        output.WriteLine($"{acknowledged.Count} acknowledged; {journaled} journal bytes and {inTableAtKill} inbox rows when the process was killed.");
        Assert.Equal(count, acknowledged.Count);
        Assert.Equal(0, inTableAtKill);
        Assert.True(journaled > 0, "the acknowledged webhooks should be in the journal");

        // Phase 2: process, and SIGKILL again part-way through.
        await StartAsync(processing: true);
        Assert.Equal(count, InboxRows()); // recovered from the journal before the app took requests
        Assert.Empty(Directory.GetFiles(_data, "*.inbox", SearchOption.AllDirectories));
        var killDeadline = DateTime.UtcNow.AddSeconds(30);
        while (PendingInbox() > count * 2 / 3 && DateTime.UtcNow < killDeadline) await Task.Delay(5);
        var pendingAtSecondKill = PendingInbox();
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        output.WriteLine($"Second kill with {pendingAtSecondKill} of {count} still unprocessed.");

        // Phase 3: restart and let it finish.
        await StartAsync(processing: true);
        var token = (string)(await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Api.Password })).ExpectAsync(HttpStatusCode.OK))["access_token"]!;
        http.WithBearer(token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonNode leads;
        do
        {
            leads = await (await http.GetAsync("/api/v1/leads?limit=500&select=email")).ExpectAsync(HttpStatusCode.OK);
            // Every lead there and every item marked processed (a lead can commit a moment before its item's status on a loaded machine).
            if ((int)leads["total"]! >= count && PendingInbox() == 0) break;
            await Task.Delay(200);
        } while (DateTime.UtcNow < deadline);
        var emails = leads["items"]!.AsArray().Select(l => (string?)l!["email"]).ToList();
        Assert.Equal(count, emails.Count);
        Assert.Equal(acknowledged.Order(), emails.Order());
        var inbox = await (await http.GetAsync("/api/v1/webhooks/inbox?limit=500")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(count, (int)inbox["total"]!);
        Assert.All(inbox["items"]!.AsArray(), i => Assert.Equal("processed", (string?)i!["status"]));
        // Nothing was applied twice: no lead has a "captured again" note.
        var notes = await (await http.GetAsync("/api/v1/events?type=eq.lead.updated")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)notes["total"]!);
    }

    private long PendingInbox() => Count("SELECT COUNT(*) FROM webhook_inbox WHERE Status <> 'processed'");

    private long InboxRows() => Count("SELECT COUNT(*) FROM webhook_inbox");

    private long Count(string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "salescrm.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private async Task StartAsync(bool processing)
    {
        var web = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var info = new ProcessStartInfo("dotnet", [Path.Combine(web, "SalesCrm.Web.dll"), "--urls", BaseUrl])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Storage__DataPath"] = _data;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Database__Provider"] = "Sqlite";
        info.Environment["Inbox__ProcessingEnabled"] = processing ? "true" : "false";
        _process = Process.Start(info)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null) return;
            log.Enqueue(e.Data);
            while (log.Count > 40) log.TryDequeue(out string? _);
        };
        _process.OutputDataReceived += keep;
        _process.ErrorDataReceived += keep;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await probe.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{string.Join('\n', log)}");
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not become ready.");
    }


    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
