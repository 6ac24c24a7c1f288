using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>Helpers for the voice tests: real speech from espeak-ng, and the STT upload as a browser or integrator sends it.</summary>
public static class Speech
{
    /// <summary>A WAV of <paramref name="text"/> spoken by espeak-ng (voice <c>en-us</c> or <c>pt-br</c>), made by the test itself.</summary>
    public static async Task<byte[]> SynthesizeAsync(string text, string voice = "en-us")
    {
        var file = Path.Combine(Path.GetTempPath(), $"speech-{Guid.NewGuid():N}.wav");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("espeak-ng") { ArgumentList = { "-v", voice, "-s", "140", "-w", file, text }, RedirectStandardError = true })!;
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, "espeak-ng must be installed for the voice tests (apt-get install espeak-ng)");
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static Task<HttpResponseMessage> PostSttAsync(this Session session, byte[] audio, string? language, string fileName = "note.wav", string contentType = "audio/wav")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        if (language is not null) form.Add(new StringContent(language), "language");
        return session.Client.PostAsync("/api/v1/copilot/stt", form);
    }

    public static Task<HttpResponseMessage> PostTtsAsync(this Session session, string? text, string? language) =>
        session.Client.PostAsJsonAsync("/api/v1/copilot/tts", new { text, language });
}
