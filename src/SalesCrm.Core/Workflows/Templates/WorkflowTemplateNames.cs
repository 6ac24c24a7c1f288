using System.Globalization;
using System.Text;

namespace SalesCrm.Core.Workflows.Templates;

/// <summary>Stage names compared as a manager reads them: "qualificado", "Qualificado " and "QUALIFICADO" are one stage.</summary>
internal static class WorkflowTemplateNames
{
    public static string Fold(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).ToLowerInvariant();
    }
}
