namespace SalesCrm.Core.Storage;

/// <summary>
/// A file's bytes kept in the database (<c>Storage:Provider=Database</c>), so every app instance serves what any one
/// stored. Keyed by tenant and storage key; the tenant comes from the key itself (<c>{tenant}/…</c>), so a key of one
/// workspace never finds another's row.
/// </summary>
public sealed class StoredFile
{
    public const int MaxKeyLength = 300;

    public Guid TenantId { get; set; }
    public required string Key { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
