using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary>
/// The real engine with Meta's and WhatsApp's Graph stub (<see cref="InboundAppBase"/>), and HTTP calls to loopback
/// allowed so a local receiver can play the ERP.
/// </summary>
public class WorkflowTemplatesAppBase(TestProvider provider) : InboundAppBase(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        .. base.ExtraSettings(), new("Webhooks:AllowPrivateTargets", "true"), new("Workflows:Http:RetryDelayMilliseconds", "0"),
    ];
}

public sealed class WorkflowTemplatesSqliteApp() : WorkflowTemplatesAppBase(TestProvider.Sqlite);

public sealed class WorkflowTemplatesPostgresApp() : WorkflowTemplatesAppBase(TestProvider.Postgres);
