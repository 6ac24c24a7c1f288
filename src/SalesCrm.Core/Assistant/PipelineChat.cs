using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Analytics;
using SalesCrm.Core.Common;
using SalesCrm.Core.Copilot;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// The pipeline chat (<c>POST /api/v1/chat</c>, <c>/assistant</c>): a question about the workspace's leads and deals answered
/// from the analytics queries, within the caller's visibility. With a chat model configured (<c>Copilot:Chat</c>) the model
/// calls the analytics functions (<see cref="ChatModelAnalyst"/>); without one, or when it fails, times out or calls no
/// function, the offline <see cref="ChatParser"/> answers. Needs <c>reports.view</c>.
/// </summary>
public sealed class PipelineChat(AnalyticsScopes scopes, ChatQueries queries, IServiceProvider services, IOptions<CopilotOptions> options, ILogger<PipelineChat> logger)
    : IPipelineChat
{
    /// <summary>
    /// The answer to <paramref name="message"/>. A <see cref="ValidationException"/> on <c>message</c> when it is empty or longer
    /// than <see cref="ChatLimits.MaxMessageLength"/> characters; <see cref="ForbiddenException"/> without <c>reports.view</c>. A
    /// question not understood is answered (200) with examples and no figures.
    /// </summary>
    public async Task<ChatAnswer> AskAsync(string? message, CancellationToken ct = default)
    {
        var text = message?.Trim() ?? "";
        new Validator()
            .When(text.Length == 0, "message", "is required.")
            .When(text.Length > ChatLimits.MaxMessageLength, "message", $"must be at most {ChatLimits.MaxMessageLength} characters.")
            .ThrowIfInvalid();
        var (today, vocabulary) = await ContextAsync(ct);
        if (services.GetService<IChatClient>() is { } client)
        {
            try
            {
                var timeout = TimeSpan.FromSeconds(options.Value.Chat.TimeoutSeconds);
                if (await ChatModelAnalyst.AskAsync(client, queries, text, today, vocabulary, timeout, ct) is { } answer) return answer;
                logger.LogInformation("The chat model called no analytics function; the offline reader answers.");
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is not ForbiddenException)
            {
                logger.LogWarning(e, "The chat model failed or timed out; the offline reader answers.");
            }
        }
        return await OfflineAsync(text, today, vocabulary, ct);
    }

    /// <summary>The offline answer: the parser's question run on the analytics queries, or the examples when it placed none.</summary>
    public async Task<ChatAnswer> OfflineAsync(string text, DateOnly today, ChatVocabulary vocabulary, CancellationToken ct)
    {
        var question = ChatParser.Parse(text, today, vocabulary);
        return question is null
            ? new ChatAnswer(ChatPhrases.Help(ChatParser.LanguageOf(ChatText.Fold(text))), [], null, null, "offline")
            : await queries.AnswerAsync(question, "offline", ct);
    }

    /// <summary>Today in the workspace's zone and the names a question may use; opening the scope checks <c>reports.view</c>.</summary>
    private async Task<(DateOnly Today, ChatVocabulary Vocabulary)> ContextAsync(CancellationToken ct)
    {
        await using var scope = await scopes.OpenAsync(new AnalyticsRequest(), ct);
        var stages = await scope.Db.Stages.AsNoTracking().Select(s => s.Name).Distinct().ToListAsync(ct);
        var owners = await scope.Db.Memberships.AsNoTracking().Select(m => m.User!.Name).ToListAsync(ct);
        return (scope.Today, new ChatVocabulary(stages, owners));
    }
}
