using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Bench;

/// <summary>
/// The copilot's offline voice and triage, through the services the pages call: triage of one inbound message by the
/// rules (what every received WhatsApp message now costs), espeak-ng speaking a sentence against one word, and
/// pocketsphinx hearing a sentence against a quarter second of silence, in the same run.
/// </summary>
public static class VoiceBench
{
    private const string Sentence = "Olá Maria, a proposta com o desconto que combinamos segue hoje à tarde por WhatsApp.";

    public static async Task RunAsync(BenchHost host, int requests, List<string> rows, List<string> notes)
    {
        var account = await host.RegisterAsync("Bench voice");
        string[] messages = ["Tá caro demais, o concorrente faz por menos", "cade meu pedido??? ninguem responde", "Bom dia! Tudo bem?", "Podemos marcar uma visita amanhã às 10h?"];
        const int batch = 10_000;
        var triage = new List<double>();
        for (var round = 0; round < 20; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < batch; i++) LexiconTriage.Analyze(messages[i % messages.Length]);
            triage.Add(sw.Elapsed.TotalMilliseconds * 1000 / batch);
        }
        notes.Add($"Triage by the rules: p50 {Stats.Percentile(triage, 50):F1} µs per message (median of 20 rounds of {batch:N0}).");

        var n = Math.Min(requests, 30);
        rows.Add(Stats.Row("TTS espeak-ng: an 84-character pt-BR sentence", await TimeAsync(host, account, n, s => s.GetRequiredService<ITextToSpeech>().SynthesizeAsync(Sentence, "pt-BR"))));
        rows.Add(Stats.Row("  TTS espeak-ng: one word (baseline)", await TimeAsync(host, account, n, s => s.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Olá", "pt-BR"))));
        var speech = (await UseAsync(host, account, s => s.GetRequiredService<ITextToSpeech>().SynthesizeAsync("please send me the price of the proposal tomorrow", "en"))).Content;
        var silence = WavAudio.Pcm16Wav(new byte[8000], 16000, 1);
        notes.Add($"STT input: {WavAudio.Read(speech).Duration.TotalSeconds:F1} s of English speech at 22,050 Hz.");
        rows.Add(Stats.Row("STT pocketsphinx: an English sentence", await TimeAsync(host, account, Math.Min(n, 10), s => s.GetRequiredService<ISpeechToText>().TranscribeAsync(speech, "en"))));
        rows.Add(Stats.Row("  STT pocketsphinx: 0.25 s of silence (baseline)", await TimeAsync(host, account, Math.Min(n, 10), s => s.GetRequiredService<ISpeechToText>().TranscribeAsync(silence, "en"))));
    }

    private static async Task<T> UseAsync<T>(BenchHost host, BenchHost.Account account, Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new FixedCurrentUser(account.TenantId, account.UserId, DisplayName: "Bench User"));
        return await call(scope.ServiceProvider);
    }

    private static async Task<List<double>> TimeAsync<T>(BenchHost host, BenchHost.Account account, int n, Func<IServiceProvider, Task<T>> call)
    {
        for (var i = 0; i < 2; i++) await UseAsync(host, account, call);
        var samples = new List<double>();
        for (var i = 0; i < n; i++)
        {
            var sw = Stopwatch.StartNew();
            await UseAsync(host, account, call);
            samples.Add(sw.Elapsed.TotalMilliseconds);
        }
        return samples;
    }
}
