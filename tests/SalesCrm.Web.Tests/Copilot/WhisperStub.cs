using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Copilot;

/// <summary>
/// A local OpenAI-compatible speech server: <c>POST /v1/audio/transcriptions</c> (Whisper: multipart file, model,
/// language) answers <c>{"text": …}</c> with <see cref="Answer"/>; <c>POST /v1/audio/speech</c> answers
/// <see cref="SpeechAudio"/> as <c>audio/wav</c>. Both record what they were sent.
/// </summary>
public sealed class WhisperStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    public WhisperStub()
    {
        var port = LoopbackPort.Free();
        BaseUrl = $"http://127.0.0.1:{port}/v1";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/audio/transcriptions", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var file = form.Files.GetFile("file");
            if (file is null || string.IsNullOrEmpty(form["model"])) return Results.BadRequest(new { error = new { message = "file and model are required" } });
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes);
            Calls.Enqueue(new WhisperCall(form["model"]!, form["language"].ToString(), file.FileName, bytes.ToArray(), request.Headers.Authorization.ToString()));
            return Results.Json(new { text = Answer });
        }).DisableAntiforgery();
        _app.MapPost("/v1/audio/speech", async (HttpRequest request) =>
        {
            var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            SpeechRequests.Enqueue(body.RootElement.Clone());
            return Results.Bytes(SpeechAudio, "audio/wav");
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>An OpenAI-style API root, as <c>Copilot:Speech:Stt:BaseUrl</c> takes it.</summary>
    public string BaseUrl { get; }

    public string Answer { get; set; } = "Olá, achei o preço muito caro, dá para fazer um desconto?";

    public ConcurrentQueue<WhisperCall> Calls { get; } = new();

    /// <summary>Half a second of silence, 16 kHz mono: what the speech endpoint answers.</summary>
    public byte[] SpeechAudio { get; } = SalesCrm.Core.Copilot.WavAudio.Pcm16Wav(new byte[16000], 16000, 1);

    public ConcurrentQueue<System.Text.Json.JsonElement> SpeechRequests { get; } = new();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

