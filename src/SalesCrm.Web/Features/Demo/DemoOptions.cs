namespace SalesCrm.Web.Features.Demo;

/// <summary>The <c>Demo</c> section: whether the first run creates the demo workspace, and its users' e-mail domain.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo workspace on first run (<c>Demo__Enabled=false</c> in production; the Docker image sets it).</summary>
    public bool Enabled { get; set; } = true;

    public string EmailDomain { get; set; } = "demo.salescrm.local";
}
