namespace SalesCrm.Core.Analytics;

/// <summary>An exported report: its bytes, content type and a file name.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);
