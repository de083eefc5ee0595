namespace OpenImis.Fhir.DataGenerator.Generation;

/// <summary>
/// Small name lists in the style of the countries that run openIMIS (Tanzania, Cameroon, The Gambia, Nepal, ...):
/// enough variety for name searches to return a few matches out of many, not so much that every name is unique.
/// </summary>
internal static class Names
{
    public static readonly string[] Family =
    [
        "Mwale", "Banda", "Phiri", "Tembo", "Mbewe", "Kamau", "Otieno", "Mwangi", "Njoroge", "Wanjiru",
        "Mushi", "Massawe", "Mollel", "Kimaro", "Lyimo", "Swai", "Temba", "Minja", "Shirima", "Urio",
        "Juma", "Hassan", "Mohamed", "Salim", "Bakari", "Omari", "Rashidi", "Mfinanga", "Mrema", "Macha",
        "Ceesay", "Jallow", "Sowe", "Touray", "Njie", "Bah", "Camara", "Jammeh", "Sanneh", "Darboe",
        "Fofana", "Diallo", "Traore", "Keita", "Kone", "Ngono", "Mbarga", "Etoa", "Fouda", "Atangana",
        "Tamang", "Gurung", "Shrestha", "Thapa", "Rai", "Magar", "Karki", "Adhikari", "Bhandari", "Poudel",
        "Mutua", "Kiprono", "Chebet", "Achieng", "Ouma", "Nyirenda", "Chirwa", "Lungu", "Zulu", "Moyo",
        "Ndlovu", "Dube", "Sibanda", "Ncube", "Mahlangu", "Rushila", "Doe", "Roberts", "Mkapa", "Nyerere",
    ];

    public static readonly string[] Male =
    [
        "John", "Joseph", "Peter", "James", "Daniel", "Emmanuel", "Samuel", "David", "Michael", "Paul",
        "Juma", "Hamisi", "Baraka", "Amani", "Omari", "Said", "Ally", "Musa", "Idrissa", "Rajabu",
        "Lamin", "Ousman", "Ebrima", "Modou", "Alieu", "Abdoulie", "Momodou", "Sainey", "Bakary", "Kebba",
        "Ram", "Hari", "Krishna", "Bikash", "Suman", "Rajesh", "Dipesh", "Anil", "Prakash", "Ramesh",
        "Kofi", "Kwame", "Yaw", "Chinedu", "Tendai", "Tatenda", "Jeb", "Dani", "Jean", "Pierre",
    ];

    public static readonly string[] Female =
    [
        "Mary", "Grace", "Jane", "Elizabeth", "Anna", "Rose", "Esther", "Joyce", "Agnes", "Lucy",
        "Neema", "Rehema", "Zawadi", "Upendo", "Halima", "Mwanaidi", "Asha", "Fatuma", "Zainabu", "Mariamu",
        "Fatou", "Isatou", "Awa", "Mariama", "Binta", "Haddy", "Kaddy", "Ndey", "Oumie", "Aji",
        "Sita", "Gita", "Sunita", "Anita", "Sarita", "Kamala", "Laxmi", "Radha", "Puja", "Sabina",
        "Ama", "Akosua", "Ngozi", "Chipo", "Rudo", "Nyasha", "Wanjiku", "Akinyi", "Aline", "Brigitte",
    ];

    // Place names are built from two or three of these syllables (Jamula, Kibaha, ...).
    private static readonly string[] Syllables =
    [
        "ja", "mu", "la", "ki", "ba", "ha", "ma", "ra", "ta", "ri", "mbo", "nga", "ku", "sa", "lo", "we", "ndi", "ko",
        "pa", "ti", "zi", "na", "mi", "bu", "ga", "ru", "se", "to", "wa", "yo", "che", "shi", "dodo", "mto", "kili",
    ];

    public static readonly string[] RegionSuffixes = ["Region", "Highlands", "Lakes", "Coast", "Valley", "Plains", "Hills", "River Region"];

    public static string Place(SeededRandom random)
    {
        var count = random.Chance(0.6) ? 3 : 2;
        var text = string.Concat(Enumerable.Range(0, count).Select(_ => random.Pick(Syllables)));
        return char.ToUpperInvariant(text[0]) + text[1..];
    }
}
