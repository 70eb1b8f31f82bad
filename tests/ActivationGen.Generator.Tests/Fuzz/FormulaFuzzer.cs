using System.Text;
using System.Text.RegularExpressions;

namespace ActivationGen.Generator.Tests.Fuzz;

/// <summary>
/// Makes formulas to feed the generator: grammar-built ones (mostly valid, over the names x, a, b), token-level
/// mutations of valid ones (the catalog's and the grammar's), and raw noise (bytes, unicode). Deterministic
/// for a seed.
/// </summary>
internal sealed partial class FormulaFuzzer(int seed, IReadOnlyList<string> seeds)
{
    private static readonly string[] Unary = ["exp", "log", "log1p", "expm1", "sqrt", "abs", "sign", "sin", "cos", "tan", "tanh", "sigmoid", "softplus", "erf", "atan"];
    private static readonly string[] Binary = ["min", "max", "pow"];
    private static readonly string[] Names = ["x", "x", "x", "a", "b", "pi", "e"];
    private static readonly string[] Numbers = ["0", "1", "2", "0.5", "3", "1e-3", "10", "0.044715", "1.0507", "100", "1e30", "7e-45"];
    private static readonly string[] Comparisons = ["<", "<=", ">", ">=", "==", "!="];

    /// <summary>Tokens a mutation may insert: the language's own, near misses and plain garbage.</summary>
    private static readonly string[] Vocabulary =
    [
        "x", "a", "b", "h", "beta", "(", ")", ",", "?", ":", "+", "-", "*", "/", "^", "!", "&&", "||", "<", ">=", "==",
        "**", "=", "&", "|", "#", "$", "@", ";", "'", "\\", "{", "}", "[", "]", "..", "1.", ".5", "1e", "1e400", "0x10",
        "sigmod", "relu", "gelu", "Exp", "let", "in", "α", "×", "−", "·", "\u00a0", "\t", "\n", "\0", "😀", "\u202e",
        "exp(", "max(", "clamp(", "sigmoid(",
    ];

    private readonly Random random = new(seed);

    public string Next()
    {
        int kind = random.Next(100);
        return kind switch
        {
            < 25 => Expression(random.Next(1, 6)),
            < 70 => Mutate(random.Next(2) == 0 && seeds.Count > 0 ? seeds[random.Next(seeds.Count)] : Expression(random.Next(2, 5))),
            < 85 => RandomBytes(),
            _ => RandomUnicode(),
        };
    }

    private string Expression(int depth)
    {
        if (depth <= 0)
            return Leaf();
        switch (random.Next(10))
        {
            case 0:
                return Leaf();
            case 1:
                return "-" + Group(depth - 1);
            case 2 or 3:
                return $"{Group(depth - 1)} {"+-*/"[random.Next(4)]} {Group(depth - 1)}";
            case 4:
                string exponent = random.Next(3) == 0 ? Group(depth - 1) : random.Next(-3, 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"{Group(depth - 1)}^{(exponent.StartsWith('-') ? "(" + exponent + ")" : exponent)}";
            case 5 or 6:
                return $"{Unary[random.Next(Unary.Length)]}({Expression(depth - 1)})";
            case 7:
                return $"{Binary[random.Next(Binary.Length)]}({Expression(depth - 1)}, {Expression(depth - 1)})";
            case 8:
                return $"clamp({Expression(depth - 1)}, -{random.Next(1, 4)}, {random.Next(1, 4)})";
            default:
                return $"({Condition(depth - 1)} ? {Expression(depth - 1)} : {Expression(depth - 1)})";
        }
    }

    private string Condition(int depth) => random.Next(6) switch
    {
        0 => $"{Condition(depth - 1)} && {Condition(depth - 1)}",
        1 => $"!({Condition(depth - 1)})",
        2 => $"{Condition(depth - 1)} || {Condition(depth - 1)}",
        _ => $"{Expression(Math.Max(0, depth - 1))} {Comparisons[random.Next(Comparisons.Length)]} {Expression(Math.Max(0, depth - 1))}",
    };

    private string Group(int depth)
    {
        string inner = Expression(depth);
        return inner.All(c => char.IsLetterOrDigit(c) || c == '.') ? inner : "(" + inner + ")";
    }

    private string Leaf() => random.Next(3) == 0 ? Numbers[random.Next(Numbers.Length)] : Names[random.Next(Names.Length)];

    private string Mutate(string formula)
    {
        var tokens = Tokens().Matches(formula).Select(m => m.Value).ToList();
        int mutations = random.Next(1, 4);
        for (int m = 0; m < mutations; m++)
        {
            int at = tokens.Count == 0 ? 0 : random.Next(tokens.Count);
            switch (random.Next(6))
            {
                case 0 when tokens.Count > 0:
                    tokens.RemoveAt(at);
                    break;
                case 1 when tokens.Count > 0:
                    tokens.Insert(at, tokens[random.Next(tokens.Count)]);
                    break;
                case 2 when tokens.Count > 1:
                    int other = random.Next(tokens.Count);
                    (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                    break;
                case 3 when tokens.Count > 0:
                    tokens[at] = Vocabulary[random.Next(Vocabulary.Length)];
                    break;
                case 4:
                    // Grammar-aware: a subexpression where a name or number was.
                    int leaf = tokens.FindIndex(at, t => char.IsLetterOrDigit(t[0]));
                    if (leaf >= 0)
                        tokens[leaf] = "(" + Expression(random.Next(1, 3)) + ")";
                    break;
                default:
                    tokens.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                    break;
            }
        }
        return string.Join(random.Next(3) == 0 ? "" : " ", tokens);
    }

    private string RandomBytes()
    {
        var text = new StringBuilder();
        for (int i = random.Next(0, 40); i > 0; i--)
            text.Append((char)random.Next(0, 256));
        return text.ToString();
    }

    private string RandomUnicode()
    {
        var text = new StringBuilder();
        for (int i = random.Next(0, 30); i > 0; i--)
        {
            int pick = random.Next(10);
            if (pick < 3)
                text.Append((char)random.Next(0xD800, 0xE000));   // lone surrogates
            else if (pick < 6)
                text.Append(char.ConvertFromUtf32(random.Next(0x80, 0x2FFFF) is var c && c is >= 0xD800 and < 0xE000 ? 0x3B1 : c));
            else
                text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z_0-9]*|[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|&&|\|\||[<>=!]=|\S")]
    private static partial Regex Tokens();
}
