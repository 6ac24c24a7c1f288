using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SalesCrm.Web.Tests.Infrastructure;

namespace SalesCrm.Web.Tests.Workflows.Templates;

/// <summary>Test steps for the templates: create a draft from one, publish it, give the workspace an approved WhatsApp template.</summary>
public static class TemplateApi
{
    /// <summary><c>POST /api/v1/workflows/from-template</c> (201); returns the draft.</summary>
    public static async Task<JsonNode> FromTemplateAsync(this Session owner, string templateId, object? parameters = null, string? name = null) =>
        await (await owner.Client.PostAsJsonAsync("/api/v1/workflows/from-template", new { template_id = templateId, name, parameters })).ExpectAsync(HttpStatusCode.Created);

    /// <summary>Creates the draft from the template and publishes it as it is; returns the workflow id.</summary>
    public static async Task<string> PublishTemplateAsync(this Session owner, string templateId, object? parameters = null)
    {
        var draft = await owner.FromTemplateAsync(templateId, parameters);
        Assert.Empty(draft["problems"]!.AsArray());
        var id = (string)draft["id"]!;
        await (await owner.Client.PostAsync($"/api/v1/workflows/{id}/publish", null)).ExpectAsync(HttpStatusCode.OK);
        return id;
    }

    /// <summary>An approved WhatsApp template named <paramref name="name"/> (as the demo workspace has).</summary>
    public static async Task ApprovedTemplateAsync(this Session owner, string name, string body = "Olá, {{first_name}}! Tudo bem?") =>
        await (await owner.Client.PostAsJsonAsync("/api/v1/templates", new { name, category = "utility", language = "pt_BR", body, status = "approved" })).ExpectAsync(HttpStatusCode.Created);
}
