using System.Text.Json.Nodes;
using OpenImis.Fhir.DataGenerator.Model;
using static OpenImis.Fhir.DataGenerator.Fhir.FhirJson;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>The reference data: locations, the insurer, health facilities, claim administrators and enrolment officers.</summary>
internal static class ReferenceResources
{
    public static JsonObject Location(RenderContext c, LocationRecord location)
    {
        var r = c.Ig.Copy(location.Level switch
        {
            LocationLevel.Region => "Location-Upper-River-Region",
            LocationLevel.District => "Location-Jimara-district",
            LocationLevel.Ward => "Location-Jamu-municipality",
            _ => "Location-Jamula-village",
        });
        r["id"] = location.Id;
        r["identifier"] = Identifiers(location.Code, location.Id);
        r["name"] = location.Name;
        r["physicalType"] = IgConcept(c.Ig, "location-type", location.TypeCode);
        if (location.ParentId is null) r.Remove("partOf");
        else r["partOf"] = Reference("Location", location.ParentId);
        return r;
    }

    /// <summary>The IG's insurer as it is: one per openIMIS instance.</summary>
    public static JsonObject Insurer(RenderContext c) => c.Ig.Copy("Organization-openIMIS-Implementation");

    public static JsonObject HealthFacility(RenderContext c, HealthFacilityRecord facility)
    {
        var r = c.Ig.Copy("Organization-RaptaDistrictHospital");
        var district = c.Locations[facility.DistrictId];
        var region = c.Locations[district.ParentId!];
        r["id"] = facility.Id;
        SetExtension(r, "organization-hf-care-type", "valueCodeableConcept", IgConcept(c.Ig, "organization-hf-care-type", facility.CareType));
        SetExtension(r, "organization-hf-legal-form", "valueCodeableConcept", IgConcept(c.Ig, "organization-hf-legal-form", facility.LegalForm));
        SetExtension(r, "organization-hf-level", "valueCodeableConcept", IgConcept(c.Ig, "organization-hf-level", facility.Level));
        var address = r["address"]![0]!.AsObject();
        SetExtension(address, "address-location-reference", "valueReference", Reference("Location", district.Id));
        address["line"] = new JsonArray($"{1 + StableHash.Below(facility.Id, "line", 200)} Hospital Road");
        address["district"] = district.Name;
        address["state"] = region.Name;
        var domain = facility.Code.ToLowerInvariant() + ".example.org";
        r["telecom"] = new JsonArray(
            new JsonObject { ["system"] = "phone", ["value"] = $"+255 22 {200 + StableHash.Below(facility.Id, "phone", 800)} {1000 + StableHash.Below(facility.Id, "phone2", 9000)}" },
            new JsonObject { ["system"] = "email", ["value"] = $"contact@{domain}" });
        var administrator = c.Data.ClaimAdministrators.First(a => a.HealthFacilityId == facility.Id);
        var contact = r["contact"]![0]!.AsObject();
        contact["name"] = new JsonObject { ["family"] = administrator.FamilyName, ["given"] = new JsonArray(administrator.GivenName) };
        contact["telecom"] = new JsonArray(new JsonObject { ["system"] = "email", ["value"] = Email(administrator.GivenName, administrator.FamilyName, domain) });
        r["identifier"] = Identifiers(facility.Code, facility.Id);
        r["name"] = facility.Name;
        return r;
    }

    public static JsonObject ClaimAdministrator(RenderContext c, ClaimAdministratorRecord administrator)
    {
        var r = c.Ig.Copy("Practitioner-Rushila-Dani-CA");
        r["id"] = administrator.Id;
        r["name"] = Name(administrator.FamilyName, administrator.GivenName);
        r["telecom"] = new JsonArray(new JsonObject { ["system"] = "email", ["value"] = AdministratorEmail(c, administrator) });
        r["identifier"] = Identifiers(administrator.Code, administrator.Id);
        r["birthDate"] = Date(administrator.BirthDate);
        return r;
    }

    public static JsonObject ClaimAdministratorRole(RenderContext c, ClaimAdministratorRecord administrator)
    {
        var r = c.Ig.Copy("PractitionerRole-Rushila-Dani-CA-role");
        r["id"] = administrator.Id;
        r["telecom"] = new JsonArray(new JsonObject { ["system"] = "email", ["value"] = AdministratorEmail(c, administrator) });
        r["identifier"] = Identifiers(administrator.Code, administrator.Id);
        r["practitioner"] = Reference("Practitioner", administrator.Id);
        r["organization"] = Reference("Organization", administrator.HealthFacilityId);
        return r;
    }

    public static JsonObject EnrolmentOfficer(RenderContext c, EnrolmentOfficerRecord officer)
    {
        var r = c.Ig.Copy("Practitioner-Roberts-Jeb-EO");
        var district = c.Locations[officer.DistrictId];
        r["id"] = officer.Id;
        r["name"] = Name(officer.FamilyName, officer.GivenName);
        r["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = OfficerPhone(officer) });
        var address = r["address"]![0]!.AsObject();
        SetExtension(address, "address-location-reference", "valueReference", Reference("Location", district.Id));
        address["line"] = new JsonArray($"{1 + StableHash.Below(officer.Id, "line", 99)} Market Street");
        address["district"] = district.Name;
        address["state"] = c.Locations[district.ParentId!].Name;
        r["identifier"] = Identifiers(officer.Code, officer.Id);
        r["birthDate"] = Date(officer.BirthDate);
        return r;
    }

    public static JsonObject EnrolmentOfficerRole(RenderContext c, EnrolmentOfficerRecord officer)
    {
        var r = c.Ig.Copy("PractitionerRole-Roberts-Jeb-EO-role");
        r["id"] = officer.Id;
        r.Remove("extension"); // no substitute officer
        r["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = OfficerPhone(officer) });
        r["identifier"] = Identifiers(officer.Code, officer.Id);
        r["period"] = new JsonObject { ["end"] = Date(new DateOnly(c.Data.Options.AsOf.Year + 2, 12, 31)) };
        r["practitioner"] = Reference("Practitioner", officer.Id);
        r["location"] = new JsonArray([.. officer.VillageIds.Select(v => (JsonNode)Reference("Location", v))]);
        return r;
    }

    public static JsonArray Name(string family, string given) =>
        new(new JsonObject { ["use"] = "official", ["family"] = family, ["given"] = new JsonArray(given) });

    private static string AdministratorEmail(RenderContext c, ClaimAdministratorRecord administrator) =>
        Email(administrator.GivenName, administrator.FamilyName, c.HealthFacilities[administrator.HealthFacilityId].Code.ToLowerInvariant() + ".example.org");

    private static string Email(string given, string family, string domain) => $"{given.ToLowerInvariant()}.{family.ToLowerInvariant()}@{domain}";

    private static string OfficerPhone(EnrolmentOfficerRecord officer) =>
        $"+255 75{StableHash.Below(officer.Id, "phone", 10)} {100 + StableHash.Below(officer.Id, "phone2", 900)} {100 + StableHash.Below(officer.Id, "phone3", 900)}";
}
