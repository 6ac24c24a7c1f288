namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>Where the repository's files are, seen from the test binaries (tests that read sources or run npm packages).</summary>
public static class RepoPaths
{
    /// <summary>The folder holding SalesCrm.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesCrm.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SalesCrm.sln not found above the test binaries.");
    }
}
