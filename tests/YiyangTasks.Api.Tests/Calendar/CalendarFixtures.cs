using System.Text.Json.Nodes;

namespace YiyangTasks.Api.Tests.Calendar;

/// <summary>Holiday notices as an administrator would send them: the committed files, and a notice for 2027 in their shape.</summary>
internal static class CalendarFixtures
{
    public const string Source2027 = "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕9号，2026年11月5日）";

    /// <summary>A notice for 2027 in the committed files' shape (the dates are the test's own, checked by the same rules).</summary>
    public static JsonObject Notice2027() => new()
    {
        ["year"] = 2027,
        ["source"] = Source2027,
        ["holidays"] = new JsonArray(
            Holiday("元旦", "2027-01-01", "2027-01-03"),
            Holiday("春节", "2027-02-06", "2027-02-12", "2027-02-14", "2027-02-20"),
            Holiday("国庆节", "2027-10-01", "2027-10-07", "2027-09-26", "2027-10-09")),
    };

    /// <summary>The committed 2026 file, read from the repository as an administrator would send it.</summary>
    public static JsonObject Committed2026()
    {
        var path = Path.Combine(RepositoryFolders.Root(AppContext.BaseDirectory)!, "src", "YiyangTasks.Domain", "Calendar", "Holidays", "2026.json");
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }

    public static JsonObject Holiday(string name, string from, string to, params string[] makeUp) => new()
    {
        ["name"] = name,
        ["from"] = from,
        ["to"] = to,
        ["makeUpWorkingDays"] = new JsonArray(makeUp.Select(d => (JsonNode)JsonValue.Create(d)).ToArray()),
    };
}
