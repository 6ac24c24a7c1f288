using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SalesCrm.Web.Features.Inbox;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.E2E;

/// <summary>
/// The app wired to the Graph API stub, with outbound webhooks allowed to reach loopback receivers and retried within
/// seconds, and failed inbox items given up after one quick retry, so that journeys can see failures in the UI.
/// </summary>
public sealed class E2EApp() : InboundAppBase(TestProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [.. base.ExtraSettings(), .. WebhookAppBase.FastRetries, new("Inbox:RetryDelaysSeconds:0", "1")];
}

/// <summary>
/// The app on a real Kestrel port (SQLite) plus Debian's Chromium driven by Playwright. Never downloads a browser.
/// Screenshots land in <c>.test-artifacts/screenshots</c> when <c>SALESCRM_SCREENSHOTS</c> names a folder.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserApp() : this(new E2EApp()) { }

    /// <summary>For a fixture on another app (xunit wants one public constructor per fixture type).</summary>
    protected BrowserApp(InboundAppBase app) => App = app;

    public InboundAppBase App { get; }
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        // CI has two cores shared by the server, Chromium and the tests: give assertions the same 15 s as actions (default 5 s).
        Assertions.SetDefaultExpectTimeout(15_000);
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A page in a fresh browser context; <paramref name="colorScheme"/> is what the system asks for (the app follows it until the user chooses).</summary>
    public async Task<IPage> NewPageAsync(string culture = "en", ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = culture, ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login form and waits on <paramref name="path"/> until the circuit is live.</summary>
    public async Task<IPage> SignInAsync(string email, string path, string culture = "en", ColorScheme colorScheme = ColorScheme.Light, string? password = null)
    {
        var page = await NewPageAsync(culture, colorScheme);
        await page.GotoAsync("/account/login?return_url=" + Uri.EscapeDataString(path));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password ?? Api.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        // The redirect is what this waits for (the circuit is awaited next): under a loaded CI machine the login POST and
        // the page's full load took longer than the 15 s default once (TemplatesJourneyTests, 2026-12-03).
        await page.WaitForURLAsync(BaseUrl + path, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Posts a webhook body signed the way Meta signs it (<c>X-Hub-Signature-256</c>) and expects the 200 acknowledgement.</summary>
    public async Task PostSignedWebhookAsync(string path, string appSecret, JsonObject payload)
    {
        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Hub-Signature-256", MetaSignature.Sign(appSecret, body));
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    /// <summary>Waits until the Blazor circuit is live (a marker MainLayout renders after its first interactive render).</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SALESCRM_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>A screenshot of one element (a panel for the README), when <c>SALESCRM_SCREENSHOTS</c> names a folder.</summary>
    public static async Task ScreenshotAsync(ILocator element, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SALESCRM_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder)) return;
        Directory.CreateDirectory(folder);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }

    /// <summary>Runs a journey; when it fails, saves a screenshot and the page HTML under .test-artifacts for diagnosis.</summary>
    public static Task CaptureOnFailureAsync(IPage page, string name, Func<Task> journey) => CaptureOnFailureAsync([page], name, journey);

    public static async Task CaptureOnFailureAsync(IPage[] pages, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            var folder = Environment.GetEnvironmentVariable("SALESCRM_SCREENSHOTS") ?? Path.Combine(Path.GetTempPath(), "salescrm-e2e-failures");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < pages.Length; i++)
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"FAILED-{name}-{i}.png"), FullPage = true });
                await File.WriteAllTextAsync(Path.Combine(folder, $"FAILED-{name}-{i}.html"), await pages[i].ContentAsync());
            }
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
