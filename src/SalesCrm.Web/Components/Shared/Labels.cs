using System.Text.Json;
using Microsoft.Extensions.Localization;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;
using SalesCrm.Core.Common.Filtering;
using SalesCrm.Core.Data;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Inbox;
using SalesCrm.Core.Integrations;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Messaging;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Webhooks;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Components.Shared;

/// <summary>Reader-facing names for values stored as keys; a value without a label shows as it is stored.</summary>
public static class Labels
{
    /// <summary>
    /// The resource key of each value of every enum the UI shows as text (pt-BR and en in SharedResource). A new enum
    /// goes here, or in <see cref="NotShown"/> with the reason; a test walks both so no "Utility" slips through untranslated.
    /// </summary>
    private static readonly Dictionary<Type, Func<Enum, string>> EnumKeys = new()
    {
        [typeof(LeadSource)] = v => "Source_" + Snake(v),
        [typeof(LeadPriority)] = v => "Priority_" + Snake(v),
        [typeof(LeadStatus)] = v => "LeadStatus_" + Snake(v),
        [typeof(StageKind)] = v => "StageKind_" + Snake(v),
        [typeof(InteractionType)] = v => "Interaction_" + Snake(v),
        [typeof(ActivityType)] = v => "Activity_" + Snake(v),
        [typeof(ActivityWindow)] = v => "Window_" + Snake(v),
        [typeof(MessageStatus)] = v => "Msg_" + Snake(v),
        [typeof(MessageType)] = v => "MsgKind_" + v,
        [typeof(TemplateCategory)] = v => "TemplateCategory_" + Snake(v),
        [typeof(TemplateStatus)] = v => "TemplateStatus_" + Snake(v),
        [typeof(DeliveryStatus)] = v => "Delivery_" + v,
        [typeof(InboxProvider)] = v => "Provider_" + v,
        [typeof(InboxStatus)] = v => "Inbox_" + Snake(v),
        [typeof(IntegrationKind)] = v => "Integration_" + Snake(v),
        [typeof(VisibilityScope)] = v => v is VisibilityScope.All ? "SeesAllLeads" : "SeesOwnLeads",
        [typeof(ActorType)] = v => "Actor_" + Snake(v),
        [typeof(SalesCrm.Core.Knowledge.KnowledgeDocumentType)] = v => "KnowledgeType_" + Snake(v),
        [typeof(SalesCrm.Core.Knowledge.KnowledgeDocumentStatus)] = v => "KnowledgeStatus_" + Snake(v),
        [typeof(SalesCrm.Core.Copilot.MessageSentiment)] = v => "Sentiment_" + Snake(v),
        [typeof(SalesCrm.Core.Copilot.MessageUrgency)] = v => "Urgency_" + Snake(v),
        [typeof(SalesCrm.Core.Copilot.MessageIntent)] = v => "Intent_" + Snake(v),
        [typeof(ConversationOrder)] = v => "ConversationOrder_" + Snake(v),
        [typeof(SalesCrm.Core.Copilot.CopilotIntent)] = v => "CopilotIntent_" + Snake(v),
        [typeof(SalesCrm.Core.Copilot.SuggestionOrigin)] = v => "CopilotOrigin_" + Snake(v),
        [typeof(SalesCrm.Core.Insights.InsightPriority)] = v => "InsightPriority_" + Snake(v),
        [typeof(SalesCrm.Core.Gamification.MissionPeriod)] = v => "MissionPeriod_" + Snake(v),
    };

