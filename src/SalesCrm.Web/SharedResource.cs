using System.Resources;

[assembly: NeutralResourcesLanguage("pt-BR")]

namespace SalesCrm.Web;

/// <summary>Marker for the UI strings in <c>Resources/SharedResource*.resx</c> (neutral = pt-BR, <c>.en</c> = English).</summary>
public sealed class SharedResource;

/// <summary>Marker for MudBlazor's own texts in Portuguese (<c>Resources/MudTranslations.resx</c>): pager, filters, dialogs, inputs.</summary>
public sealed class MudTranslations;
