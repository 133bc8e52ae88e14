using System.Globalization;
using System.Text;

namespace AirtableSync.Sandbox.PublicApi;

internal abstract record FormulaNode;
internal sealed record FormulaCall(string Name, IReadOnlyList<FormulaNode> Arguments) : FormulaNode;
internal sealed record FormulaFieldRef(string Name) : FormulaNode;
internal sealed record FormulaText(string Value) : FormulaNode;
internal sealed record FormulaNumber(double Value) : FormulaNode;
internal sealed record FormulaComparison(string Operator, FormulaNode Left, FormulaNode Right) : FormulaNode;

// The filterByFormula subset the fake understands, as a tree; FilterFormulaBinder then decides which trees make sense. Calls
// NAME(arg, …) with case-insensitive names, {name or fld id}, 'single' or "double" quoted strings with backslash escapes,
// numbers, and one binary comparison (= != <> < > <= >=) per operand pair. Anything else is 422 INVALID_FILTER_BY_FORMULA.
internal sealed class FilterFormulaParser(string text)
{
    private int _position;

    public static FormulaNode Parse(string text)
    {
        var parser = new FilterFormulaParser(text);
        var node = parser.ParseExpression();
        parser.SkipSpace();
        return parser._position == text.Length ? node : throw parser.Error("unexpected text");
    }

    private FormulaNode ParseExpression()
    {
        var left = ParseOperand();
        SkipSpace();
        var op = ReadOperator();
        return op is null ? left : new FormulaComparison(op, left, ParseOperand());
    }

    private FormulaNode ParseOperand()
    {
        SkipSpace();
        if (_position >= text.Length)
        {
            throw Error("formula ends early");
        }
        var c = text[_position];
        if (c == '{')
        {
            var end = text.IndexOf('}', _position);
            var name = end < 0 ? throw Error("unclosed {") : text[(_position + 1)..end];
            _position = end + 1;
            return new FormulaFieldRef(name);
        }
        if (c is '\'' or '"')
        {
            return new FormulaText(ReadString(c));
        }
        if (char.IsAsciiDigit(c) || c == '-')
        {
            var start = _position++;
            while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
            {
                _position++;
            }
            return double.TryParse(text[start.._position], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? new FormulaNumber(number)
                : throw Error("bad number");
        }
        if (char.IsAsciiLetter(c))
        {
            return ParseCall();
        }
        throw Error($"unexpected '{c}'");
    }

    private FormulaCall ParseCall()
    {
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            _position++;
        }
        var name = text[start.._position].ToUpperInvariant();
        SkipSpace();
        Expect('(');
        var arguments = new List<FormulaNode>();
        SkipSpace();
        if (!TryConsume(')'))
        {
            do
            {
                arguments.Add(ParseExpression());
                SkipSpace();
            }
            while (TryConsume(','));
            Expect(')');
        }
        return new FormulaCall(name, arguments);
    }

    private string ReadString(char quote)
    {
        var value = new StringBuilder();
        _position++;
        while (_position < text.Length && text[_position] != quote)
        {
            if (text[_position] == '\\' && _position + 1 < text.Length)
            {
                _position++;
            }
            value.Append(text[_position++]);
        }
        Expect(quote);
        return value.ToString();
    }

    private string? ReadOperator()
    {
        foreach (var op in (string[])["!=", "<>", "<=", ">=", "=", "<", ">"])
        {
            if (string.CompareOrdinal(text, _position, op, 0, op.Length) == 0)
            {
                _position += op.Length;
                return op == "<>" ? "!=" : op;
            }
        }
        return null;
    }

    private void SkipSpace()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error($"expected '{c}'");
        }
    }

    private PublicApiError Error(string what) => PublicApiError.InvalidFilter($"{what} at position {_position}.");
}
