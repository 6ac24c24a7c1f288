namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>The Graph stub of the inbound tests plus loopback webhook receivers with quick retries: every integration works.</summary>
public class InboundAndOutboundAppBase(TestProvider provider) : InboundAppBase(provider)
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [.. base.ExtraSettings(), .. WebhookAppBase.FastRetries];
}

public sealed class InboundAndOutboundSqliteApp() : InboundAndOutboundAppBase(TestProvider.Sqlite);

public sealed class InboundAndOutboundPostgresApp() : InboundAndOutboundAppBase(TestProvider.Postgres);
