using System.Xml;
using OpenImis.Fhir.Engine.FhirPath.Compilation;
using OpenImis.Fhir.Engine.FhirPath.Operators;

namespace OpenImis.Fhir.Engine.FhirPath.Functions;

/// <summary>
/// htmlChecks() (FHIR R4 fhirpath.html, narrative rules in narrative.html#xhtml): the div is well-formed XHTML in the
/// XHTML namespace, uses only the basic HTML 4 formatting elements, no event handler attributes, no script URLs.
/// </summary>
internal static class NarrativeChecks
{
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    private static readonly HashSet<string> AllowedElements = new(StringComparer.Ordinal)
    {
        "a", "abbr", "acronym", "address", "area", "b", "bdo", "big", "blockquote", "br", "caption", "cite", "code",
        "col", "colgroup", "dd", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
        "kbd", "li", "map", "ol", "p", "pre", "q", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "tt", "ul", "var",
    };

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = false,
    };

    public static FhirPathCollection Check(FhirPathCollection focus, FunctionArguments arguments)
    {
        if (focus.IsEmpty) return FhirPathCollection.Empty;
        if (focus.Count > 1) throw arguments.Error($"expects a single input item but got {focus.Count}.");
        return Items.Unwrap(focus.Single) is string html ? FhirPathCollection.FromBoolean(IsValid(html)) : FhirPathCollection.False;
    }

    internal static bool IsValid(string html)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(html), Settings);
            var root = true;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.NamespaceURI != XhtmlNamespace || !AllowedElements.Contains(reader.LocalName)) return false;
                        if (root && reader.LocalName != "div") return false;
                        root = false;
                        if (!AttributesAllowed(reader)) return false;
                        break;
                    case XmlNodeType.ProcessingInstruction:
                    case XmlNodeType.DocumentType:
                        return false;
                }
            }
            return !root;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool AttributesAllowed(XmlReader reader)
    {
        if (!reader.MoveToFirstAttribute()) return true;
        try
        {
            do
            {
                if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns") continue;
                var name = reader.LocalName;
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return false;
                if (name is "href" or "src" or "usemap" or "action" or "background")
                {
                    var value = reader.Value.AsSpan().Trim();
                    if (value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)) return false;
                }
            } while (reader.MoveToNextAttribute());
            return true;
        }
        finally
        {
            reader.MoveToElement();
        }
    }
}
