using System.Text.Json.Nodes;
using OpenImis.Fhir.DataGenerator.Model;
using static OpenImis.Fhir.DataGenerator.Fhir.FhirJson;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>A family (Group), its members (Patient) and its policies (Contract and Coverage).</summary>
internal static class HouseholdResources
{
    private static readonly string[] EducationLevels = ["1", "2", "2", "2", "3", "3", "4", "5", "7"];
    private static readonly string[] Professions = ["1", "2", "3", "3", "3", "4"];
    private static readonly string[] IdentificationTypes = ["N", "N", "N", "V", "D", "P"];

    public static JsonObject Patient(RenderContext c, InsureeRecord insuree)
    {
        var r = c.Ig.Copy("Patient-john-doe");
        var (ward, district, region) = c.Above(insuree.VillageId);
        var family = c.Families[insuree.FamilyId];
        var age = c.Data.Options.AsOf.Year - insuree.BirthDate.Year;
        var id = insuree.Id;
        r["id"] = id;
        r["name"] = ReferenceResources.Name(insuree.FamilyName, insuree.GivenName);
        SetExtension(r, "patient-is-head", "valueBoolean", insuree.IsHead);
        if (age >= 6) SetExtension(r, "patient-education-level", "valueCodeableConcept", IgConcept(c.Ig, "patient-education-level", StableHash.Pick(id, "education", EducationLevels)));
        else RemoveExtension(r, "patient-education-level");
        if (age >= 16) SetExtension(r, "patient-profession", "valueCodeableConcept", IgConcept(c.Ig, "patient-profession", StableHash.Pick(id, "profession", Professions)));
        else RemoveExtension(r, "patient-profession");
        if (age >= 18 && StableHash.Chance(id, "identification", 0.6))
        {
            var identification = FindExtension(r, "patient-identification");
            var type = StableHash.Pick(id, "identification-type", IdentificationTypes);
            SetSubExtension(identification, "number", "valueString", $"{type}{StableHash.Of(id, "identification-number") % 100_000_000:D8}");
            SetSubExtension(identification, "type", "valueCodeableConcept", IgConcept(c.Ig, "patient-identification-type", type));
        }
        else
        {
            RemoveExtension(r, "patient-identification");
        }
        SetExtension(r, "patient-card-issued", "valueBoolean", StableHash.Chance(id, "card", 0.75));
        SetExtension(r, "patient-group-reference", "valueReference", Reference("Group", insuree.FamilyId));
        SetExtension(r, "patient-vulnerability-status", "valueBoolean", StableHash.Chance(id, "vulnerable", 0.05));
        r["address"] = new JsonArray(Address(c, family, ward, district, region));
        r["identifier"] = Identifiers(insuree.Code, id);
        r["gender"] = insuree.Gender;
        r["birthDate"] = Date(insuree.BirthDate);
        r["maritalStatus"] = MaritalStatus(insuree.MaritalStatus);
        if (insuree.IsHead)
        {
            r.Remove("contact");
        }
        else
        {
            var head = c.Insurees[family.HeadId];
            r["contact"] = new JsonArray(new JsonObject
            {
                ["relationship"] = new JsonArray(IgConcept(c.Ig, "patient-contact-relationship", Relationship(head, insuree))),
                ["name"] = new JsonObject { ["family"] = head.FamilyName, ["given"] = new JsonArray(head.GivenName) },
            });
        }
        if (insuree.Phone is not null) r["telecom"] = new JsonArray(new JsonObject { ["system"] = "phone", ["value"] = insuree.Phone });
        r["generalPractitioner"] = new JsonArray(Reference("Organization", insuree.HealthFacilityId));
        r["active"] = insuree.Active;
        return r;
    }

    public static JsonObject Group(RenderContext c, FamilyRecord family)
    {
        var r = c.Ig.Copy("Group-doe-family");
        var (ward, district, region) = c.Above(family.VillageId);
        var head = c.Insurees[family.HeadId];
        r["id"] = family.Id;
        SetExtension(r, "group-address", "valueAddress", Address(c, family, ward, district, region));
        SetExtension(r, "group-poverty-status", "valueBoolean", family.Poor);
        SetExtension(r, "group-type", "valueCodeableConcept", IgConcept(c.Ig, "group-type", family.Type));
        if (StableHash.Chance(family.Id, "confirmation", 0.3))
        {
            var confirmation = FindExtension(r, "group-confirmation");
            var type = StableHash.Pick(family.Id, "confirmation-type", ["A", "B", "C", "D"]);
            SetSubExtension(confirmation, "number", "valueString", $"Reg{StableHash.Of(family.Id, "confirmation-number") % 1_000_000:D6}");
            SetSubExtension(confirmation, "type", "valueCodeableConcept", IgConcept(c.Ig, "group-confirmation-type", type));
        }
        else
        {
            RemoveExtension(r, "group-confirmation");
        }
        r["identifier"] = Identifiers(family.Code, family.Id);
        r["active"] = head.Active;
        r["name"] = $"{head.FamilyName} {head.GivenName}";
        r["quantity"] = family.MemberIds.Count;
        r["member"] = new JsonArray([.. family.MemberIds.Select(m => (JsonNode)new JsonObject { ["entity"] = Reference("Patient", m) })]);
        return r;
    }

