using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImis.Fhir.DataGenerator.Model;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>
/// Renders a data set into transaction Bundles. Resources come in units that must share a Bundle: a family with its
/// members (they refer to each other: Patient to Group and Group to Patient) and its policies; a claim with its
/// response. Units are packed in order until the next one would pass the Bundle size.
/// </summary>
internal sealed class BundlePlanner(DataSet data, IgTemplates ig)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly RenderContext _context = new(data, ig);

    public IEnumerable<DataSetBundle> Bundles(int bundleSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bundleSize, 1);
        var index = 0;
        foreach (var (phase, units) in Phases())
        {
            var pending = new List<(string Type, string Id, JsonObject Resource)>(bundleSize);
            foreach (var unit in units)
            {
                if (pending.Count > 0 && pending.Count + unit.Count > bundleSize)
                {
                    yield return Write(index++, phase, pending);
                    pending.Clear();
                }
                pending.AddRange(unit);
            }
            if (pending.Count > 0) yield return Write(index++, phase, pending);
        }
    }

    private IEnumerable<(DataSetPhase, IEnumerable<List<(string, string, JsonObject)>>)> Phases()
    {
        yield return (DataSetPhase.ReferenceData, ReferenceData().Select(r => new List<(string, string, JsonObject)> { r }));
        yield return (DataSetPhase.Households, Households());
        yield return (DataSetPhase.Claims, Claims());
    }

    // Dependency order: each resource refers only to resources before it.
    private IEnumerable<(string, string, JsonObject)> ReferenceData()
    {
        var c = _context;
        yield return ("Organization", DataSet.InsurerId, ReferenceResources.Insurer(c));
        foreach (var location in data.Locations) yield return ("Location", location.Id, ReferenceResources.Location(c, location));
        foreach (var facility in data.HealthFacilities) yield return ("Organization", facility.Id, ReferenceResources.HealthFacility(c, facility));
        foreach (var administrator in data.ClaimAdministrators)
        {
            yield return ("Practitioner", administrator.Id, ReferenceResources.ClaimAdministrator(c, administrator));
            yield return ("PractitionerRole", administrator.Id, ReferenceResources.ClaimAdministratorRole(c, administrator));
        }
        foreach (var officer in data.EnrolmentOfficers)
        {
            yield return ("Practitioner", officer.Id, ReferenceResources.EnrolmentOfficer(c, officer));
            yield return ("PractitionerRole", officer.Id, ReferenceResources.EnrolmentOfficerRole(c, officer));
        }
        foreach (var product in data.Products) yield return ("InsurancePlan", product.Id, CatalogueResources.Product(c, product));
        foreach (var item in data.MedicalItems) yield return ("Medication", item.Id, CatalogueResources.MedicalItem(c, item));
        foreach (var service in data.MedicalServices) yield return ("ActivityDefinition", service.Id, CatalogueResources.MedicalService(c, service));
    }

    private IEnumerable<List<(string, string, JsonObject)>> Households()
    {
        var policiesOf = data.Policies.ToLookup(p => p.FamilyId);
        foreach (var family in data.Families)
        {
            var unit = new List<(string, string, JsonObject)> { ("Group", family.Id, HouseholdResources.Group(_context, family)) };
            foreach (var member in family.MemberIds) unit.Add(("Patient", member, HouseholdResources.Patient(_context, _context.Insurees[member])));
            foreach (var policy in policiesOf[family.Id])
            {
                unit.Add(("Contract", policy.Id, HouseholdResources.Contract(_context, policy)));
                unit.Add(("Coverage", policy.Id, HouseholdResources.Coverage(_context, policy)));
            }
            yield return unit;
        }
    }

    private IEnumerable<List<(string, string, JsonObject)>> Claims()
    {
        foreach (var claim in data.Claims)
        {
            var unit = new List<(string, string, JsonObject)>(2) { ("Claim", claim.Id, ClaimResources.Claim(_context, claim)) };
            if (claim.HasResponse) unit.Add(("ClaimResponse", claim.Id, ClaimResources.Response(_context, claim)));
            yield return unit;
        }
    }

    // Every entry is a PUT with the resource's id: ids are known before loading, and a repeated Bundle is harmless.
    private static DataSetBundle Write(int index, DataSetPhase phase, List<(string Type, string Id, JsonObject Resource)> entries)
    {
        var buffer = new ArrayBufferWriter<byte>(entries.Count * 3000);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("type", "transaction");
            writer.WriteStartArray("entry");
            foreach (var (type, id, resource) in entries)
            {
                writer.WriteStartObject();
                if (Guid.TryParse(id, out _)) writer.WriteString("fullUrl", $"urn:uuid:{id}"); // the insurer's id is not a UUID
                writer.WritePropertyName("resource");
                resource.WriteTo(writer);
                writer.WriteStartObject("request");
                writer.WriteString("method", "PUT");
                writer.WriteString("url", $"{type}/{id}");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return new DataSetBundle(index, phase, [.. entries.Select(e => $"{e.Type}/{e.Id}")], buffer.WrittenMemory);
    }
}
