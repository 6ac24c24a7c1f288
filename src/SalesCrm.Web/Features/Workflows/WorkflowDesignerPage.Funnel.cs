using SalesCrm.Core.Workflows;

namespace SalesCrm.Web.Features.Workflows;

/// <summary>
/// The designer's "Funil": for a bot (ask_whatsapp steps), the runs page's chart of reached / answered / dropped per
/// question of the published version, in the side panel, loaded afresh each time it opens.
/// </summary>
public partial class WorkflowDesignerPage
{
    private bool _showFunnel;

    private bool HasBotQuestions => _diagram.Nodes.OfType<Designer.WorkflowNodeModel>().Any(n => n.Type == WorkflowNodeCatalog.AskWhatsApp);

    private void ToggleFunnel()
    {
        _showFunnel = !_showFunnel;
        if (_showFunnel) Reveal("bot-funnel");
    }
}
