using SalesCrm.Core.Analytics;
using SalesCrm.Core.Leads;

namespace SalesCrm.Core.Assistant;

/// <summary>
/// A question understood: the <see cref="Metric"/>, an optional <see cref="Dimension"/> (source, utm_campaign, stage, owner,
/// month), the period (days in the workspace's zone, both included; <see cref="PeriodGiven"/> false when the default was used)
/// and filters: lead source, value bounds in major units, stalled for more than <see cref="StalledDays"/> days in their stage,
/// a stage name and an owner name (matched by name, accents and case ignored). <see cref="WonOnly"/> makes a
/// <see cref="ChatMetric.DealList"/> list the deals won in the period instead of the open ones.
/// </summary>
public sealed record ChatQuestion(ChatMetric Metric, LeadDimension? Dimension, DateOnly From, DateOnly To, bool PeriodGiven, ChatLanguage Language,
    LeadSource? Source = null, decimal? MinValue = null, decimal? MaxValue = null, int? StalledDays = null, string? Stage = null, string? Owner = null,
    bool WonOnly = false);
