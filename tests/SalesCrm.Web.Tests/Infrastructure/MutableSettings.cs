using Microsoft.Extensions.Configuration;

namespace SalesCrm.Web.Tests.Infrastructure;

/// <summary>A configuration source a test changes while the app runs (what an edited appsettings.json does): <see cref="Set"/> reloads.</summary>
public sealed class MutableSettings : ConfigurationProvider, IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Sets the values and signals a configuration reload (options monitors see them at once).</summary>
    public void Set(params (string Key, string? Value)[] values)
    {
        foreach (var (key, value) in values) Data[key] = value;
        OnReload();
    }
}
