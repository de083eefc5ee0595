using System.Text;

namespace OpenImis.Fhir.Engine.Search;

/// <summary>
/// String search is case- and accent-insensitive (search.html#string): "José" is found by "jose". The program runs
/// with invariant globalization, where string.Normalize does not decompose accents, so Latin letters with diacritics
/// (Latin-1 Supplement, Latin Extended-A and -B) are folded by a table; everything is lower-cased.
/// </summary>
public static class TextNormalizer
{
    // Each character of Accented folds to the matching '|'-separated entry of Folded.
    private const string Accented = "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ";
    private const string Folded = "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o|o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o|o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|j|j|k|k|l|l|l|l|l|l|l|l|n|n|n|n|n|n|o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|o|o|u|u|a|a|i|i|o|o|u|u|u|u|u|u|u|u|u|u|a|a|a|a|g|g|k|k|o|o|o|o|j|g|g|n|n|a|a|a|a|a|a|e|e|e|e|i|i|i|i|o|o|o|o|r|r|r|r|u|u|u|u|s|s|t|t|h|h|a|a|e|e|o|o|o|o|o|o|o|o|y|y";

    private static readonly Dictionary<char, string> Folding = Build();

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = true;
        foreach (var c in text)
        {
            if (c >= 0x80 || char.IsUpper(c))
            {
                plain = false;
                break;
            }
        }
        if (plain) return text;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= 0xC0 && Folding.TryGetValue(c, out var folded)) builder.Append(folded);
            else builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        var folded = Folded.Split('|');
        var table = new Dictionary<char, string>(Accented.Length);
        for (var i = 0; i < Accented.Length; i++) table[Accented[i]] = folded[i];
        return table;
    }
}
