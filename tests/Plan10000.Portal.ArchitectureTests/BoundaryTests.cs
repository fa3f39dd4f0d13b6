using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Plan10000.Portal.Abstractions.Modules;
using Plan10000.Portal.Abstractions.Themes;
using Plan10000.Portal.Infrastructure.Data;

namespace Plan10000.Portal.ArchitectureTests;

/// <summary>Each rule runs on the real assemblies, then on a planted violation to prove that it can fail.</summary>
public sealed class BoundaryTests
{
    private static readonly Assembly Abstractions = typeof(ModuleStartup).Assembly;
    private static readonly Assembly Infrastructure = typeof(PortalDbContext).Assembly;

    [Fact]
    public void The_modules_and_themes_are_found()
    {
        Assert.Contains(Rules.Modules, m => m.GetName().Name == "Plan10000.Modules.Referentials");
        Assert.Contains(Rules.Modules, m => m.GetName().Name == "Plan10000.Modules.Accounts");
        Assert.Equal(3, Rules.Themes.Count);
    }

    [Fact]
    public void Modules_and_themes_reference_only_abstractions()
        => Assert.Empty(Rules.Modules.Concat(Rules.Themes).SelectMany(Rules.ForbiddenProjectReferences));

    [Fact]
    public void Planted_violation_a_project_referencing_a_module_is_caught()
        => Assert.Contains(Rules.ForbiddenProjectReferences(Assembly.Load("Plan10000.Portal.Migrations.Sqlite")), v => v.Contains("Plan10000.Modules.Referentials", StringComparison.Ordinal));

    [Fact]
    public void Abstractions_holds_contracts_only()
        => Assert.Empty(Rules.ContractOnlyViolations(Abstractions));

    [Fact]
    public void Planted_violation_a_contract_project_with_ef_core_is_caught()
        => Assert.Contains(Rules.ContractOnlyViolations(Infrastructure), v => v.Contains("EntityFrameworkCore", StringComparison.Ordinal));

    [Fact]
    public void Every_module_has_the_module_anatomy()
        => Assert.Empty(Rules.Modules.SelectMany(Rules.AnatomyViolations));

    [Fact]
    public void Planted_violation_an_assembly_without_the_anatomy_is_caught()
        => Assert.Equal(4, Rules.AnatomyViolations(Abstractions).Count());

    [Fact]
    public void Each_module_context_maps_only_its_own_tables_without_foreign_keys_to_others()
    {
        var contexts = Rules.Modules.SelectMany(m => m.GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (Context: t, Module: m.GetCustomAttribute<PortalModuleAttribute>()!.Id))).ToList();

        Assert.NotEmpty(contexts);
        Assert.Empty(contexts.SelectMany(c => Rules.TableOwnershipViolations(c.Context, c.Module)));
        Assert.Empty(Rules.TableOwnershipViolations(typeof(PortalDbContext), PortalDbContext.ModuleId));
    }

    [Fact]
    public void Planted_violation_a_context_mapping_another_module_tables_is_caught()
        => Assert.NotEmpty(Rules.TableOwnershipViolations(typeof(PortalDbContext), "Referentials"));

    [Fact]
    public void Every_public_theme_supplies_the_whole_theme_contract()
    {
        var publicThemes = Rules.Themes.Where(t => t.GetCustomAttribute<PortalThemeAttribute>()!.Kind == ThemeKind.Public).ToList();

        Assert.Equal(2, publicThemes.Count);
        Assert.Empty(Rules.Themes.SelectMany(t => Rules.MissingThemeTemplates(Rules.ThemeChain(t))));
    }

    [Fact]
    public void Planted_violation_a_theme_without_its_components_is_caught()
    {
        var admin = Rules.Themes.Single(t => t.GetCustomAttribute<PortalThemeAttribute>()!.Id == "Admin");

        Assert.Contains(Rules.MissingThemeTemplates([admin]), v => v.Contains("_Card", StringComparison.Ordinal));
    }

    [Fact]
    public void No_module_controller_is_longer_than_the_limit()
    {
        Assert.True(Directory.Exists(Path.Combine(Rules.ModulesDirectory, "Plan10000.Modules.Companies", "Controllers")));
        Assert.Empty(Rules.OversizedControllers(Rules.ModulesDirectory));
    }

    [Fact]
    public void Planted_violation_an_oversized_controller_is_caught()
    {
        var modules = Directory.CreateTempSubdirectory("modules-");
        try
        {
            void Plant(string relative, int lines)
            {
                var path = Path.Combine(modules.FullName, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllLines(path, Enumerable.Range(1, lines).Select(i => $"// ligne {i}"));
            }

            Plant("Plan10000.Modules.Planted/Controllers/LongController.cs", Rules.MaxControllerLines + 1);
            Plant("Plan10000.Modules.Planted/Controllers/ShortController.cs", Rules.MaxControllerLines);
            Plant("Plan10000.Modules.Planted/Areas/Planted/LongAdminController.cs", Rules.MaxControllerLines + 50);
            Plant("Plan10000.Modules.Planted/Services/LongService.cs", Rules.MaxControllerLines * 2);
            Plant("Plan10000.Modules.Planted/obj/Controllers/Generated.cs", Rules.MaxControllerLines * 2);

            Assert.Equal(
                ["Plan10000.Modules.Planted/Areas/Planted/LongAdminController.cs : 350 lignes (au plus 300)", "Plan10000.Modules.Planted/Controllers/LongController.cs : 301 lignes (au plus 300)"],
                Rules.OversizedControllers(modules.FullName));
        }
        finally
        {
            modules.Delete(recursive: true);
        }
    }

    [Fact]
    public void Module_types_are_internal_unless_the_framework_needs_them_public()
    {
        var allowed = new[] { typeof(ModuleStartup), typeof(DbContext), typeof(Microsoft.AspNetCore.Mvc.ControllerBase) };
        var leaks = Rules.Modules.SelectMany(m => m.GetExportedTypes())
            .Where(t => !allowed.Any(a => a.IsAssignableFrom(t)))
            .Where(t => !t.Namespace!.EndsWith(".ViewModels", StringComparison.Ordinal) && !t.Namespace.EndsWith(".Controllers", StringComparison.Ordinal) && !t.Namespace.EndsWith(".Models", StringComparison.Ordinal))
            .Where(t => !t.Namespace!.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(leaks);
    }
}
