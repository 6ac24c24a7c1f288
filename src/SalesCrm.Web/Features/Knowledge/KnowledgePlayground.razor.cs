using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>Type a question, see the ranked chunks and why: each signal's score and the passage's words that matched.</summary>
public partial class KnowledgePlayground : ServiceComponentBase
{
    [Inject] private IKnowledgeSearch Search { get; set; } = default!;

    private string? _query, _asked;
    private IReadOnlyList<KnowledgeSearchHit>? _hits;

    private async Task KeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await SearchAsync();
    }

    private async Task SearchAsync()
    {
        if (string.IsNullOrWhiteSpace(_query)) return;
        var query = _query;
        await RunAsync(async () =>
        {
            _hits = await Search.SearchAsync(new KnowledgeSearchRequest(query, Limit: 10));
            _asked = query;
        });
    }
}