    public static JsonObject Coverage(RenderContext c, PolicyRecord policy)
    {
        var r = c.Ig.Copy("Coverage-JoeDoeCoverage");
        var product = c.Products[policy.ProductId];
        var head = c.Families[policy.FamilyId].HeadId;
        r["id"] = policy.Id;
        // Two coverage-date extensions, by position: the enrolment date, then the effective date.
        var dates = r["extension"]!.AsArray();
        dates[0]!["valueDate"] = Date(policy.EnrollDate);
        dates[1]!["valueDate"] = Date(policy.EffectiveDate);
        r["class"]![0]!["value"] = product.Code;
        r["class"]![0]!["name"] = product.Name;
        r["identifier"] = Identifiers(null, policy.Id);
        r["status"] = policy.Status switch
        {
            PolicyStatus.Idle => "draft",
            PolicyStatus.Suspended => "cancelled",
            _ => "active",
        };
        r["policyHolder"] = Reference("Patient", head);
        r["beneficiary"] = Reference("Patient", head);
        r["period"] = new JsonObject { ["start"] = Date(policy.StartDate), ["end"] = Date(policy.ExpiryDate) };
        r["payor"] = new JsonArray(Reference("Patient", head));
        return r;
    }

    public static JsonObject Contract(RenderContext c, PolicyRecord policy)
    {
        var r = c.Ig.Copy("Contract-InformalSectorContract");
        var family = c.Families[policy.FamilyId];
        r["id"] = policy.Id;
        r["identifier"] = Identifiers(null, policy.Id);
        var term = r["term"]![0]!.AsObject();
        term["offer"]!["party"]![0]!["reference"] = new JsonArray(Reference("Patient", family.HeadId));
        var asset = term["asset"]![0]!.AsObject();
        if (policy.Status == PolicyStatus.Idle)
        {
            asset.Remove("extension"); // not paid yet
        }
        else
        {
            var premium = FindExtension(asset, "contract-premium");
            SetSubExtension(premium, "amount", "valueMoney", Money(policy.Value));
            SetSubExtension(premium, "receipt", "valueString", $"RE{StableHash.Of(policy.Id, "receipt") % 1_000_000:D6}");
            SetSubExtension(premium, "date", "valueDate", Date(policy.EffectiveDate));
            SetSubExtension(premium, "type", "valueCodeableConcept", IgConcept(c.Ig, "contract-premium-type", StableHash.Pick(policy.Id, "payment", ["C", "C", "C", "M", "M", "B"])));
        }
        asset["typeReference"] = new JsonArray([.. family.MemberIds.Select(m => (JsonNode)Reference("Patient", m))]);
        asset["period"] = new JsonArray(new JsonObject { ["start"] = Date(policy.StartDate), ["end"] = Date(policy.ExpiryDate) });
        asset["usePeriod"] = new JsonArray(new JsonObject { ["start"] = Date(policy.EffectiveDate), ["end"] = Date(policy.ExpiryDate) });
        var valued = asset["valuedItem"]![0]!.AsObject();
        valued["entityReference"] = Reference("InsurancePlan", policy.ProductId);
        valued["net"] = Money(policy.Value);
        r["status"] = policy.Status == PolicyStatus.Idle ? "offered" : "executed";
        r["issued"] = Date(policy.EnrollDate);
        r["subject"] = new JsonArray(Reference("Group", family.Id));
        r["author"] = Reference("Practitioner", policy.OfficerId);
        return r;
    }

    private static JsonObject Address(RenderContext c, FamilyRecord family, LocationRecord ward, LocationRecord district, LocationRecord region)
    {
        var village = c.Locations[family.VillageId];
        return new JsonObject
        {
            ["extension"] = new JsonArray(
                new JsonObject { ["url"] = Extension("address-municipality"), ["valueString"] = ward.Name },
                new JsonObject { ["url"] = Extension("address-location-reference"), ["valueReference"] = Reference("Location", village.Id) }),
            ["use"] = "home",
            ["type"] = "physical",
            ["line"] = new JsonArray($"{1 + StableHash.Below(family.Id, "house", 150)} {village.Name}"),
            ["city"] = village.Name,
            ["district"] = district.Name,
            ["state"] = region.Name,
        };
    }

    private static JsonObject MaritalStatus(string code) => code == "UNK"
        ? Concept("http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "UNK", "unknown")
        : Concept("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", code, code switch
        {
            "M" => "Married",
            "S" => "Single",
            "D" => "Divorced",
            _ => "Widowed",
        });

    // Spouse, parent or child of the head, from age and marital status (the generator makes no other kinds).
    private static string Relationship(InsureeRecord head, InsureeRecord member)
    {
        var older = head.BirthDate.Year - member.BirthDate.Year;
        if (older >= 15) return "2";
        if (member.MaritalStatus == "M" && older > -15) return "8";
        return "4";
    }
}
