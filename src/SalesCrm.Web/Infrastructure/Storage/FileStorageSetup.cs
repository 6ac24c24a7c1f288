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
        var provider = ProviderOf(configuration);
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [Features.Health.HealthEndpoints.ReadyTag]);
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

    /// <summary>What the start-up log and <c>/health/ready</c> say about local files on several instances.</summary>
    public const string LocalOnSeveralInstances =
        "Storage:Provider is Local while Scale:Redis is set for several instances: a file uploaded through one instance is missing on the others. Use S3 or Database.";

    /// <summary>
    /// <c>Storage:Provider</c> by name (case-insensitive; unset = <c>Local</c>). A number or an unknown name stops the start
    /// with a message naming the choices, instead of falling back to local disk unnoticed.
    /// </summary>
    public static StorageProvider ProviderOf(IConfiguration configuration)
    {
        var value = configuration["Storage:Provider"];
        if (string.IsNullOrWhiteSpace(value)) return StorageProvider.Local;
        if (!value.Trim().All(char.IsDigit) && Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider))
            return provider;
        throw new InvalidOperationException($"Storage:Provider '{value}' is not one of {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
    }

    /// <summary>True when <c>Scale:Redis</c> is set: the configuration of an app run as several instances (ADR 046).</summary>
    public static bool ConfiguredForSeveralInstances(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Scale:Redis"]);

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
