namespace SalesCrm.Core.Inbox;

/// <summary>
/// A stored inbound request, or one item of a request the processor split (then <paramref name="ParentId"/> names the
/// request and <paramref name="Part"/> its position, from 0). Times are UTC; the excerpt is the first 500 characters; warnings are
/// what was kept but could not be read (e.g. an unreadable phone), one sentence each.
/// </summary>
/// <param name="Warnings">What was applied with a loss (e.g. an unreadable amount kept as text), one entry per line; empty when none.</param>
public sealed record InboxItemDto(Guid Id, InboxProvider Provider, InboxStatus Status, int Attempts, DateTime ReceivedAt, DateTime? ProcessedAt,
    DateTime NextAttemptAt, string? LastError, string BodyExcerpt, Guid? ParentId = null, int? Part = null, IReadOnlyList<string>? Warnings = null);
