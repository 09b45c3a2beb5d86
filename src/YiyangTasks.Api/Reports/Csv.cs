using System.Text;

namespace YiyangTasks.Api.Reports;

/// <summary>CSV as Excel opens Chinese text correctly: UTF-8 with a byte-order mark, a header row, RFC 4180 quoting.</summary>
public static class Csv
{
    public static bool IsWanted(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("text/csv", StringComparison.OrdinalIgnoreCase));

    public static IResult File(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.Append('\uFEFF');
        text.AppendJoin(',', header.Select(h => Quote(h, true))).Append("\r\n");
        foreach (var row in rows) text.AppendJoin(',', row.Select(v => Quote(Format(v), v is not null && v is not IFormattable))).Append("\r\n");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", fileName);
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd"),
        DateTimeOffset instant => instant.ToString("O"),
        LightCell light => light.Text,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Text Excel or WPS would run as a formula (= + - @ first): reports carry text from documents and liaisons.</summary>
    public static bool LooksLikeFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@';

    private static string Quote(string value, bool isText)
    {
        // Text a spreadsheet would run as a formula is kept as text; a negative number stays a number.
        if (isText && LooksLikeFormula(value)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
