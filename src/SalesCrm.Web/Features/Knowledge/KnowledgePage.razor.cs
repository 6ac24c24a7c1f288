using Microsoft.AspNetCore.Components;
using MudBlazor;
using SalesCrm.Core.Common;
using SalesCrm.Core.Knowledge;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Features.Knowledge;

/// <summary>The knowledge base: documents with filters (create by paste or upload for <c>knowledge.manage</c>) and the search playground.</summary>
public partial class KnowledgePage : ServiceComponentBase
{
    [Inject] private KnowledgeDocumentService Documents { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private int _tab;
    private Paged<KnowledgeDocumentDto> _documents = new([], 0, 100, 0);
    private string? _filter;
    private KnowledgeDocumentStatus? _status;
    private KnowledgeDocumentType? _type;
    private bool _live;
    private bool _filtered => !string.IsNullOrWhiteSpace(_filter) || _status is not null || _type is not null;

    protected override Task OnInitializedAsync() => RunAsync(LoadAsync);

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) { _live = true; StateHasChanged(); }
    }

    private async Task LoadAsync() => _documents = await Documents.ListAsync(new PageRequest(200, 0), _status, _type, _filter);

    private async Task FilterAsync(string? text) { _filter = text; await RunAsync(LoadAsync); }
    private async Task StatusAsync(KnowledgeDocumentStatus? status) { _status = status; await RunAsync(LoadAsync); }
    private async Task TypeAsync(KnowledgeDocumentType? type) { _type = type; await RunAsync(LoadAsync); }

    private void Open(KnowledgeDocumentDto document) => Navigation.NavigateTo($"/knowledge/documents/{document.Id}");

    internal static Color StatusColor(KnowledgeDocumentStatus status) => status switch
    {
        KnowledgeDocumentStatus.Published => Color.Success,
        KnowledgeDocumentStatus.Draft => Color.Warning,
        _ => Color.Default,
    };
}
