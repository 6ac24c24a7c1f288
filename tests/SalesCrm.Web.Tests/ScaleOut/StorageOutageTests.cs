using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SalesCrm.Core.Common;
using SalesCrm.Web.Infrastructure;
using SalesCrm.Web.Infrastructure.Storage;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>A file store that cannot save is told by <c>/health/ready</c> and answered 503, not a 500 after the fact.</summary>
public sealed class StorageOutageTests(S3MissingBucketApp app) : IClassFixture<S3MissingBucketApp>
{
    [Fact]
    public async Task Ready_is_unhealthy_naming_storage_when_the_bucket_does_not_exist()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("unhealthy", (string?)body["components"]!["storage"]!["status"]);
        Assert.Contains(S3MissingBucketApp.Bucket, (string?)body["components"]!["storage"]!["description"]);
        Assert.Equal("healthy", (string?)body["components"]!["database"]!["status"]);
    }

    [Fact]
    public async Task An_upload_while_the_bucket_does_not_exist_is_503_storage_unavailable_and_saves_nothing()
    {
        var owner = await app.RegisterAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Sem balde" }))["id"]!;
        var form = new MultipartFormDataContent { { new StringContent("audio"), "type" }, { new StringContent("Recado"), "text" } };
        var file = new ByteArrayContent([.. "OggS"u8, .. new byte[1_000]]);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/ogg");
        form.Add(file, "file", "recado.ogg");

        var problem = await (await owner.Client.PostAsync($"/api/v1/leads/{lead}/interactions", form))
            .ExpectProblemAsync(HttpStatusCode.ServiceUnavailable, "STORAGE_UNAVAILABLE");
        Assert.Contains(S3MissingBucketApp.Bucket, (string?)problem["title"]);

        var timeline = await (await owner.Client.GetAsync($"/api/v1/leads/{lead}/interactions")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain("Recado", timeline.ToJsonString());
    }

    [Fact]
    public async Task The_store_itself_reports_a_missing_bucket_as_unavailable_and_the_test_bucket_as_healthy()
    {
        var missing = TestS3.Options;
        missing.Bucket = S3MissingBucketApp.Bucket;
        var store = new S3FileStorage(FileStorageSetup.CreateClient(missing), Options.Create(missing));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.SaveAsync($"{Guid.NewGuid():N}/x.png", new MemoryStream([1])));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => store.OpenReadAsync($"{Guid.NewGuid():N}/x.png"));
        Assert.Equal(HealthStatus.Unhealthy, (await store.ProbeAsync(default)).Status);

        var real = new S3FileStorage(FileStorageSetup.CreateClient(TestS3.Options), Options.Create(TestS3.Options));
        var healthy = await real.ProbeAsync(default);
        Assert.True(healthy.Status == HealthStatus.Healthy, healthy.Exception?.ToString());
    }

    [Theory]
    [InlineData(null, StorageProvider.Local)]
    [InlineData("", StorageProvider.Local)]
    [InlineData("s3", StorageProvider.S3)]
    [InlineData(" Database ", StorageProvider.Database)]
    public void Storage_provider_is_read_by_name(string? value, StorageProvider expected) =>
        Assert.Equal(expected, FileStorageSetup.ProviderOf(Settings(("Storage:Provider", value))));

    [Theory]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("Dropbox")]
    public void A_storage_provider_by_number_or_unknown_name_stops_the_start(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => FileStorageSetup.ProviderOf(Settings(("Storage:Provider", value))));
        Assert.Contains("Local, S3, Database", error.Message);
    }

    [Fact]
    public async Task Local_storage_on_an_app_configured_for_several_instances_is_degraded()
    {
        var folder = Directory.CreateTempSubdirectory("salescrm-storage-");
        try
        {
            var local = new LocalFileStorage(new DataPaths(Settings(("Storage:DataPath", folder.FullName)),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.FullName }));
            var single = await new StorageHealthCheck(local, Settings()).CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Healthy, single.Status);
            var several = await new StorageHealthCheck(local, Settings(("Scale:Redis", "127.0.0.1:6379"))).CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Degraded, several.Status);
            Assert.Contains("S3 or Database", several.Description);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
