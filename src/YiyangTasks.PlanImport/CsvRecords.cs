using System.Text;

namespace YiyangTasks.PlanImport;

/// <summary>Splits CSV text into records of fields per RFC 4180 (quoted fields may hold commas, quotes and line breaks).</summary>
internal static class CsvRecords
{
    public sealed record Record(int FirstLine, int LastLine, IReadOnlyList<string> Fields);

    public static List<Record> Read(string csv)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
        EndRecord();
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
            if (fields.Any(f => f.Trim().Length > 0)) records.Add(new Record(recordLine, line, fields.ToList()));
            fields.Clear();
        }
    }
}
