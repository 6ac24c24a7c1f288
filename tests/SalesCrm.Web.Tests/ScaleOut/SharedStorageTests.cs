using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesCrm.Core.Data;
using SalesCrm.Core.Interactions;
using SalesCrm.Web.Tests.Infrastructure;
using SalesCrm.Web.Tests.Leads;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>An upload through one instance is served by the other, through the real endpoints, and only to its workspace.</summary>
public abstract class SharedStorageTests(TwoInstancesSharingStorage pair)
{
    [Fact]
    public async Task An_attachment_uploaded_through_one_instance_is_served_by_the_other_and_not_to_another_workspace()
    {
        var owner = await pair.First.RegisterAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Anexo compartilhado" }))["id"]!;
        byte[] bytes = [.. "OggS"u8, .. Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7))];
        var created = await UploadAudioAsync(owner, lead, bytes, "recado.ogg", "Recado");
        var url = (string)created["attachments"]![0]!["url"]!;

        var download = await pair.Second.CreateClient().WithBearer(owner.AccessToken).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("audio/ogg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        var stranger = await pair.Second.RegisterAsync();
        await (await stranger.Client.GetAsync(url)).ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_range_request_for_a_shared_attachment_gets_206_with_just_those_bytes()
    {
        var owner = await pair.First.RegisterAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Áudio longo" }))["id"]!;
        byte[] bytes = [.. "OggS"u8, .. Enumerable.Range(0, 80_000).Select(i => (byte)(i * 11))];
        var created = await UploadAudioAsync(owner, lead, bytes, "longo.ogg", "Áudio");

        var request = new HttpRequestMessage(HttpMethod.Get, (string)created["attachments"]![0]!["url"]!);
        request.Headers.Range = new RangeHeaderValue(40_000, 40_999);
        var partial = await pair.Second.CreateClient().WithBearer(owner.AccessToken).SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes.Length, partial.Content.Headers.ContentRange?.Length);
        Assert.Equal(bytes[40_000..41_000], await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_attachment_whose_bytes_are_gone_from_the_storage_is_not_found_not_a_server_error()
    {
        var owner = await pair.First.RegisterAsync();
        var lead = (string)(await owner.CreateLeadAsync(new { name = "Anexo perdido" }))["id"]!;
        var created = await UploadAudioAsync(owner, lead, [.. "OggS"u8, .. new byte[2_000]], "perdido.ogg", "Recado");
        var attachmentId = Guid.Parse((string)created["attachments"]![0]!["id"]!);

        // As after switching Storage:Provider without copying the files: the row is there, the bytes are not.
        await using (var scope = pair.First.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var key = await db.Attachments.IgnoreQueryFilters().Where(a => a.Id == attachmentId).Select(a => a.StorageKey).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<IFileStorage>().DeleteAsync(key);
        }

        await (await pair.Second.CreateClient().WithBearer(owner.AccessToken).GetAsync((string)created["attachments"]![0]!["url"]!))
            .ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> UploadAudioAsync(Session owner, string lead, byte[] bytes, string fileName, string text)
    {
        var form = new MultipartFormDataContent { { new StringContent("audio"), "type" }, { new StringContent(text), "text" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/ogg");
        form.Add(file, "file", fileName);
        return await (await owner.Client.PostAsync($"/api/v1/leads/{lead}/interactions", form)).ExpectAsync(HttpStatusCode.Created);
    }
}

public sealed class S3SharedStorageTests(TwoInstancesOnS3 pair) : SharedStorageTests(pair), IClassFixture<TwoInstancesOnS3>;

public sealed class DatabaseSharedStorageTests(TwoInstancesOnDatabaseStorage pair) : SharedStorageTests(pair), IClassFixture<TwoInstancesOnDatabaseStorage>;
