using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Pipelines;

/// <summary>
/// The card under the pointer when a card was dropped, and whether on its upper half (read from the browser). MudBlazor's
/// drop zone reports the index after the card dropped on, whichever half; a drop on the upper half goes before it.
/// </summary>
public sealed record BoardDropTarget(Guid LeadId, bool Upper)
{
    /// <summary>
    /// Where <paramref name="dragged"/> lands in <paramref name="stageId"/>'s column (cards in display order): before the
    /// target card for its upper half, after it for its lower half; null when the target is not a card of that column.
    /// </summary>
    public int? IndexIn(IEnumerable<LeadDto> cards, Guid stageId, Guid dragged)
    {
        var column = cards.Where(c => c.StageId == stageId && c.Id != dragged).OrderBy(c => c.Position).Select(c => c.Id).ToList();
        var at = column.IndexOf(LeadId);
        return at < 0 ? null : Upper ? at : at + 1;
    }
}
