using SalesCrm.Core.Common;

namespace SalesCrm.Core.Knowledge;

/// <summary>An uploaded file the knowledge base cannot take: too large (413), of an unsupported type (415), or unreadable / without text (422).</summary>
public sealed class KnowledgeFileException(int status, string code, string message) : DomainException(code, message)
{
    public const string TooLarge = "FILE_TOO_LARGE";
    public const string UnsupportedType = "UNSUPPORTED_FILE_TYPE";
    public const string NoTextLayer = "PDF_WITHOUT_TEXT";
    public const string Unreadable = "FILE_UNREADABLE";
    public const string Empty = "FILE_EMPTY";

    /// <summary>The HTTP status the error maps to.</summary>
    public int Status { get; } = status;
}
