using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>
/// The workspace's embeddings on /knowledge: a bar with "213 of 277 chunks embedded · MiniLM" that follows the background
/// job (read again every 1.5 s while it has work here), the provider's last error, a button to generate now or
/// regenerate (<c>knowledge.manage</c>), and how to turn embeddings on when no provider is configured.
/// </summary>
public partial class KnowledgeEmbeddingsPanel : ServiceComponentBase
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(1.5);

    [Inject] private KnowledgeEmbeddingService Embeddings { get; set; } = default!;
    [Inject] private ILogger<KnowledgeEmbeddingsPanel> Logger { get; set; } = default!;

    private readonly CancellationTokenSource _stop = new();
    private KnowledgeEmbeddingProgress? _progress;
    private bool _polling;

    private string Counts => _progress is null ? "" : L["KbEmbeddingsProgress", _progress.Embedded, _progress.Total, ModelLabel(_progress)];

    private double Percent => _progress is { Total: > 0 } p ? 100.0 * p.Embedded / p.Total : 0;

    /// <summary>"MiniLM" for the offline model; otherwise the provider and the model ("OpenAI · text-embedding-3-small").</summary>
    internal static string ModelLabel(KnowledgeEmbeddingProgress progress) => progress.Provider switch
    {
        "minilm" => "MiniLM",
        "openai" => "OpenAI · " + ModelOnly(progress.Model),
        "ollama" => "Ollama · " + ModelOnly(progress.Model),
        _ => progress.Model ?? "",
    };

    private static string ModelOnly(string? model) => model?[(model.IndexOf(':') + 1)..] ?? "";

    protected override Task OnInitializedAsync() => RunAsync(LoadAsync);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = PollAsync();
    }

    private async Task LoadAsync() => _progress = await Embeddings.ProgressAsync(_stop.Token);

    private async Task GenerateAsync()
    {
        if (await RunAsync(async () => _progress = await Embeddings.GenerateAsync(regenerate: _progress?.Pending == 0, _stop.Token), L["KbEmbeddingsStarted"])) _ = PollAsync();
    }

    /// <summary>Reads the progress again while the job has work here, then stops until the next generate.</summary>
    private async Task PollAsync()
    {
        if (_polling || _progress is not { Running: true }) return;
        _polling = true;
        try
        {
            using var timer = new PeriodicTimer(PollEvery);
            while (_progress is { Running: true } && await timer.WaitForNextTickAsync(_stop.Token))
            {
                await LoadAsync();
                await InvokeAsync(StateHasChanged);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // The page was closed.
        }
        catch (Exception e)
        {
            Logger.LogWarning(e, "Following the embedding progress failed");
        }
        finally
        {
            _polling = false;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
