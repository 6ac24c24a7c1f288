using Microsoft.AspNetCore.StaticFiles;

namespace SalesCrm.Web.Infrastructure.Storage;

/// <summary>The content type an object is stored with, from its key's extension (the services keep the declared type in their own rows).</summary>
public static class StorageContentTypes
{
    private static readonly FileExtensionContentTypeProvider Provider = new();

    public static string For(string key) => Provider.TryGetContentType(key, out var type) ? type : "application/octet-stream";
}
