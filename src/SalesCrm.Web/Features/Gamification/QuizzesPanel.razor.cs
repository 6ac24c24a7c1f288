using Microsoft.AspNetCore.Components;
using SalesCrm.Core.Events;
using SalesCrm.Core.Gamification;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Gamification;

/// <summary>
/// The quizzes generated from the knowledge base, for a rep to take once: choose an option per question, submit
/// (<see cref="QuizService.AnswerAsync"/> records <c>quiz.completed</c>), see the score and the points a pass earns.
/// </summary>
public partial class QuizzesPanel
{
    [Inject] private QuizService Quizzes { get; set; } = default!;
    [Inject] private PointRuleService Rules { get; set; } = default!;

    /// <summary>Raised after a quiz was answered (the leaderboard reads the points again).</summary>
    [Parameter] public EventCallback Answered { get; set; }

    private IReadOnlyList<QuizDto>? _quizzes;
    private QuizDto? _taking;
    private int?[] _answers = [];
    private QuizResult? _result;
    private int _passPoints;

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => RunAsync(async () =>
    {
        _quizzes = await Quizzes.ListAsync();
        var rule = (await Rules.ListAsync()).FirstOrDefault(r => r.Key == EventTypes.QuizCompleted);
        _passPoints = rule is { Enabled: true } ? rule.Points : 0;
    });

    private void Take(QuizDto quiz)
    {
        _taking = quiz;
        _answers = new int?[quiz.Questions.Count];
        _result = null;
    }

    private void Choose(int question, int option) => _answers[question] = option;

    private async Task SubmitAsync()
    {
        var quiz = _taking!;
        if (await RunAsync(async () => _result = await Quizzes.AnswerAsync(quiz.Id, _answers.Select(a => a!.Value).ToList())))
            await Answered.InvokeAsync();
    }

    private async Task Close()
    {
        var answered = _result is not null;
        _taking = null;
        _result = null;
        if (answered) await LoadAsync();
    }

    /// <summary>"3 de 4 certas. Aprovado: +10 pontos." or why not, with the pass mark.</summary>
    internal string ResultText(QuizResult r) => r.Passed
        ? string.Format(L["QuizPassed"], r.Correct, r.Total, _passPoints)
        : string.Format(L["QuizFailed"], r.Correct, r.Total, (int)(QuizService.PassMark * 100));
}
