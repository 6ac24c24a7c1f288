using System.Diagnostics;

namespace SalesCrm.Core.Knowledge;

/// <summary>
/// The stages of <see cref="KnowledgeSearchService.SearchAsync"/> as <see cref="Activity"/> spans (source
/// <see cref="SourceName"/>; one span per stage, named after it: <c>lexical</c>, <c>trigram</c>, <c>vector</c>, <c>rows</c>,
/// <c>spelling</c>, <c>statistics</c>, <c>feedback</c>, <c>coverage</c>, <c>fusion</c>). Nothing is recorded unless a
/// listener (an OpenTelemetry exporter, the bench's profile) listens to the source.
/// </summary>
public static class KnowledgeSearchTrace
{
    public const string SourceName = "SalesCrm.Knowledge.Search";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span for one stage, or null when nobody listens (dispose it when the stage ends).</summary>
    public static Activity? Stage(string name) => Source.StartActivity(name);
}
