namespace SalesCrm.Core.Common.Filtering;

/// <summary>
/// The PostgREST operators: comparisons, like/ilike, in, is.null, cs (list contains) and the four full-text searches
/// (fts = to_tsquery, plfts = plainto_tsquery, phfts = phraseto_tsquery, wfts = websearch_to_tsquery).
/// </summary>
public enum FilterOperator { Eq, Neq, Gt, Gte, Lt, Lte, Like, Ilike, In, IsNull, Contains, Fts, Plfts, Phfts, Wfts }
