using Microsoft.Extensions.Options;
using SalesCrm.Core.Interactions;
using SalesCrm.Web.Infrastructure.Storage;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>The S3 store against the S3-compatible test server.</summary>
public sealed class S3FileStoreTests : FileStoreContractTests
{
    protected override IFileStorage Store { get; } = new S3FileStorage(FileStorageSetup.CreateClient(TestS3.Options), Options.Create(TestS3.Options));
}
