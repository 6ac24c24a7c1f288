namespace SalesCrm.Core.Common.Filtering;

/// <summary>How a list counts the rows its filters match, after PostgREST's <c>Prefer: count=…</c>.</summary>
public enum CountMode
{
    /// <summary>Nothing beyond the page: the total is only known when the page is the last one.</summary>
    None,

    /// <summary>
    /// Exact while at most <see cref="ListTotal.CapAhead"/> rows match past the offset, found by reading no more than
    /// that many; beyond it the total is a lower bound and flagged as not exact.
    /// </summary>
    Capped,

    /// <summary>Every matching row counted, however many there are.</summary>
    Exact,
}
