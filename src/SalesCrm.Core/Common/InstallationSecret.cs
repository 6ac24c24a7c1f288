namespace SalesCrm.Core.Common;

/// <summary>
/// A secret of the whole installation (not of a tenant) that every app instance must share, such as the JWT signing
/// key when none is configured. <see cref="ProtectedValue"/> is encrypted with Data Protection, whose keys live in the
/// same database, so a database dump alone does not reveal it to someone without the key ring.
/// </summary>
public sealed class InstallationSecret
{
    public const int MaxNameLength = 100;

    /// <summary>Stable name, e.g. <c>jwt-signing-key</c>; the primary key, so two instances cannot both insert one.</summary>
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
    public DateTime CreatedAt { get; set; }
}
