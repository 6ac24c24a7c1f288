namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// The PostgREST operators: comparisons, like/ilike, in, is.null / is.true / is.false (is.unknown is is.null), cs (list contains) and the four full-text searches
/// (fts = to_tsquery, plfts = plainto_tsquery, phfts = phraseto_tsquery, wfts = websearch_to_tsquery).
/// </summary>
public enum FilterOperator { Eq, Neq, Gt, Gte, Lt, Lte, Like, Ilike, In, IsNull, IsTrue, IsFalse, Contains, Fts, Plfts, Phfts, Wfts }
