using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;
using SalesCrm.Web.Tests.Messaging;

namespace SalesCrm.E2E;

/// <summary>
/// Voice and triage as a rep meets them: triage chips and "most urgent first" in the inbox, a WhatsApp voice note
/// transcribed on the lead page, a note dictated through the browser's microphone (Chromium's fake device playing
/// English speech made by espeak-ng, recognized offline by pocketsphinx) and read back aloud.
/// </summary>
public sealed class VoiceJourneyTests(BrowserApp browser) : IClassFixture<BrowserApp>, IAsyncLifetime
{
    private readonly string _speechFile = Path.Combine(Path.GetTempPath(), $"e2e-speech-{Guid.NewGuid():N}.wav");
    private IPlaywright? _playwright;
    private IBrowser? _micBrowser;

    public async Task InitializeAsync()
    {
        using (var espeak = Process.Start(new ProcessStartInfo("espeak-ng") { ArgumentList = { "-v", "en-us", "-s", "140", "-w", _speechFile, "please send me the price of the proposal tomorrow" } })!)
            await espeak.WaitForExitAsync();
        _playwright = await Playwright.CreateAsync();
        _micBrowser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={_speechFile}", "--autoplay-policy=no-user-gesture-required",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_micBrowser is not null) await _micBrowser.CloseAsync();
        _playwright?.Dispose();
        File.Delete(_speechFile);
    }

    private async Task<IPage> SignInAsync(string email, string path)
    {
        var context = await _micBrowser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, Locale = "en", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        await context.GrantPermissionsAsync(["microphone"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?return_url=" + Uri.EscapeDataString(path));
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Api.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(browser.BaseUrl + path);
        await BrowserApp.WaitForCircuitAsync(page);
        return page;
    }

    [Fact]
    public async Task The_inbox_puts_the_urgent_complaint_first_and_a_voice_note_a_dictated_note_and_reading_aloud_work_on_the_lead_page()
    {
        var owner = await browser.App.RegisterAsync("Voz e Triagem");
        var phoneNumberId = await WhatsAppWebhook.ConnectAsync(owner);
        var angry = "5511955557171";
        await WhatsAppWebhook.PostAsync(browser.App, WhatsAppWebhook.Payload(phoneNumberId, new JsonArray(WhatsAppWebhook.Text("wamid.VOZ1", angry, "The product arrived BROKEN!!! I want a refund today")),
            contacts: WhatsAppWebhook.Contact(angry, "Bruno Bravo")));
        await Eventually.GetAsync(owner, "/api/v1/conversations", b => (int)b["total"]! == 1);
        var caller = "5511955557272";
        var mediaId = $"VOICE{Guid.NewGuid():N}";
        browser.App.Graph.Media[mediaId] = (await File.ReadAllBytesAsync(_speechFile), "audio/ogg; codecs=opus");
        await WhatsAppWebhook.PostAsync(browser.App, WhatsAppWebhook.Payload(phoneNumberId,
            new JsonArray(WhatsAppWebhook.Message("wamid.VOZ2", caller, "audio", new JsonObject { ["mime_type"] = "audio/ogg; codecs=opus", ["id"] = mediaId, ["voice"] = true })),
            contacts: WhatsAppWebhook.Contact(caller, "Vera Voz")));
        var conversations = await Eventually.GetAsync(owner, "/api/v1/conversations", b => (int)b["total"]! == 2);
        var voiceLead = (string)conversations["items"]!.AsArray().First(c => (string?)c!["lead_name"] == "Vera Voz")!["lead_id"]!;

        var page = await SignInAsync(owner.Email, "/conversations");
        await BrowserApp.CaptureOnFailureAsync(page, "voice-journey", async () =>
        {
            var rows = page.Locator("[data-testid=conversation-row]");
            await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-lead-name", "Vera Voz"); // latest first
            var angryRow = page.Locator("[data-testid=conversation-row][data-lead-name='Bruno Bravo']");
            await Assertions.Expect(angryRow.Locator("[data-testid=triage-urgency]")).ToHaveAttributeAsync("data-value", "high");
            await Assertions.Expect(angryRow.Locator("[data-testid=triage-intent]")).ToContainTextAsync("Complaint");
            await page.Locator("[data-testid=conversation-order]").ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Most urgent first" }).ClickAsync();
            await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-lead-name", "Bruno Bravo");
            await BrowserApp.ScreenshotAsync(page, "conversations-triage");

            await page.GotoAsync($"/leads/{voiceLead}");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=transcribe]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=transcript-text]")).ToContainTextAsync("price", new() { Timeout = 30_000 });

            // The copilot panel offers the same recorder for its context box; the interaction form's dictates into the note.
            await Assertions.Expect(page.Locator("[data-testid=copilot-voice-slot] [data-testid=voice-record]")).ToBeVisibleAsync();
            var dictation = page.Locator("[data-testid=interaction-voice]");
            await dictation.Locator("[data-testid=voice-record]").ClickAsync();
            await Assertions.Expect(dictation.Locator("[data-testid=voice-recorder]")).ToHaveAttributeAsync("data-state", "Recording");
            await page.WaitForTimeoutAsync(4000); // the fake microphone plays the sentence
            await dictation.Locator("[data-testid=voice-stop]").ClickAsync();
            var note = page.Locator("[data-testid=interaction-text]");
            await Assertions.Expect(note).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("[data-testid=voice-error]")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=interaction-add]");
            var noteEntry = page.Locator("[data-testid=timeline-entry].note");
            await Assertions.Expect(noteEntry).ToHaveCountAsync(1);
            await noteEntry.Locator("[data-testid=speak-button]").ClickAsync();
            await page.WaitForFunctionAsync("() => window.salescrmLastSpeech && window.salescrmLastSpeech.bytes > 10000");
            await BrowserApp.ScreenshotAsync(page, "lead-voice");
        });
    }
}
