namespace SalesCrm.Core.Common;

/// <summary>
/// 503 <c>STORAGE_UNAVAILABLE</c>: the file store (an S3 bucket) cannot be reached or does not exist; nothing was saved.
/// The request can be repeated once <c>/health/ready</c> reports <c>storage</c> healthy again.
/// </summary>
public sealed class StorageUnavailableException(string message, Exception? inner = null)
    : DomainException(ErrorCodes.StorageUnavailable, message, inner);