    /// <summary>Enums never shown to a reader as text, and why.</summary>
    public static readonly IReadOnlyDictionary<Type, string> NotShown = new Dictionary<Type, string>
    {
        [typeof(FilterOperator)] = "the API's filter grammar (eq, gte, …), typed by developers",
        [typeof(SalesCrm.Core.Assistant.ChatMetric)] = "the pipeline chat's query argument, shown as code in the query panel",
        [typeof(SalesCrm.Core.Assistant.ChatLanguage)] = "which language the offline chat answer is written in",
        [typeof(MessageDirection)] = "shown as the side of a chat bubble",
        [typeof(InboundMessageKind)] = "how the webhook processor files a WhatsApp entry",
        [typeof(SalesCrm.Core.Inbox.InboundBodyFormat)] = "how the webhook processor reads a stored body (JSON or form)",
        [typeof(DatabaseProvider)] = "a configuration value",
        [typeof(SalesCrm.Core.Workflows.Expressions.AnswerType)] = "an ask-on-WhatsApp node's answer_type setting, a snake_case value of the node catalog (the designer labels it when it exists)",
        [typeof(SalesCrm.Web.Infrastructure.Storage.StorageProvider)] = "a configuration value (Storage:Provider)",
        [typeof(SalesCrm.Web.Features.Workflows.Designer.SchemaFieldKind)] = "which editor the workflow designer's settings form draws",
        [typeof(SalesCrm.Web.Features.Workflows.Designer.SettingsPicker)] = "which picker the workflow designer's settings form draws",
        [typeof(SalesCrm.Web.Features.Copilot.RecorderState)] = "a voice recorder's state, shown as its buttons",
        [typeof(SalesCrm.Core.Common.Filtering.CountMode)] = "how far a list query counts its total (Prefer: count)",
        [typeof(SalesCrm.Core.Copilot.CopilotOutcome)] = "a copilot session's outcome, listed by the API for reports",
        [typeof(SalesCrm.Core.Copilot.PlaybookSectionRole)] = "how the offline composer reads a playbook section's heading",
        // Analytics API values (issue 16); the /reports pages that will show dimensions, metrics and grains label them there.
        [typeof(SalesCrm.Core.Analytics.LeadDimension)] = "an analytics API group_by / dimension name, no page shows it yet",
        [typeof(SalesCrm.Core.Analytics.LeadMetric)] = "an analytics API metric name, no page shows it yet",
        [typeof(SalesCrm.Core.Analytics.PeriodGrain)] = "an analytics API group_by period, no page shows it yet",
        [typeof(SalesCrm.Core.Analytics.ResponseKind)] = "what opened a reply wait, stored for analytics queries",
        [typeof(SalesCrm.Core.Analytics.StageHistoryOrigin)] = "where a stage history row came from (recorded or backfilled), stored for analytics",
        [typeof(SalesCrm.Core.Insights.InsightKind)] = "which rule found an insight; the insight's own title says it in words",
        [typeof(SalesCrm.Core.Insights.InsightStatus)] = "the home panel lists new insights only; dismissing and marking done are buttons",
    };

    public static IReadOnlyCollection<Type> LabelledEnums => EnumKeys.Keys;

    /// <summary>The resource key of an enum value the UI shows.</summary>
    /// <exception cref="KeyNotFoundException">The enum has no labels (see <see cref="EnumKeys"/>).</exception>
    public static string Key(Enum value) => EnumKeys[value.GetType()](value);

    /// <summary>An enum value in the reader's language: <c>TemplateCategory.Utility</c> → "Utilidade" / "Utility".</summary>
    public static string Of(IStringLocalizer localizer, Enum value)
    {
        var label = localizer[Key(value)];
        return label.ResourceNotFound ? value.ToString() : label.Value;
    }

    /// <summary>System roles are stored by key (owner, sales_rep…) and shown in the reader's language; custom roles as named.</summary>
    public static string Role(IStringLocalizer localizer, string roleName) => Keyed(localizer, "Role_", roleName);

    /// <summary>"meta_ads" → "Anúncios Meta" / "Meta Ads".</summary>
    public static string Source(IStringLocalizer localizer, string source) => Keyed(localizer, "Source_", source);

    public static string Source(IStringLocalizer localizer, LeadSource source) => Of(localizer, source);

    /// <summary>An audit row's actor kind as stored (<c>User</c>, <c>ApiKey</c>…) in the reader's language.</summary>
    public static string Actor(IStringLocalizer localizer, string actorType) =>
        Enum.TryParse<ActorType>(actorType, out var type) ? Of(localizer, type) : actorType;

    private static string Snake(Enum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>"pipeline.manage" → "Configurar funis e etapas"; an unknown code shows as it is.</summary>
    public static string Capability(IStringLocalizer localizer, string capability) => Keyed(localizer, "Cap_", capability);

    /// <summary>"leads" → "Leads", "users" → "Usuários".</summary>
    public static string Module(IStringLocalizer localizer, string module) => Keyed(localizer, "Module_", module);

    private static string Keyed(IStringLocalizer localizer, string prefix, string value)
    {
        var label = localizer[prefix + value];
        return label.ResourceNotFound ? value : label.Value;
    }
}
