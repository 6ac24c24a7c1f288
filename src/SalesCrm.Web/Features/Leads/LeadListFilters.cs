using System.Globalization;
using SalesCrm.Core.Common;
using SalesCrm.Core.Data;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Leads;

namespace SalesCrm.Web.Features.Leads;

/// <summary>
/// What the lead list's filter row holds, one box per column, turned into the API's filter grammar: text columns match
/// any part (ignoring case and accents), the phone any run of its digits, a tag exactly, value and score from a
/// minimum; stage, owner, source and how recently the lead was created (in the workspace's calendar) are picked.
/// </summary>
public sealed class LeadListFilters
{
    public string? Name { get; set; }
    public string? Company { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public Guid? StageId { get; set; }
    public decimal? MinValue { get; set; }
    public Guid? OwnerId { get; set; }
    public int? MinScore { get; set; }
    public LeadSource? Source { get; set; }
    public string? Tag { get; set; }
    /// <summary>Leads created today (1) or in the last N days, counted in the workspace's calendar.</summary>
    public int? CreatedWithinDays { get; set; }

    /// <summary>The choices of the creation filter, in days (1 = today).</summary>
    public static readonly int[] CreatedChoices = [1, 7, 30, 90, 365];

    /// <param name="today">Today in the workspace's calendar (<c>WorkspaceClock.Today</c>).</param>
    /// <param name="toUtc">The workspace's wall-clock time as UTC (<c>WorkspaceClock.ToUtc</c>).</param>
    public List<FilterCondition> ToConditions(DateTime today, Func<DateTime, DateTime> toUtc)
    {
        var conditions = new List<FilterCondition>();
        void Add(string field, FilterOperator op, string value) => conditions.Add(new FilterCondition(field, op, false, [value]));
        void Contains(string field, string? text)
        {
            // The folded column against the folded text: "joao" finds "João" and "JOÃO" finds "Joao" (ilike folds case only).
            if (!string.IsNullOrWhiteSpace(text)) Add(field + "_folded", FilterOperator.Ilike, $"*{FilterGrammar.LiteralPattern(LeadSearch.Fold(text.Trim()))}*");
        }

        Contains("name", Name);
        Contains("company", Company);
        Contains("email", Email);
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            // Phones are stored as E.164 (+5561970789286): "(61) 97078" is found by its digits.
            var digits = new string(Phone.Where(char.IsAsciiDigit).ToArray());
            Add("phone", FilterOperator.Like, $"*{(digits.Length > 0 ? digits : FilterGrammar.LiteralPattern(Phone.Trim()))}*");
        }
        if (StageId is { } stage) Add("stage_id", FilterOperator.Eq, stage.ToString());
        if (MinValue is { } value) Add("value", FilterOperator.Gte, value.ToString(CultureInfo.InvariantCulture));
        if (OwnerId is { } owner) Add("owner_id", FilterOperator.Eq, owner.ToString());
        if (MinScore is { } score) Add("score", FilterOperator.Gte, score.ToString(CultureInfo.InvariantCulture));
        if (Source is { } source) Add("source", FilterOperator.Eq, SnakeEnum.ToText(source));
        if (!string.IsNullOrWhiteSpace(Tag)) conditions.Add(new FilterCondition("tags", FilterOperator.Contains, false, [Tag.Trim().ToLowerInvariant()]));
        if (CreatedWithinDays is { } days)
            Add("created_at", FilterOperator.Gte, toUtc(today.Date.AddDays(1 - days)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        return conditions;
    }
}
