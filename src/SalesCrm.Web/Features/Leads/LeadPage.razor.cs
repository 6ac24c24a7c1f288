using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SalesCrm.Core.Activities;
using SalesCrm.Core.Common;
using SalesCrm.Core.Events;
using SalesCrm.Core.Identity;
using SalesCrm.Core.Interactions;
using SalesCrm.Core.Leads;
using SalesCrm.Core.Pipelines;
using SalesCrm.Core.Tenancy;
using SalesCrm.Web.Features.Pipelines;
using SalesCrm.Web.Infrastructure;

namespace SalesCrm.Web.Features.Leads;

/// <summary>A lead's whole story: editable header, stage stepper, score, timeline, activities. Live-updated.</summary>
public partial class LeadPage : IDisposable
{
    private const int TimelinePage = 30;

    [Parameter] public Guid Id { get; set; }
    [Inject] private LeadQuery Query { get; set; } = default!;
    [Inject] private LeadService Leads { get; set; } = default!;
    [Inject] private PipelineService Pipelines { get; set; } = default!;
    [Inject] private InteractionService Interactions { get; set; } = default!;
    [Inject] private ActivityService ActivityService { get; set; } = default!;
    [Inject] private MemberService Members { get; set; } = default!;
    [Inject] private AccessService Access { get; set; } = default!;
    [Inject] private ICrmEventBus Bus { get; set; } = default!;
    [Inject] private ILogger<LeadPage> Logger { get; set; } = default!;

    private LeadDto? _lead;
    private IReadOnlyList<StageDto> _stages = [];
    private IReadOnlyList<PersonDto> _people = [];
    private List<InteractionDto> _timeline = [];
    private int _timelineTotal;
    private IReadOnlyCollection<InteractionType> _typeFilter = [];
    private IReadOnlyList<ActivityDto> _activities = [];
    private bool _canWrite;
    /// <summary><c>copilot.use</c>: dictating notes, reading them aloud, transcribing voice notes.</summary>
    private bool _canUseCopilot;
    private IDisposable? _subscription;

    private InteractionType _newType = InteractionType.Note;
    private string? _newText, _newOutcome;

    /// <summary>A dictated note goes after what is typed already.</summary>
    private void Dictated(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        _newText = string.IsNullOrWhiteSpace(_newText) ? text : $"{_newText.TrimEnd()} {text}";
    }
    private int? _newMinutes;
    private List<IBrowserFile> _files = [];
    private MudFileUpload<IReadOnlyList<IBrowserFile>>? _upload;
    private string? _activityTitle;
    private ActivityType _activityType = ActivityType.Call;
    private DateTime? _activityDate;

    protected override async Task OnParametersSetAsync()
    {
        _activityDate ??= Clock.Today.AddDays(1);
        await RunAsync(async () =>
        {
            _canWrite = await Access.HasAsync(Capabilities.LeadsWrite);
            _canUseCopilot = await Access.HasAsync(Capabilities.CopilotUse);
            _people = await Members.DirectoryAsync();
            await LoadAsync();
        });
        if (_subscription is not null) return;
        var live = new LiveRefresh(InvokeAsync, RefreshAsync, Logger);
        _subscription = Bus.Watch(e => e.LeadId == Id, live.Request);
    }

    private async Task LoadAsync()
    {
        _lead = await Query.GetAsync(Id);
        _stages = (await Pipelines.GetAsync(_lead.PipelineId)).Stages.Where(s => s.IsActive || s.Id == _lead.StageId).ToList();
        var page = await Interactions.ListAsync(Id, _typeFilter, new PageRequest(Math.Max(TimelinePage, _timeline.Count)));
        _timeline = page.Items.ToList();
        _timelineTotal = page.Total;
        _activities = (await ActivityService.ListAsync(ActivityWindow.All, null, Id, includeDone: false, new PageRequest(50), Clock.Zone)).Items;
    }

    private async Task SaveAsync(LeadPatch patch)
    {
        if (_lead is null) return;
        await RunAsync(async () =>
        {
            try
            {
                _lead = await Leads.UpdateAsync(Id, patch with { ExpectedVersion = _lead.Version });
            }
            catch (ConflictException e) when (e.Message.Contains("version", StringComparison.OrdinalIgnoreCase))
            {
                Snackbar.Add(L["ChangedBySomeoneElse"], Severity.Warning);
                await LoadAsync();
            }
        }, L["Saved"]);
    }

    private Task CloseDateChangedAsync(DateTime? date) =>
        SaveAsync(date is { } d ? new LeadPatch { ExpectedCloseDate = DateOnly.FromDateTime(d) } : new LeadPatch { ClearExpectedCloseDate = true });

    private async Task AssignAsync(Guid? ownerId)
    {
        if (_lead is null) return;
        await RunAsync(async () => _lead = await Leads.AssignAsync(Id, ownerId, _lead.Version), L["Saved"]);
    }

    private async Task MoveAsync(StageDto stage)
    {
        if (_lead is null || stage.Id == _lead.StageId) return;
        string? reason = null;
        if (stage.Kind == StageKind.Lost)
        {
            var result = await (await Dialogs.ShowAsync<LostReasonDialog>(L["LostReason"])).Result;
            if (result is null || result.Canceled) return;
            reason = result.Data as string;
        }
        await RunAsync(async () =>
        {
            _lead = await Leads.MoveAsync(Id, new MoveRequest(stage.Id, null, _lead.Version, reason));
            await LoadAsync();
        });
    }

    private void FilesChanged(IReadOnlyList<IBrowserFile>? files) => _files = files?.ToList() ?? [];

    private async Task AddInteractionAsync()
    {
        var uploads = _files.Select(f => new UploadedFile(f.Name, f.ContentType, f.Size, () => f.OpenReadStream(AttachmentRules.MaxBytes))).ToList();
        var input = new InteractionInput(_newType, _newText, _newMinutes is { } m ? m * 60 : null, _newOutcome);
        if (await RunAsync(() => Interactions.CreateAsync(Id, input, uploads)))
        {
            _newText = _newOutcome = null;
            _newMinutes = null;
            _files = [];
            if (_upload is not null) await _upload.ClearAsync();
            await RunAsync(LoadAsync);
        }
    }

    private async Task TypeFilterChangedAsync(IReadOnlyCollection<InteractionType>? types)
    {
        _typeFilter = types ?? [];
        _timeline = [];
        await RunAsync(LoadAsync);
    }

    private async Task MoreTimelineAsync()
    {
        await RunAsync(async () =>
        {
            var page = await Interactions.ListAsync(Id, _typeFilter, new PageRequest(TimelinePage, _timeline.Count));
            _timeline.AddRange(page.Items);
            _timelineTotal = page.Total;
        });
    }

    private async Task AddActivityAsync()
    {
        var due = (_activityDate ?? Clock.Today.AddDays(1)).Date.AddHours(10);
        if (await RunAsync(() => ActivityService.CreateAsync(new ActivityInput(Id, _activityType, _activityTitle, Clock.ToUtc(due))), L["Saved"]))
        {
            _activityTitle = null;
            await RunAsync(LoadAsync);
        }
    }

    private async Task CompleteAsync(ActivityDto activity, bool done)
    {
        await RunAsync(() => ActivityService.UpdateAsync(activity.Id, new ActivityPatch(Done: done)));
        await RunAsync(LoadAsync);
    }

    private async Task RefreshAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (NotFoundException)
        {
            _lead = null;
        }
        StateHasChanged();
    }

    public void Dispose() => _subscription?.Dispose();
}
