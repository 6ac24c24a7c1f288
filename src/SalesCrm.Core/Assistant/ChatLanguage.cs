namespace SalesCrm.Core.Assistant;

/// <summary>The language a question was asked in; the offline answer uses it.</summary>
public enum ChatLanguage { Pt, En }
