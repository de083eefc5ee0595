using System.Text.Json.Nodes;
using OpenImis.Fhir.DataGenerator.Model;
using static OpenImis.Fhir.DataGenerator.Fhir.FhirJson;

namespace OpenImis.Fhir.DataGenerator.Fhir;

/// <summary>Products (InsurancePlan), medical items (Medication) and medical services (ActivityDefinition).</summary>
internal static class CatalogueResources
{
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private const string Gender = "http://hl7.org/fhir/administrative-gender";

    public static JsonObject Product(RenderContext c, ProductRecord product)
    {
        var r = c.Ig.Copy("InsurancePlan-RX01");
        r["id"] = product.Id;
        RemoveExtension(r, "insurance-plan-conversion");
        SetExtension(r, "insurance-plan-max-installments", "valueUnsignedInt", 1 + StableHash.Below(product.Id, "installments", 4));
        foreach (var cost in r["plan"]![0]!["generalCost"]!.AsArray())
        {
            var (value, groupSize) = cost!["type"]!["coding"]![0]!["code"]!.GetValue<string>() switch
            {
                "lumpsum" => (product.LumpSum, (int?)6),
                "premiumAdult" => (product.PremiumAdult, null),
                "premiumChild" => (product.PremiumChild, null),
                _ => (5m * (1 + StableHash.Below(product.Id, "fee", 4)), null),
            };
            cost["cost"] = Money(value);
            if (groupSize is { } size) cost["groupSize"] = size;
        }
        r["identifier"] = Identifiers(product.Code, product.Id);
        r["name"] = product.Name;
        r["period"] = new JsonObject { ["start"] = Date(product.Start), ["end"] = Date(product.End) };
        r["coverageArea"] = new JsonArray(Reference("Location", product.RegionId));
        return r;
    }

    public static JsonObject MedicalItem(RenderContext c, MedicalItemRecord item)
    {
        var r = c.Ig.Copy("Medication-AspirinMedication");
        r["id"] = item.Id;
        SetExtension(r, "unit-price", "valueMoney", Money(item.Price));
        SetExtension(r, "medication-type", "valueCodeableConcept", IgConcept(c.Ig, "medication-item-type", item.Type));
        r["identifier"] = Identifiers(item.Code, item.Id);
        // The template's SNOMED code is aspirin's: only the name (code.text, what openIMIS sends) varies.
        r["code"] = new JsonObject { ["text"] = item.Name };
        if (!item.Name.Contains(" TABS ", StringComparison.Ordinal)) r.Remove("form"); // the template's form is Tablet
        r["amount"]!["numerator"]!["value"] = item.PackageSize;
        return r;
    }

    public static JsonObject MedicalService(RenderContext c, MedicalServiceRecord service)
    {
        var r = c.Ig.Copy("ActivityDefinition-GeneralConsultationService");
        r["id"] = service.Id;
        SetExtension(r, "unit-price", "valueMoney", Money(service.Price));
        SetExtension(r, "activity-definition-level", "valueCodeableConcept", IgConcept(c.Ig, "activity-definition-level", service.Level));
        foreach (var context in r["useContext"]!.AsArray())
        {
            var codings = context!["valueCodeableConcept"]!["coding"]!.AsArray();
            switch (context["code"]!["code"]!.GetValue<string>())
            {
                case "venue":
                    codings.Clear();
                    codings.Add(Coding(ActCode, service.CareType, service.CareType == "AMB" ? "ambulatory" : "inpatient encounter"));
                    break;
                case "gender":
                    codings.Clear();
                    if (service.Gender != "female") codings.Add(Coding(Gender, "male", "Male"));
                    if (service.Gender != "male") codings.Add(Coding(Gender, "female", "Female"));
                    break;
                case "age":
                    codings.Clear();
                    if (service.Adult) codings.Add(Coding(CodeSystem("usage-context-age-type"), "adult", "Adult"));
                    if (service.Child) codings.Add(Coding(CodeSystem("usage-context-age-type"), "child", "Child"));
                    break;
                case "workflow":
                    codings.Clear();
                    codings.Add(IgConcept(c.Ig, "activity-definition-usage-context-workflow-type", service.Category)["coding"]![0]!.DeepClone());
                    break;
            }
        }
        r["identifier"] = Identifiers(service.Code, service.Id);
        r["name"] = service.Code;
        r["title"] = service.Name;
        r["topic"] = new JsonArray(IgConcept(c.Ig, "activity-definition-service-type", service.ServiceType));
        return r;
    }
}
