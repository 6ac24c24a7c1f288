using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Interactions;

namespace SalesCrm.Web.Infrastructure.Storage;

public static class FileStorageSetup
{
    /// <summary>
    /// The <see cref="IFileStorage"/> for <c>Storage:Provider</c>: <c>Local</c> (default, one instance), <c>S3</c> or
    /// <c>Database</c> (several instances, ADR 048).
    /// </summary>
    public static IServiceCollection AddCrmFileStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetValue("Storage:Provider", StorageProvider.Local);
        switch (provider)
        {
            case StorageProvider.S3:
                services.AddOptions<S3StorageOptions>().BindConfiguration("Storage:S3")
                    .Validate(o => !string.IsNullOrWhiteSpace(o.Bucket), "Storage:S3:Bucket is required when Storage:Provider is S3.").ValidateOnStart();
                services.AddSingleton<IAmazonS3>(sp => CreateClient(sp.GetRequiredService<IOptions<S3StorageOptions>>().Value));
                services.AddSingleton<IFileStorage, S3FileStorage>();
                break;
            case StorageProvider.Database:
                services.AddSingleton<IFileStorage, DatabaseFileStorage>();
                break;
            default:
                services.AddSingleton<IFileStorage, LocalFileStorage>();
                break;
        }
        return services;
    }

    public static AmazonS3Client CreateClient(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            // S3-compatible servers (MinIO, s3rver) answer on one host: bucket in the path, not in the host name.
            ForcePathStyle = !string.IsNullOrWhiteSpace(options.ServiceUrl),
            // The SDK's default CRC trailers and aws-chunked bodies are refused by many S3-compatible servers.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl)) config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        return string.IsNullOrWhiteSpace(options.AccessKey)
            ? new AmazonS3Client(config) // the SDK's own chain: environment, profile, instance role
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
    }
}
