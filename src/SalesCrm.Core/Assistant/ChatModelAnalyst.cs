using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// The chat model path: the model gets one function, <c>query_crm</c>, over the same <see cref="ChatQueries"/> the offline
/// reader uses, and Microsoft.Extensions.AI's function invocation runs its calls. The answer's sentence is the model's; its
/// figures, leads and query are the function results, so every number shown comes from a query.
/// </summary>
public static class ChatModelAnalyst
{
    public const string FunctionName = "query_crm";

    /// <summary>
    /// The model's answer, or null when it called no function (the caller answers offline, so no number comes from the model
    /// alone). Throws what the client throws; <see cref="OperationCanceledException"/> after <paramref name="timeout"/>.
    /// </summary>
    public static async Task<ChatAnswer?> AskAsync(IChatClient client, ChatQueries queries, string message, DateOnly today, ChatVocabulary vocabulary, TimeSpan timeout,
        CancellationToken ct)
    {
        var language = ChatParser.LanguageOf(ChatText.Fold(message));
        var results = new List<ChatAnswer>();
        var function = AIFunctionFactory.Create(
            async ([Description("One of: new_leads, won, value_won, lost, win_rate, open_deals, open_value, avg_response, forecast, deal_list")] string metric,
                [Description("Optional breakdown: source, utm_campaign, stage, owner or month")] string? group_by = null,
                [Description("First day, yyyy-MM-dd (workspace time zone)")] string? from = null,
                [Description("Last day, yyyy-MM-dd, included")] string? to = null,
                [Description("Lead source: whatsapp, instagram, facebook, meta_ads, website, referral, zapier, import, api, manual")] string? source = null,
                [Description("Only deals worth more than this, in major units")] double? min_value = null,
                [Description("Only deals worth less than this, in major units")] double? max_value = null,
                [Description("Only open deals that have stayed in their stage for more than this many days")] int? stalled_days = null,
                [Description("A stage name")] string? stage = null,
                [Description("A member's name")] string? owner = null,
                [Description("For deal_list: true lists deals won in the period instead of open deals")] bool? won = null,
                CancellationToken token = default) =>
            {
                try
                {
                    var q = Question(language, today, metric, group_by, from, to, source, min_value, max_value, stalled_days, stage, owner, won ?? false);
                    var answer = await queries.AnswerAsync(q, "model", token);
                    results.Add(answer);
                    return JsonSerializer.Serialize(new { answer.Answer, answer.Figures, leads = answer.Leads?.Select(l => new { l.Name, l.Value, l.Currency, l.Stage, l.DaysInStage }) });
                }
                catch (ValidationException e)
                {
                    return "error: " + string.Join("; ", e.Errors.Select(kv => $"{kv.Key} {string.Join(" ", kv.Value)}"));
                }
            },
            FunctionName, "Runs a query on the CRM's analytics and returns the figures with a sentence stating them.");
        var prompt = new StringBuilder()
            .AppendLine("You answer questions about a sales team's CRM pipeline (leads, deals, sales, response times, forecast).")
            .AppendLine($"Today is {today:yyyy-MM-dd} in the workspace's time zone.")
            .AppendLine($"Every number you state must come from the {FunctionName} function: call it, then answer in one or two short sentences, in the language of the question, using only the figures it returned.")
            .AppendLine("If the question is not about this CRM's data, do not call the function and say which questions you can answer, without numbers.")
            .AppendLine($"Stages: {string.Join(", ", vocabulary.Stages)}. Members: {string.Join(", ", vocabulary.Owners)}.");
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        using var invoking = new ChatClientBuilder(client).UseFunctionInvocation(configure: f => f.MaximumIterationsPerRequest = 4).Build();
        var response = await invoking.GetResponseAsync([new ChatMessage(ChatRole.System, prompt.ToString()), new ChatMessage(ChatRole.User, message)],
            new ChatOptions { Tools = [function], Temperature = 0 }, timer.Token);
        if (results.Count == 0) return null;
        var last = results[^1];
        var text = response.Text.Trim();
        return new ChatAnswer(text.Length > 0 ? text : last.Answer, results.SelectMany(r => r.Figures).ToList(), results.LastOrDefault(r => r.Leads is not null)?.Leads,
            last.Query, "model");
    }

    /// <summary>The function's arguments as a <see cref="ChatQuestion"/>; a <see cref="ValidationException"/> names a bad one (told to the model).</summary>
    public static ChatQuestion Question(ChatLanguage language, DateOnly today, string metric, string? groupBy, string? from, string? to, string? source, double? minValue,
        double? maxValue, int? stalledDays, string? stage, string? owner, bool won)
    {
        var v = new Validator();
        if (!SnakeEnum.TryParse<ChatMetric>(metric, out var m)) v.Add("metric", $"must be one of {string.Join(", ", SnakeEnum.Names<ChatMetric>())}.");
        LeadDimension? dimension = null;
        if (!string.IsNullOrWhiteSpace(groupBy))
        {
            if (SnakeEnum.TryParse<LeadDimension>(groupBy, out var d) && d is LeadDimension.Source or LeadDimension.UtmCampaign or LeadDimension.Stage or LeadDimension.Owner or LeadDimension.Month)
                dimension = d;
            else v.Add("group_by", "must be source, utm_campaign, stage, owner or month.");
        }
        LeadSource? lead = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            if (SnakeEnum.TryParse<LeadSource>(source, out var s)) lead = s;
            else v.Add("source", $"must be one of {string.Join(", ", SnakeEnum.Names<LeadSource>())}.");
        }
        DateOnly? Day(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)) return day;
            v.Add(field, "must be a date, yyyy-MM-dd.");
            return null;
        }
        var (f, t) = (Day(from, "from"), Day(to, "to"));
        v.When(stalledDays is < 0, "stalled_days", "must not be negative.");
        v.ThrowIfInvalid();
        var fallback = ChatParser.DefaultPeriod(m, today);
        var start = f ?? (t is { } end ? end.AddDays(-29) : fallback.From);
        var last = t ?? (f is null ? fallback.To : today);
        return new ChatQuestion(m, dimension, start, last < start ? start : last, f is not null || t is not null, language, lead, (decimal?)minValue, (decimal?)maxValue,
            stalledDays, string.IsNullOrWhiteSpace(stage) ? null : stage, string.IsNullOrWhiteSpace(owner) ? null : owner, won);
    }
}
