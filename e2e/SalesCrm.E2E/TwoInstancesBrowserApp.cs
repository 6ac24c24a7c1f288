using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.ScaleOut;

namespace SalesCrm.E2E;

/// <summary>
/// Two app instances on real Kestrel ports sharing one PostgreSQL database and one Redis (a prefix of their own), as
/// behind a load balancer, plus Debian's Chromium (ADR 046).
/// </summary>
public sealed class TwoInstancesBrowserApp : IAsyncLifetime
{
    private SharedPostgresDatabase? _database;
    private IPlaywright? _playwright;

    public AppInstance First { get; private set; } = null!;
    public AppInstance Second { get; private set; } = null!;
    public string FirstUrl { get; private set; } = "";
    public string SecondUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        _database = await SharedPostgresDatabase.CreateAsync();
        var settings = TestRedis.Settings(TestRedis.NewPrefix());
        First = new AppInstance(_database.ConnectionString, settings: settings);
        Second = new AppInstance(_database.ConnectionString, settings: settings);
        FirstUrl = Start(First);
        SecondUrl = Start(Second);
        if (!File.Exists(BrowserApp.ChromiumPath)) throw new InvalidOperationException($"{BrowserApp.ChromiumPath} is missing: ./test.sh installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    private static string Start(AppInstance instance)
    {
        instance.UseKestrel(0);
        instance.StartServer();
        var addresses = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
    }

    /// <summary>A page of <paramref name="baseUrl"/>'s instance, signed in as <paramref name="email"/> on <paramref name="path"/> with a live circuit.</summary>
    public async Task<IPage> SignInAsync(string baseUrl, string email, string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?return_url=" + Uri.EscapeDataString(path));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", SalesCrm.Web.Tests.Infrastructure.Api.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(baseUrl + path);
        await BrowserApp.WaitForCircuitAsync(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await First.DisposeAsync();
        await Second.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
