using OpenImis.Fhir.Engine.Definitions;

namespace OpenImis.Fhir.Engine.Tests.Definitions;

public class DefinitionsDirectoryTests
{
    [Fact]
    public void finds_the_r4_folder_from_the_test_binaries()
    {
        var folder = DefinitionsDirectory.FindR4();

        Assert.True(File.Exists(Path.Combine(folder, "profiles-resources.json")), folder);
    }

    [Fact]
    public void finds_the_r4_folder_walking_up_from_a_nested_start_folder()
    {
        var r4 = DefinitionsDirectory.FindR4();
        var repositoryRoot = Path.GetFullPath(Path.Combine(r4, "..", "..", "..", "..", "..", ".."));
        var nested = Path.Combine(repositoryRoot, "src");

        var found = DefinitionsDirectory.TryFindR4(configured: null, nested);

        Assert.Equal(Path.GetFullPath(r4), Path.GetFullPath(found!));
    }

    [Fact]
    public void a_configured_folder_wins_over_the_search()
    {
        var configured = Path.GetTempPath();

        var found = DefinitionsDirectory.TryFindR4(configured, AppContext.BaseDirectory);

        Assert.Equal(Path.GetFullPath(configured), found);
    }

    [Fact]
    public void a_configured_folder_that_does_not_exist_is_reported()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-definitions-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<DirectoryNotFoundException>(() => DefinitionsDirectory.TryFindR4(missing, AppContext.BaseDirectory));

        Assert.Contains(DefinitionsDirectory.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void not_finding_the_folder_says_to_run_npm_ci()
    {
        var root = Path.GetPathRoot(Path.GetTempPath())!;

        var error = Assert.Throws<DirectoryNotFoundException>(() => DefinitionsDirectory.FindR4(configured: null, root));

        Assert.Contains("npm ci --ignore-scripts", error.Message, StringComparison.Ordinal);
    }
}
