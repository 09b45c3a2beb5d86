using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.PlanImport.Tests.Formats;

namespace YiyangTasks.Api.Tests.Plans;

/// <summary>Plans as offices receive them — a Word file with a real table, a Word file numbered by Word's lists, PDFs —
/// imported through the API as the same tasks as their text; .doc binaries and unreadable files refused, nothing stored.</summary>
public class ImportFormatsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static byte[] Document(string kind) => kind switch
    {
        "table.docx" => SeedWordFiles.Table(System.Text.Encoding.UTF8.GetString(SeedFiles.Bytes("003_"))),
        "numbered.docx" => SeedWordFiles.Numbered(System.Text.Encoding.UTF8.GetString(SeedFiles.Bytes("004_"))),
        "table.pdf" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "Fixtures", "xinyang-003.pdf")),
        _ => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Formats", "Fixtures", "maoming-004.pdf")),
    };

    public static TheoryData<string, string, string, string, bool> Documents => new()
    {
        { "table.docx", Docx, "003_", "信阳市", true },
        { "numbered.docx", Docx, "004_", "茂名市", false },
        { "maoming.pdf", "application/pdf", "004_", "茂名市", false },
        { "maoming.pdf", "application/pdf", "004_", "茂名市", true },
        { "table.pdf", "application/pdf", "003_", "信阳市", false },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task A_Word_file_or_PDF_dry_runs_and_imports_as_the_same_tasks_as_its_text(string kind, string mediaType, string seed,
        string jurisdiction, bool asMultipart)
    {
        using var office = api.As(Roles.Office);
        var planId = $"fmt-{kind.Replace('.', '-')}-{(asMultipart ? "form" : "body")}";
        var query = $"planId={planId}&jurisdiction={Uri.EscapeDataString(jurisdiction)}";
        HttpContent Body()
        {
            var bytes = new ByteArrayContent(Document(kind)) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } };
            return asMultipart ? new MultipartFormDataContent { { bytes, "file", kind } } : bytes;
        }
        var fromText = await (await office.PostAsync($"/api/plans/import?planId=text-{planId}&jurisdiction={Uri.EscapeDataString(jurisdiction)}&dryRun=true",
            new ByteArrayContent(SeedFiles.Bytes(seed)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } })).JsonAsync();

        var dryRun = await office.PostAsync($"/api/plans/import?{query}&dryRun=true", Body());
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var understood = await dryRun.JsonAsync();
        Assert.Equal("dry-run", understood.GetProperty("outcome").GetString());
        Assert.Equal(Said(fromText), Said(understood));
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/plans/{planId}")).StatusCode);

        var imported = await office.PostAsync($"/api/plans/import?{query}", Body());
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var count = fromText.GetProperty("tasks").GetArrayLength();
        Assert.Equal(count, (await (await office.GetAsync($"/api/plans/{planId}")).JsonAsync()).GetProperty("taskCount").GetInt32());
        Assert.Equal("unchanged", (await (await office.PostAsync($"/api/plans/import?{query}", Body())).JsonAsync()).GetProperty("outcome").GetString());
    }

    // Each task as the plan says it, spaces left out: where a PDF wrapped a line its space is not in the PDF.
    private static string[] Said(JsonElement result) => result.GetProperty("tasks").EnumerateArray().Select(t =>
        string.Join("|", t.GetProperty("number").GetInt32(), t.GetProperty("text").GetString(),
            string.Join("、", t.GetProperty("leadUnits").EnumerateArray().Select(u => u.GetString())),
            string.Join("、", t.GetProperty("cooperatingUnits").EnumerateArray().Select(u => u.GetString())),
            t.GetProperty("mode").ToString(), t.TryGetProperty("deadline", out var deadline) ? deadline.ToString() : "").Replace(" ", "")).ToArray();

    public static TheoryData<string, string, string, int, string> Unreadable => new()
    {
        { "a .doc binary", "方案.doc", "application/msword", 415, "另存为" },
        { "a .wps binary sent as octet-stream", "方案.wps", "application/octet-stream", 415, "另存为" },
        { "a PDF without a text layer", "扫描件.pdf", "application/pdf", 422, "扫描件" },
        { "a damaged .docx", "方案.docx", Docx, 422, ".docx" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_file_that_cannot_be_read_gets_a_problem_in_Chinese_and_nothing_is_stored(string because, string name, string mediaType,
        int status, string says)
    {
        byte[] bytes = because switch
        {
            "a PDF without a text layer" => BlankPdf(),
            "a damaged .docx" => Damaged(SeedWordFiles.Numbered("1、建立机制。（县卫健委负责）")),
            _ => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]],
        };
        using var office = api.As(Roles.Office);
        var planId = $"unreadable-{Math.Abs(because.GetHashCode()) % 100000}";
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(mediaType) } }, "file", name },
            { new StringContent(planId), "planId" },
            { new StringContent("茂名市"), "jurisdiction" },
        };

        var answer = await office.PostAsync("/api/plans/import", form);

        Assert.True(status == (int)answer.StatusCode, $"{because}: expected {status}, got {(int)answer.StatusCode}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, (await answer.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/plans/{planId}")).StatusCode);
        await using var session = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Null(await session.Events.FetchStreamStateAsync(planId));
    }

    private static byte[] BlankPdf()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        return builder.Build();
    }

    // word/document.xml cut short: the archive opens, the document does not.
    private static byte[] Damaged(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open())) xml = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml[..(xml.Length / 2)]);
        }
        return stream.ToArray();
    }
}
