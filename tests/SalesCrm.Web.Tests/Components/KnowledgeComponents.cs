using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SalesCrm.Core.Knowledge;
using SalesCrm.Core.Tenancy;

namespace SalesCrm.Web.Tests.Components;

/// <summary>
/// A bunit context for the knowledge pages over the real services of a test app, resolved in a member's scope
/// (<c>AsMemberAsync</c>), with the given capabilities as the policies <c>AuthorizeView</c> sees.
/// </summary>
public static class KnowledgeComponents
{
    public static BunitContext NewContext(IServiceProvider services, params string[] capabilities) =>
        MemberComponents.NewContext(services, capabilities,
            typeof(KnowledgeDocumentService), typeof(KnowledgeChunkService), typeof(KnowledgeEmbeddingService), typeof(Microsoft.Extensions.Options.IOptions<KnowledgeFileOptions>));

    /// <summary>The text of the input box around a field (its label, value and error text), whichever element carries the test id.</summary>
    public static string FieldText<T>(this IRenderedComponent<T> cut, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")?.TextContent ?? "";

    public static IReadOnlyList<string> Snackbars(this BunitContext ctx) =>
        ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message).ToList();
}
