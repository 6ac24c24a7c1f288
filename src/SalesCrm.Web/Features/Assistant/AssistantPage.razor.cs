using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SalesCrm.Core.Assistant;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Assistant;

/// <summary>The pipeline chat: a thread of questions and answers (figures, chart, leads, the query run) and example questions in the UI's language.</summary>
public partial class AssistantPage : ServiceComponentBase
{
    [Inject] private IPipelineChat Chat { get; set; } = default!;

    /// <summary>One question and its answer (null while waiting or when the service refused it).</summary>
    public sealed record Turn(string Question, ChatAnswer? Answer);

    public List<Turn> Turns { get; } = [];

    public string? Message { get; set; }

    private bool _live;

    /// <summary>Example questions in the UI's language.</summary>
    public static IReadOnlyList<string> Examples =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? ChatPhrases.ExamplesEn : ChatPhrases.ExamplesPt;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) { _live = true; StateHasChanged(); }
    }

    /// <summary>Asks <paramref name="question"/> and appends the answer to the thread; errors show as a snackbar and keep the question in the box.</summary>
    public async Task AskAsync(string? question)
    {
        if (string.IsNullOrWhiteSpace(question) || Busy) return;
        ChatAnswer? answer = null;
        if (await RunAsync(async () => answer = await Chat.AskAsync(question)))
        {
            Turns.Add(new Turn(question.Trim(), answer));
            Message = null;
        }
        else Message = question;
        StateHasChanged();
    }

    private Task KeyAsync(KeyboardEventArgs e) => e.Key == "Enter" && !e.ShiftKey ? AskAsync(Message) : Task.CompletedTask;
}
