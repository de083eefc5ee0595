using OpenImis.Fhir.Engine.Search;

namespace OpenImis.Fhir.Storage.Search.Conditions;

/// <summary>
/// Membership of a compartment (compartmentdefinition.html): one of the compartment's parameters of the type refers
/// to the compartment's resource (one lookup in the reference index, whichever parameter it is), or, for
/// <c>{def}</c>, the resource is the compartment's own.
/// </summary>
internal static class CompartmentCondition
{
    public static string Sql(SqlBuilder sql, string resource, string resourceType, SearchCompartment compartment)
    {
        var codes = compartment.Parameters.Where(p => p != CompartmentCatalog.Itself).ToArray();
        var parts = new List<string>();
        if (codes.Length > 0)
        {
            var x = sql.Alias("x");
            parts.Add($"exists (select 1 from search_reference {x} where {x}.rid = {resource}.rid and {x}.resource_type = {sql.Add(resourceType)} " +
                $"and {x}.code = any({sql.Add(codes)}) and {x}.target_type = {sql.Add(compartment.Type)} and {x}.target_id = {sql.Add(compartment.Id)})");
        }
        if (codes.Length < compartment.Parameters.Count && resourceType == compartment.Type) parts.Add($"{resource}.id = {sql.Add(compartment.Id)}");
        return parts.Count switch
        {
            0 => "false",
            1 => parts[0],
            _ => "(" + string.Join(" or ", parts) + ")",
        };
    }
}
