using SalesCrm.Core.Interactions;

namespace SalesCrm.Web.Tests.ScaleOut;

/// <summary>What every shared <see cref="IFileStorage"/> promises the services: the local store's contract, per tenant.</summary>
public abstract class FileStoreContractTests
{
    protected abstract IFileStorage Store { get; }

    private static string KeyOf(Guid tenant, string name) => $"{tenant:N}/{Guid.NewGuid():N}/{name}";

    [Fact]
    public async Task A_saved_file_reads_back_byte_for_byte_and_is_gone_after_delete()
    {
        var key = KeyOf(Guid.NewGuid(), "recado.ogg");
        byte[] bytes = [.. "OggS"u8, .. Enumerable.Range(0, 70_000).Select(i => (byte)i)];
        await Store.SaveAsync(key, new MemoryStream(bytes));

        await using (var read = await Store.OpenReadAsync(key))
        {
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }
        await Store.DeleteAsync(key);
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync(key));
    }

    [Fact]
    public async Task Reading_a_key_never_stored_is_file_not_found_and_deleting_it_is_no_error()
    {
        var key = KeyOf(Guid.NewGuid(), "nada.png");
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync(key));
        await Store.DeleteAsync(key);
    }

    [Fact]
    public async Task Another_workspace_asking_for_the_same_path_under_its_own_tenant_does_not_get_the_file()
    {
        var path = $"{Guid.NewGuid():N}/foto.png";
        var owner = Guid.NewGuid();
        await Store.SaveAsync($"{owner:N}/{path}", new MemoryStream([1, 2, 3]));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync($"{Guid.NewGuid():N}/{path}"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => Store.OpenReadAsync($"checkins/{Guid.NewGuid():N}/{path}"));
        await using var own = await Store.OpenReadAsync($"{owner:N}/{path}");
        Assert.Equal(1, own.ReadByte());
    }

    [Theory]
    [InlineData("uploads/foto.png")]
    [InlineData("../{0}/foto.png")]
    [InlineData("{0}/../other/foto.png")]
    [InlineData("/{0}/foto.png")]
    public async Task A_key_that_names_no_workspace_or_climbs_out_of_it_is_refused(string pattern)
    {
        var key = string.Format(pattern, Guid.NewGuid().ToString("N"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(key, new MemoryStream([1])));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
    }

    [Fact]
    public async Task A_check_in_photo_key_files_under_its_workspace()
    {
        var key = $"checkins/{Guid.NewGuid():N}/{Guid.NewGuid():N}.jpg";
        await Store.SaveAsync(key, new MemoryStream([0xFF, 0xD8, 0xFF]));
        await using var read = await Store.OpenReadAsync(key);
        Assert.Equal(0xFF, read.ReadByte());
    }

    [Fact]
    public async Task A_read_seeks_to_any_offset_so_downloads_can_answer_range_requests()
    {
        var key = KeyOf(Guid.NewGuid(), "audio.ogg");
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 13)).ToArray();
        await Store.SaveAsync(key, new MemoryStream(bytes));

        await using var read = await Store.OpenReadAsync(key);
        Assert.True(read.CanSeek);
        Assert.Equal(bytes.Length, read.Length);
        read.Seek(60_000, SeekOrigin.Begin);
        var middle = new byte[500];
        await read.ReadExactlyAsync(middle);
        Assert.Equal(bytes[60_000..60_500], middle);
        read.Seek(10, SeekOrigin.Begin);
        var start = new byte[20];
        await read.ReadExactlyAsync(start);
        Assert.Equal(bytes[10..30], start);
    }
}
