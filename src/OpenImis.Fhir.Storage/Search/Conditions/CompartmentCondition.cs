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
        if (resourceType == SearchRequest.AnyType) return AnyTypeSql(sql, resource, compartment);
        var parameters = compartment.Members[resourceType];
        var codes = parameters.Where(p => p != CompartmentCatalog.Itself).ToArray();
        var parts = new List<string>();
        if (codes.Length > 0)
        {
            var x = sql.Alias("x");
            parts.Add($"exists (select 1 from search_reference {x} where {x}.rid = {resource}.rid and {x}.resource_type = {sql.Add(resourceType)} " +
                $"and {x}.code = any({sql.Add(codes)}) and {x}.target_type = {sql.Add(compartment.Type)} and {x}.target_id = {sql.Add(compartment.Id)})");
        }
        if (codes.Length < parameters.Count && resourceType == compartment.Type) parts.Add($"{resource}.id = {sql.Add(compartment.Id)}");
        return parts.Count switch
        {
            0 => "false",
            1 => parts[0],
            _ => "(" + string.Join(" or ", parts) + ")",
        };
    }

    // Every type at once (Patient/123/*): the rids of the references to the compartment's resource, read once from
    // the reverse index on (target_type, target_id) and kept when their type and code are a member's, plus the
    // resource itself when its type has {def}. One index lookup for all types, not one query per type.
    private static string AnyTypeSql(SqlBuilder sql, string resource, SearchCompartment compartment)
    {
        var links = compartment.Members
            .SelectMany(m => m.Value.Where(p => p != CompartmentCatalog.Itself).Select(p => m.Key + "." + p))
            .Order(StringComparer.Ordinal).ToArray();
        var parts = new List<string>();
        if (links.Length > 0)
        {
            var x = sql.Alias("x");
            parts.Add($"select {x}.rid from search_reference {x} where {x}.target_type = {sql.Add(compartment.Type)} and {x}.target_id = {sql.Add(compartment.Id)} " +
                $"and {x}.resource_type || '.' || {x}.code = any({sql.Add(links)})");
        }
        if (compartment.Members.TryGetValue(compartment.Type, out var own) && own.Contains(CompartmentCatalog.Itself))
        {
            var f = sql.Alias("f");
            parts.Add($"select {f}.rid from fhir_resource {f} where {f}.resource_type = {sql.Add(compartment.Type)} and {f}.id = {sql.Add(compartment.Id)}");
        }
        return parts.Count == 0 ? "false" : $"{resource}.rid in ({string.Join(" union all ", parts)})";
    }
}
