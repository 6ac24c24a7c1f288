namespace SalesCrm.Web.Features.Demo;

/// <summary>
/// Brazilian names for generated leads: each name once (a second surname tells two people apart when the first pair is
/// taken), and never the first name of one of the workspace's users, so a card's lead and its owner cannot be confused.
/// </summary>
public sealed class LeadNames(IEnumerable<string> userNames, Random random)
{
    private static readonly string[] FirstNames =
        ["Ana", "Bruno", "Camila", "Diego", "Eduarda", "Felipe", "Gabriela", "Henrique", "Isabela", "João", "Larissa", "Lucas", "Mariana", "Mateus",
         "Natália", "Otávio", "Patrícia", "Rafael", "Sofia", "Thiago", "Vitória", "Wagner", "Yasmin", "Caio", "Beatriz", "Gustavo", "Letícia", "Rodrigo",
         "Fernanda", "Renato", "Juliana", "Marcelo", "Priscila", "Vinícius", "Aline", "Leonardo", "Tatiane", "Ricardo"];
    private static readonly string[] LastNames =
        ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Ferreira", "Almeida", "Ribeiro", "Carvalho", "Gomes", "Martins", "Araújo",
         "Barbosa", "Rocha", "Dias", "Nascimento", "Moreira", "Cardoso", "Teixeira", "Mendes", "Freitas", "Azevedo"];

    /// <summary>Tries this many picks for an unused name before accepting a repeat (only once the lists run out).</summary>
    private const int Attempts = 64;

    private readonly string[] _firstNames = FirstNames.Except(userNames.Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? ""), StringComparer.OrdinalIgnoreCase).ToArray();
    private readonly HashSet<string> _used = new(userNames, StringComparer.OrdinalIgnoreCase);

    /// <summary>Set once a name had to repeat: the lists are (nearly) used up, so later names stop searching (bulk benchmark data).</summary>
    private bool _exhausted;

    /// <summary>The next name: its first name, main surname and full form ("Mariana Costa" or "Mariana Costa Lima").</summary>
    public (string First, string Last, string Full) Next()
    {
        (string, string, string) candidate = default;
        for (var attempt = _exhausted ? Attempts - 1 : 0; attempt < Attempts; attempt++)
        {
            var first = _firstNames[random.Next(_firstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var second = LastNames[random.Next(LastNames.Length)];
            // Mostly two names; a second surname when the pair is taken, as Brazilians tell namesakes apart.
            var full = attempt < Attempts / 2 || second == last ? $"{first} {last}" : $"{first} {last} {second}";
            candidate = (first, last, full);
            if (_used.Add(full)) return candidate;
        }
        _exhausted = true;
        return candidate;
    }
}
