using System.Collections.Frozen;
using System.Globalization;

namespace SalesCrm.Core.Workflows.DryRuns;

/// <summary>The dry run's phrase keys and their English text: the fallback when the host gives no localized phrases.</summary>
public sealed class DryRunPhrases : IDryRunPhrases
{
    public static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["Trigger"] = "Starts the run ({0})",
        ["ConditionTrue"] = "{0} holds: goes on “yes”",
        ["ConditionFalse"] = "{0} does not hold: goes on “no”",
        ["SwitchCase"] = "{0} chose “{1}”",
        ["NoLink"] = "Nothing is linked to “{0}”: the run would end here",
        ["Assumed"] = "Assumed “{0}” (from answers)",
        ["AssumedDefault"] = "Assumed the main outcome “{0}”; pass answers to try another",
        ["AssumedReply"] = "Assumed the reply “{0}”; give another answer to try it",
        ["SampleReply"] = "‹reply to {0}›",
        ["ReplyValid"] = "Reply “{0}” accepted",
        ["ReplyInvalid"] = "Reply “{0}” is invalid ({1})",
        ["StepLimit"] = "Stopped after {0} steps: the path loops",
        ["TriggerFilter"] = "The trigger's filter {0} does not hold for this lead: a {1} event would not start this workflow",
        ["Paused"] = "The workflow is switched off; its published version was walked",
        ["NodeWarning"] = "{0}: {1}",
        ["NoPhone"] = "{0} would fail: the lead has no phone number for WhatsApp",
        ["OtherStartWindowClosed"] = "Started by “{0}” (instead of an inbound message), the workflow would fail at {1}: this lead has not written in the last 24 hours, so WhatsApp only accepts an approved template",
        ["WindowClosed"] = "{0} would fail: the lead has not written in the last 24 hours, so WhatsApp only accepts an approved template (send one first, e.g. a WhatsApp message with a template)",
        ["Delay"] = "Would wait {0}",
        ["DelayUntil"] = "Would wait until {0}",
        ["WaitForEvent"] = "Would wait for {0} (up to {1})",
        ["AskWhatsApp"] = "Would ask on WhatsApp: “{0}”",
        ["AiReply"] = "Would answer the lead from the knowledge base",
        ["Handoff"] = "Would hand the conversation to a person",
        ["MoveStage"] = "Would move the card to the stage {0}",
        ["AssignUser"] = "Would assign the lead to {0}",
        ["AssignRoundRobin"] = "Would assign the lead by round robin",
        ["SetField"] = "Would set {0} to “{1}”",
        ["AddTag"] = "Would add the tag “{0}”",
        ["CreateActivity"] = "Would create the activity “{0}”",
        ["AddNote"] = "Would add the note “{0}”",
        ["SendWhatsAppText"] = "Would send on WhatsApp: “{0}”",
        ["SendWhatsAppTemplate"] = "Would send the WhatsApp template {0}",
        ["SendEmail"] = "Would e-mail {0}: “{1}”",
        ["LeadEmail"] = "the lead",
        ["HttpRequest"] = "Would call {0} {1}",
        ["EmitEvent"] = "Would emit the event {0}",
        ["RecalculateScore"] = "Would recalculate the lead's score",
        ["CallWorkflow"] = "Would start the workflow {0}",
        ["CallNotFound"] = "No workflow {0} in this workspace: this step would fail and the run would stop here",
        ["CallNotActive"] = "The workflow {0} is switched off or not published: this step would fail and the run would stop here",
        ["CallLoopGuard"] = "The loop guard would stop the run of {0} as it starts: the chain already ran it and is deeper than {1} levels",
        ["Unknown"] = "Would run the step {0}",
        ["Day1"] = "1 day", ["Days"] = "{0} days", ["Hour1"] = "1 hour", ["Hours"] = "{0} hours", ["Minute1"] = "1 minute", ["Minutes"] = "{0} minutes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, English.TryGetValue(key, out var text) ? text : key, args);
}
