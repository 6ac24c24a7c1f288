using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Messaging;

namespace SalesCrm.Web.Features.Copilot;

/// <summary>
/// Voice: <c>POST /api/v1/copilot/tts</c> (text → WAV), <c>POST /api/v1/copilot/stt</c> (audio → transcript) and the
/// voice-note action <c>POST /api/v1/leads/{id}/messages/{message_id}/transcribe</c>, all through the services the
/// SpeakButton, VoiceNoteRecorder and conversation panel call.
/// </summary>
public static class CopilotVoiceEndpoints
{
    public static IServiceCollection AddCopilotVoice(this IServiceCollection services)
    {
        services.AddOptions<SpeechOptions>().BindConfiguration("Copilot:Speech").ValidateDataAnnotations().ValidateOnStart();
        // The services set their own time limits (Copilot:Speech:*:TimeoutSeconds); the standard handler's 10 s total would cut a long transcription.
        services.AddHttpClient<ITextToSpeech, TextToSpeechService>(h => h.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient<ISpeechToText, SpeechToTextService>(h => h.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<VoiceNoteTranscriber>();
        return services;
    }

    public static IEndpointRouteBuilder MapCopilotVoiceEndpoints(this IEndpointRouteBuilder app)
    {
        var copilot = app.MapGroup("/api/v1/copilot").WithTags("Copilot").RequireAuthorization(Capabilities.CopilotUse);
        copilot.MapPost("/tts", Speak).Produces(StatusCodes.Status200OK, contentType: "audio/wav");
        copilot.MapPost("/stt", Transcribe).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        app.MapPost("/api/v1/leads/{id:guid}/messages/{messageId:guid}/transcribe", TranscribeVoiceNote).WithTags("Copilot").RequireAuthorization(Capabilities.CopilotUse);
        return app;
    }

    /// <summary>The text spoken: <c>audio/wav</c> from espeak-ng, or what the configured provider returns.</summary>
    private static async Task<FileContentHttpResult> Speak(TtsRequest body, ITextToSpeech tts, CancellationToken ct)
    {
        var audio = await tts.SynthesizeAsync(body.Text, body.Language, ct);
        return TypedResults.File(audio.Content, audio.ContentType, "speech.wav");
    }

    /// <summary>Multipart: <c>file</c> (WAV, Ogg or WebM) and optional <c>language</c> (<c>pt-BR</c> or <c>en</c>) → <c>{ text, language, provider }</c>.</summary>
    private static async Task<Ok<Transcript>> Transcribe(HttpRequest request, ISpeechToText stt, CancellationToken ct)
    {
        if (!request.HasFormContentType) throw new ValidationException("file", "Send multipart/form-data with an audio 'file'.");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw new ValidationException("file", "is required.");
        using var buffer = new MemoryStream();
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        return TypedResults.Ok(await stt.TranscribeAsync(buffer.ToArray(), form["language"].ToString(), ct));
    }

    /// <summary>Transcribes a WhatsApp voice note and keeps the transcript on the message (returned with it).</summary>
    private static async Task<Ok<MessageDto>> TranscribeVoiceNote(Guid id, Guid messageId, TranscribeRequest? body, VoiceNoteTranscriber transcriber, CancellationToken ct) =>
        TypedResults.Ok(await transcriber.TranscribeAsync(id, messageId, body?.Language, ct));
}
