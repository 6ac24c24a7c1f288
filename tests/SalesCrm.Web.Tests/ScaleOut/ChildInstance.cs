using System.Collections.Concurrent;
using System.Diagnostics;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>
/// The built app (<c>SalesCrm.Web.dll</c>) as a real child process on a loopback port, configured through its
/// environment; <see cref="Kill"/> ends it with SIGKILL, as a crash would (no shutdown, no lease released).
/// </summary>
public sealed class ChildInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "salescrm-tests", "child-" + Guid.NewGuid().ToString("N"));

    public ConcurrentQueue<string> Output { get; } = new();
    public string BaseUrl { get; }

    public ChildInstance(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}";
        var testBin = AppContext.BaseDirectory;
        var repo = new DirectoryInfo(testBin);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "SalesCrm.sln"))) repo = repo.Parent;
        if (repo is null) throw new InvalidOperationException("The repository root (SalesCrm.sln) is not above " + testBin);
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(testBin)).Parent!.Name; // bin/<cfg>/net10.0
        var web = Path.Combine(repo.FullName, "src", "SalesCrm.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "SalesCrm.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"Build the app first: {dll} is missing.");
        Directory.CreateDirectory(_dataPath);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__DataPath"] = _dataPath;
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) Output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public HttpClient CreateClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits until <c>/health/live</c> answers.</summary>
    public async Task WaitLiveAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException("The child instance exited: " + string.Join('\n', Output.TakeLast(40)));
            try
            {
                if ((await client.GetAsync("/health/live")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The child instance did not start: " + string.Join('\n', Output.TakeLast(40)));
            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: the process ends at once, holding whatever it had claimed.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
