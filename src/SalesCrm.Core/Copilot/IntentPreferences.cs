using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Copilot;

/// <summary>
/// What each intent looks for in the playbook when the rep gives a context: the document types that answer it (an
/// objection → objection handlers; a free question → FAQ and product sheets) and the words of the section headings
/// that do (qualification questions, closing, follow-up cadence). The copilot lifts passages that match, so the same
/// customer message asked as an objection and as a follow-up brings different passages.
/// </summary>
public static class IntentPreferences
{
    /// <summary>Score factor of a passage from a preferred document type.</summary>
    public const double TypeBoost = 1.6;

    /// <summary>Score factor of a passage whose title or heading names the intent.</summary>
    public const double SectionBoost = 1.3;

    private static readonly Dictionary<CopilotIntent, (KnowledgeDocumentType[] Types, string[] Sections)> Preferences = new()
    {
        [CopilotIntent.Qualification] = ([KnowledgeDocumentType.Script, KnowledgeDocumentType.Process], ["qualifica", "descoberta", "diagnostic", "necessidade", "qualification", "discovery"]),
        [CopilotIntent.Objection] = ([KnowledgeDocumentType.ObjectionHandler], ["obje", "objection"]),
        [CopilotIntent.Closing] = ([KnowledgeDocumentType.Script, KnowledgeDocumentType.Process], ["fechamento", "fechar", "closing", "close", "proposta", "proposal"]),
        [CopilotIntent.FollowUp] = ([KnowledgeDocumentType.Process, KnowledgeDocumentType.Script], ["follow", "retom", "cadencia", "acompanhamento", "reengaj"]),
        [CopilotIntent.FreeText] = ([KnowledgeDocumentType.Faq, KnowledgeDocumentType.ProductInfo], []),
    };

    /// <summary>Document types the intent prefers, best first.</summary>
    public static IReadOnlyList<KnowledgeDocumentType> Types(CopilotIntent intent) => Preferences[intent].Types;

    /// <summary>
    /// The hits re-ranked for the intent: each score times <see cref="TypeBoost"/> for a preferred type and
    /// <see cref="SectionBoost"/> for a title or heading naming the intent (folded: "Cadência" matches "cadencia"); at most <paramref name="limit"/>.
    /// </summary>
    public static IReadOnlyList<KnowledgeSearchHit> Rerank(CopilotIntent intent, IReadOnlyList<KnowledgeSearchHit> hits, int limit)
    {
        var (types, sections) = Preferences[intent];
        return hits
            .Select((hit, rank) =>
            {
                var factor = types.Contains(hit.DocumentType) ? TypeBoost : 1;
                var headings = KnowledgeText.Fold(hit.DocumentTitle + " " + string.Join(' ', hit.HeadingPath));
                if (sections.Any(s => headings.Contains(s, StringComparison.Ordinal))) factor *= SectionBoost;
                return (Hit: hit with { Score = Math.Round(hit.Score * factor, 6) }, Rank: rank);
            })
            .OrderByDescending(x => x.Hit.Score).ThenBy(x => x.Rank)
            .Take(limit).Select(x => x.Hit).ToList();
    }
}
