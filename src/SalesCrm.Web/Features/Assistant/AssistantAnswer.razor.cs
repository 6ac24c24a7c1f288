using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Web.Components.Shared;
using SalesCrm.Core.Assistant;

namespace SalesCrm.Web.Features.Assistant;

/// <summary>One answer of the pipeline chat: the sentence, its total figures, a bar chart of its breakdown, the leads listed and the query it ran.</summary>
public partial class AssistantAnswer
{
    [Parameter, EditorRequired] public ChatAnswer Answer { get; set; } = default!;

    /// <summary>The figures that are totals (not one group of a breakdown).</summary>
    public IReadOnlyList<ChatFigure> Totals => Answer.Figures.Where(f => f.Group is null).ToList();

    /// <summary>The breakdown's labels, at most 12 (the chart's bars).</summary>
    public string[] ChartLabels => Groups.Select(f => f.Label).ToArray();

    /// <summary>The breakdown as one bar series.</summary>
    public List<ChartSeries<double>> Series =>
        [new() { Name = Groups.FirstOrDefault()?.Group ?? "", Data = new ChartData<double>(Groups.Select(f => (double)f.Value).ToList()) }];

    /// <summary>The y axis sized to the breakdown (a count of 3 does not get a 0–20 axis).</summary>
    public BarChartOptions Options => new() { YAxisTicks = ChartScale.TickStep(Groups.Select(f => (double)f.Value).DefaultIfEmpty(0).Max()) };

    private List<ChatFigure> Groups => Answer.Figures.Where(f => f.Group is not null).Take(12).ToList();

    private static ChatLanguage Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? ChatLanguage.En : ChatLanguage.Pt;

    /// <summary>A figure as text in the UI's language: money with its symbol, percent, minutes or a count.</summary>
    public static string Show(ChatFigure figure) => figure.Unit switch
    {
        "money" => ChatPhrases.Money(figure.Value, figure.Currency ?? "", Language),
        "percent" => $"{ChatPhrases.Decimal((double)figure.Value, Language)}%",
        "minutes" => $"{ChatPhrases.Decimal((double)figure.Value, Language)} min",
        _ => ChatPhrases.Count(figure.Value, Language),
    };

    /// <summary>The query as <c>function(arg=value, …)</c>.</summary>
    public static string QueryText(ChatQuery query) => $"{query.Function}({string.Join(", ", query.Arguments.Select(a => $"{a.Key}={a.Value}"))})";
}
