namespace SalesCrm.Core.Knowledge;

/// <summary>A chunk as the chunker cut it: its headings (outermost first) and its text.</summary>
public sealed record KnowledgeChunkDraft(IReadOnlyList<string> HeadingPath, string Text);
