using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// Suggestions from a chat model, grounded in the retrieved passages: the prompt gives the passages as numbered sources
/// and forbids any claim they do not make; the model's answer is streamed, split into suggestions at <c>---</c> lines
/// and each suggestion's <c>[S1]</c> citations become its sources.
/// </summary>
public static partial class LlmSuggestionWriter
{
    public const string SystemPrompt =
        """
        You are the sales copilot of a team that sells over WhatsApp. Write up to 3 alternative replies the sales rep can
        send to the customer now, short (at most 3 sentences each), friendly and professional, in the customer's language
        (Brazilian Portuguese unless the customer writes in another language).
        Rules you must never break:
        - Use ONLY facts stated in the SOURCES. Never invent prices, discounts, deadlines, guarantees, features, numbers
          or any other claim that is not in the sources. If the sources do not answer, reply with a question that helps
          the rep learn more, and make no claim.
        - Keep the playbook's wording where it fits.
        - Address the customer by first name when it is given.
        - Separate the replies with a line containing only ---.
        - End each reply with the ids of the sources it uses, like [S1] or [S1][S3].
        - No preamble, no numbering, no explanations: only the replies.
        """;

    /// <summary>The chat messages for a request: the rules, then the lead, the intent, the customer's words and the numbered sources.</summary>
    public static IReadOnlyList<ChatMessage> Messages(CopilotIntent intent, string context, IReadOnlyList<KnowledgeSearchHit> hits, LeadFacts? lead)
    {
        var user = new StringBuilder();
        user.AppendLine($"INTENT: {Data.SnakeEnum.ToText(intent)}");
        if (lead is not null)
        {
            user.AppendLine($"LEAD: first name {lead.FirstName}; pipeline stage {lead.StageName}" + (lead.Product is null ? "" : $"; product {lead.Product}")
                + (lead.OwnerName is null ? "" : $"; sales rep {lead.OwnerName}"));
            foreach (var line in lead.RecentInteractions.Take(3)) user.AppendLine($"RECENT: {CopilotText.Clip(line, 200)}");
        }
        if (!string.IsNullOrWhiteSpace(context)) user.AppendLine($"CUSTOMER / QUESTION: {context}");
        user.AppendLine("SOURCES:");
        for (var i = 0; i < hits.Count; i++)
            user.AppendLine($"[S{i + 1}] {hits[i].DocumentTitle}{(hits[i].HeadingPath.Count > 0 ? " › " + string.Join(" › ", hits[i].HeadingPath) : "")}: {hits[i].Text}");
        return [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>
    /// Streams the model's answer, calling <paramref name="onDelta"/> with each suggestion's text so far as tokens arrive;
    /// returns the finished suggestions (at most three, citations turned into sources; a suggestion citing nothing cites
    /// the best passage). Throws what the client throws; <see cref="OperationCanceledException"/> when
    /// <paramref name="ct"/> (the caller's timeout) fires, even while the client waits for a server that stopped sending;
    /// <see cref="InvalidDataException"/> when the stream ends without a finish reason (an error reported inside the
    /// stream, or a dropped connection): a cut answer is never returned as a whole one.
    /// </summary>
    public static async Task<IReadOnlyList<ComposedSuggestion>> WriteAsync(IChatClient client, IReadOnlyList<ChatMessage> messages, IReadOnlyList<KnowledgeSearchHit> hits,
        Func<SuggestionDelta, Task>? onDelta, CancellationToken ct)
    {
        var text = new StringBuilder();
        var finished = false;
        var options = new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 700 };
        IAsyncEnumerator<ChatResponseUpdate>? updates = client.GetStreamingResponseAsync(messages, options, ct).GetAsyncEnumerator(ct);
        try
        {
            while (true)
            {
                // OllamaSharp reads its NDJSON lines without the token and ends the stream quietly once it is cancelled: wait
                // for the next update here, so the timeout holds while a server stalls and a cut answer is not taken as whole.
                var next = updates!.MoveNextAsync().AsTask();
                try
                {
                    if (!await next.WaitAsync(ct)) break;
                }
                catch (OperationCanceledException) when (!next.IsCompleted)
                {
                    // The client's read is still pending: release its response once the read ends (the server sends or closes).
                    var pending = updates;
                    updates = null;
                    _ = next.ContinueWith(_ => pending.DisposeAsync().AsTask(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
                    throw;
                }
                var update = updates!.Current;
                if (update.FinishReason is not null) finished = true;
                if (string.IsNullOrEmpty(update.Text)) continue;
                text.Append(update.Text);
                if (onDelta is null) continue;
                var parts = Split(text.ToString());
                if (parts.Count > 0 && parts.Count <= CopilotLimits.MaxSuggestions) await onDelta(new SuggestionDelta(parts.Count - 1, Display(parts[^1])));
            }
        }
        finally
        {
            if (updates is not null) await updates.DisposeAsync();
        }
        ct.ThrowIfCancellationRequested();
        if (!finished) throw new InvalidDataException("The model's answer ended before it finished (no finish reason): an error inside the stream or a dropped connection.");
        return Parse(text.ToString(), hits);
    }

    /// <summary>The finished answer as suggestions with their sources.</summary>
    public static IReadOnlyList<ComposedSuggestion> Parse(string answer, IReadOnlyList<KnowledgeSearchHit> hits)
    {
        var result = new List<ComposedSuggestion>();
        foreach (var part in Split(answer))
        {
            var cited = Citation().Matches(part).Select(m => int.Parse(m.Groups[1].Value) - 1).Where(i => i >= 0 && i < hits.Count).Distinct().ToList();
            var body = Display(part);
            if (body.Length < 2) continue;
            if (cited.Count == 0 && hits.Count > 0) cited.Add(0);
            result.Add(new ComposedSuggestion(CopilotText.Clip(body, CopilotLimits.SuggestionLength), cited.Select(i => new SuggestionSource(hits[i].DocumentId, hits[i].DocumentTitle, hits[i].ChunkId)).ToList()));
            if (result.Count == CopilotLimits.MaxSuggestions) break;
        }
        return result;
    }

    private static List<string> Split(string answer) => Separator().Split(answer).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();

    /// <summary>A suggestion as the rep sees it: without citations, numbering or an unfinished citation at the end.</summary>
    private static string Display(string part) =>
        Numbering().Replace(Citation().Replace(PartialCitation().Replace(part, ""), ""), "").Trim();

    [GeneratedRegex(@"^\s*-{3,}\s*$", RegexOptions.Multiline)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\[S(\d+)\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"(\[S?\d*|\n\s*-{1,2})$")]
    private static partial Regex PartialCitation();

    [GeneratedRegex(@"^\s*(\d+[.)]|[-*•])\s+")]
    private static partial Regex Numbering();
}
