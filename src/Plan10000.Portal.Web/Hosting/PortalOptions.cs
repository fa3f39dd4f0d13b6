namespace Plan10000.Portal.Web.Hosting;

/// <summary>The "Portal" configuration section (environment: Portal__...).</summary>
internal sealed class PortalOptions
{
    public string DataDirectory { get; set; } = "App_Data";
    public string PublicTheme { get; set; } = "Dsfr";
    public SeedOptions Seed { get; set; } = new();

    internal sealed class SeedOptions
    {
        public bool? Demo { get; set; }
        public int ScaleCompanies { get; set; }
    }
}

internal static class DemoSwitch
{
    /// <summary>Demo data is on in Development unless Portal:Seed:Demo says otherwise.</summary>
    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment)
        => configuration.GetValue<bool?>("Portal:Seed:Demo") ?? environment.IsDevelopment();
}
