namespace SalesCrm.Core.Common;

public static class Ids
{
    /// <summary>Time-ordered GUIDs so inserts stay index-friendly and ids sort by creation.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
