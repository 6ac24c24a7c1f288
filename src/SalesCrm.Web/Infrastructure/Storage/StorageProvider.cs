namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary><c>Storage:Provider</c>: where attachment and media bytes live.</summary>
public enum StorageProvider
{
    /// <summary>Files under <c>data/uploads</c>: one instance (the default).</summary>
    Local,
    /// <summary>An S3-compatible object store shared by every instance.</summary>
    S3,
    /// <summary>The <c>stored_files</c> table of the app's own database, shared by every instance.</summary>
    Database,
}
