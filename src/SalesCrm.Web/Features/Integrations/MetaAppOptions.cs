namespace SalesCrm.Web.Features.Integrations;

/// <summary><c>Meta</c> and <c>WhatsApp</c> sections: one Meta app serves the whole installation.</summary>
public sealed class MetaAppOptions
{
    /// <summary>The named options of Meta Lead Ads (section <c>Meta</c>) and of WhatsApp (section <c>WhatsApp</c>).</summary>
    public const string Meta = "Meta", WhatsApp = "WhatsApp";

    public string? AppSecret { get; set; }
    public string? VerifyToken { get; set; }
    public string GraphBaseUrl { get; set; } = "https://graph.facebook.com/v21.0";
}
