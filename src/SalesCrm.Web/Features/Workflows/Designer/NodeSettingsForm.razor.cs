using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows.Designer;

/// <summary>
/// The generated settings form of a node: the schema's properties (<see cref="NodeSchemaReader"/>), with pickers for
/// stages, members, templates, workflows, lead fields and event types, and a variable picker on free texts.
/// </summary>
public partial class NodeSettingsForm
{
    [Inject] private IStringLocalizer<WorkflowsResource> Strings { get; set; } = default!;

    [Parameter, EditorRequired] public WorkflowNodeModel Node { get; set; } = default!;
    [Parameter] public WorkflowPickers Pickers { get; set; } = WorkflowPickers.Empty;
    [Parameter] public IReadOnlyList<string> Variables { get; set; } = [];
    [Parameter] public EventCallback<System.Text.Json.JsonElement> OnChange { get; set; }

    private WorkflowTexts Texts => new(Strings);
    private IReadOnlyList<SchemaField> _fields = [];
    private NodeSettingsDraft _draft = new(null);
    private WorkflowNodeModel? _shown;
    private Guid? _pipeline;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Node)) return;
        _shown = Node;
        _fields = Node.NodeType is { } type ? NodeSchemaReader.Fields(type) : [];
        _draft = new NodeSettingsDraft(Node.Settings);
        _pipeline = StageOf(_draft.Text("stage_id"))?.PipelineId ?? Pickers.Pipelines.FirstOrDefault()?.Id;
    }

    /// <summary>
    /// A trigger shows the settings its chosen kind reads (an event's type and filter, a schedule's cron…), plus any
    /// other setting that holds a value so nothing stored is hidden; every other node shows all its settings.
    /// </summary>
    private bool Shown(SchemaField field) =>
        Node.Type != SalesCrm.Core.Workflows.WorkflowNodeCatalog.Trigger || field.Name is "kind" or "label"
        || SalesCrm.Core.Workflows.TriggerKinds.SettingsOf(_draft.Text("kind")).Contains(field.Name) || _draft.Has(field.Name);

    /// <summary>The duration as amount and unit; null when unset or stored in a shape the two boxes cannot show.</summary>
    private FriendlyDuration? DurationOf(SchemaField field) => FriendlyDuration.Read(_draft.Text(field.Name));

    /// <summary>The two boxes show an unset duration or a plain day/hour/minute one; anything else stays editable as text.</summary>
    private bool DurationShown(SchemaField field) => _draft.Text(field.Name) is null || DurationOf(field) is not null;

    private string Label(SchemaField field) => field.Required ? $"{Texts.Setting(field.Name)} *" : Texts.Setting(field.Name);

    private Task Change(Action<NodeSettingsDraft> edit)
    {
        edit(_draft);
        return OnChange.InvokeAsync(_draft.ToElement());
    }

    private SalesCrm.Core.Pipelines.StageDto? StageOf(string? id) =>
        Guid.TryParse(id, out var g) ? Pickers.Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == g) : null;

    /// <summary>
    /// What a condition may test, as paths (no braces): the lead's fields, the earlier steps' outputs (from
    /// <see cref="Variables"/>), and the starts of the event payload and custom fields to complete by typing.
    /// </summary>
    private IReadOnlyList<string> TestedValues() =>
        [.. WorkflowVariables.Lead.Where(v => !v.Contains('<')), "lead.custom.", "event.payload.",
            .. Variables.Select(v => v.Trim('{', '}')).Where(v => v.StartsWith("nodes.", StringComparison.Ordinal))];

    private RenderFragment TextField(SchemaField field) => builder =>
    {
        switch (field.Picker)
        {
            case SettingsPicker.Stage: StagePicker(builder, field); break;
            case SettingsPicker.User: Options(builder, field, Pickers.People.Select(p => (p.UserId.ToString(), p.Name))); break;
            case SettingsPicker.Template: Options(builder, field, Pickers.Templates.Select(t => (t.Id.ToString(), $"{t.Name} ({t.Language})"))); break;
            case SettingsPicker.Workflow: Options(builder, field, Pickers.Workflows.Select(w => (w.Id.ToString(), w.Name))); break;
            case SettingsPicker.LeadField: Suggest(builder, field, WorkflowPickers.LeadFields); break;
            case SettingsPicker.EventType: Suggest(builder, field, field.Examples); break;
            case SettingsPicker.TestedValue: Suggest(builder, field, TestedValues()); break;
            default: Free(builder, field); break;
        }
    };

    /// <summary>A select over records of the workspace; a stored id it does not know still shows, as itself.</summary>
    private void Options(RenderTreeBuilder b, SchemaField field, IEnumerable<(string Id, string Name)> options)
    {
        var value = _draft.Text(field.Name);
        var list = options.ToList();
        if (value is not null && list.All(o => o.Id != value)) list.Add((value, value));
        b.OpenComponent<MudSelect<string>>(0);
        b.AddComponentParameter(1, "Value", value);
        b.AddComponentParameter(2, "ValueChanged", EventCallback.Factory.Create<string>(this, v => Change(d => d.SetText(field.Name, v))));
        b.AddComponentParameter(3, "Label", Label(field));
        b.AddComponentParameter(4, "Clearable", true);
        b.AddComponentParameter(5, "Margin", Margin.Dense);
        b.AddComponentParameter(6, "Variant", Variant.Outlined);
        b.AddComponentParameter(7, "ToStringFunc", (Func<string?, string?>)(v => list.FirstOrDefault(o => o.Id == v).Name ?? v));
        b.AddComponentParameter(8, "ChildContent", (RenderFragment)(items =>
        {
            foreach (var (id, name) in list)
            {
                items.OpenComponent<MudSelectItem<string>>(0);
                items.AddComponentParameter(1, "Value", id);
                items.AddComponentParameter(2, "ChildContent", (RenderFragment)(t => t.AddContent(0, name)));
                items.CloseComponent();
            }
        }));
        b.CloseComponent();
    }

    /// <summary>A pipeline (not stored: it only narrows the list), then one of its stages.</summary>
    private void StagePicker(RenderTreeBuilder b, SchemaField field)
    {
        b.OpenComponent<MudSelect<Guid?>>(0);
        b.AddComponentParameter(1, "Value", _pipeline);
        b.AddComponentParameter(2, "ValueChanged", EventCallback.Factory.Create<Guid?>(this, v => _pipeline = v));
        b.AddComponentParameter(3, "Label", Texts["Pipeline"]);
        b.AddComponentParameter(4, "Margin", Margin.Dense);
        b.AddComponentParameter(5, "Variant", Variant.Outlined);
        b.AddComponentParameter(6, "ToStringFunc", (Func<Guid?, string?>)(v => Pickers.Pipelines.FirstOrDefault(p => p.Id == v)?.Name));
        b.AddComponentParameter(7, "ChildContent", (RenderFragment)(items =>
        {
            foreach (var pipeline in Pickers.Pipelines)
            {
                items.OpenComponent<MudSelectItem<Guid?>>(0);
                items.AddComponentParameter(1, "Value", (Guid?)pipeline.Id);
                items.AddComponentParameter(2, "ChildContent", (RenderFragment)(t => t.AddContent(0, pipeline.Name)));
                items.CloseComponent();
            }
        }));
        b.CloseComponent();
        var stages = Pickers.Pipelines.FirstOrDefault(p => p.Id == _pipeline)?.Stages ?? [];
        b.OpenRegion(10);
        Options(b, field, stages.Select(s => (s.Id.ToString(), s.Name)));
        b.CloseRegion();
    }

    /// <summary>A text with suggestions it does not insist on (lead.custom.&lt;name&gt;, custom.&lt;event&gt;).</summary>
    private void Suggest(RenderTreeBuilder b, SchemaField field, IReadOnlyList<string> suggestions)
    {
        b.OpenComponent<MudAutocomplete<string>>(0);
        b.AddComponentParameter(1, "Value", _draft.Text(field.Name));
        b.AddComponentParameter(2, "ValueChanged", EventCallback.Factory.Create<string>(this, v => Change(d => d.SetText(field.Name, v))));
        b.AddComponentParameter(3, "Label", Label(field));
        b.AddComponentParameter(4, "SearchFunc", (Func<string?, CancellationToken, Task<IEnumerable<string>>>)((text, _) =>
            Task.FromResult(suggestions.Where(s => string.IsNullOrEmpty(text) || s.Contains(text, StringComparison.OrdinalIgnoreCase)))));
        b.AddComponentParameter(5, "CoerceValue", true);
        b.AddComponentParameter(6, "Margin", Margin.Dense);
        b.AddComponentParameter(7, "Variant", Variant.Outlined);
        b.AddComponentParameter(8, "MaxItems", (int?)null);
        // The drop-down arrow is a button of its own: axe (button-name) wants it named.
        b.AddComponentParameter(9, "AdornmentAriaLabel", Label(field));
        b.CloseComponent();
    }

    /// <summary>A free text; where variables make sense, a menu inserts one at the end.</summary>
    private void Free(RenderTreeBuilder b, SchemaField field)
    {
        b.OpenElement(0, "div");
        b.AddAttribute(1, "class", "d-flex align-start gap-1");
        b.OpenComponent<MudTextField<string>>(2);
        b.AddComponentParameter(3, "Value", _draft.Text(field.Name));
        b.AddComponentParameter(4, "ValueChanged", EventCallback.Factory.Create<string>(this, v => Change(d => d.SetText(field.Name, v))));
        b.AddComponentParameter(5, "Label", Label(field));
        b.AddComponentParameter(6, "Lines", field.Kind == SchemaFieldKind.LongText ? 3 : 1);
        b.AddComponentParameter(7, "Sizing", field.Kind == SchemaFieldKind.LongText ? InputSizing.Auto : InputSizing.Fixed);
        b.AddComponentParameter(8, "HelperText", Texts.SettingHelp(Node.Type, field.Name));
        b.AddComponentParameter(9, "Margin", Margin.Dense);
        b.AddComponentParameter(10, "Variant", Variant.Outlined);
        b.AddComponentParameter(11, "Immediate", false);
        b.AddComponentParameter(12, "Class", "flex-grow-1");
        b.CloseComponent();
        if (field.Picker == SettingsPicker.Variables && Variables.Count > 0)
        {
            b.OpenComponent<MudMenu>(20);
            b.AddComponentParameter(21, "Icon", Icons.Material.Filled.DataObject);
            b.AddComponentParameter(22, "AriaLabel", Texts["InsertVariable"]);
            b.AddComponentParameter(23, "Dense", true);
            b.AddComponentParameter(24, "Class", "mt-2");
            b.AddComponentParameter(25, "ChildContent", (RenderFragment)(items =>
            {
                foreach (var variable in Variables)
                {
                    items.OpenComponent<MudMenuItem>(0);
                    items.AddComponentParameter(1, "OnClick", EventCallback.Factory.Create<Microsoft.AspNetCore.Components.Web.MouseEventArgs>(this,
                        () => Change(d => d.SetText(field.Name, d.Text(field.Name) + variable))));
                    items.AddComponentParameter(2, "ChildContent", (RenderFragment)(t => t.AddContent(0, variable)));
                    items.CloseComponent();
                }
            }));
            b.CloseComponent();
        }
        b.CloseElement();
    }
}
