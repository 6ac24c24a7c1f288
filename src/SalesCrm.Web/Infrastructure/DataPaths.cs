namespace SalesCrm.Web.Infrastructure;

/// <summary>Where the embedded defaults keep their files: SQLite database, keys, uploads (<c>Storage:DataPath</c>, default <c>data/</c>).</summary>
public sealed class DataPaths
{
    public DataPaths(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataPath"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Path.Combine(environment.ContentRootPath, "data") : configured,
            environment.ContentRootPath);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string File(string name) => Path.Combine(Root, name);

    public string Folder(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
