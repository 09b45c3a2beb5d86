namespace YiyangTasks.Api.Tests.OpenApi;

/// <summary>The contract check itself: it finds the operation a request went to and says what is wrong, by property.</summary>
public class ContractDocumentTests
{
    private static readonly ContractDocument Document = ContractDocument.Current;

    [Fact]
    public void Literal_segments_win_over_parameters()
    {
        Assert.Equal("ImportPlan", Document.Find("POST", "/api/plans/import")!.Id);
        Assert.Equal("GetPlan", Document.Find("GET", "/api/plans/xinyang")!.Id);
        Assert.Null(Document.Find("GET", "/health/ready"));
    }

    [Fact]
    public void An_answer_is_refused_for_a_missing_required_property_an_undeclared_one_and_a_wrong_type()
    {
        var problems = Document.Check(Document.Find("GET", "/api/plans/xinyang")!, 200, "application/json",
            """{"planId":"xinyang","title":"方案","taskCount":"2","tasksByStatus":{},"registeredAt":"2026-03-02T09:00:00+08:00","extra":1}""");
        var all = string.Join("\n", problems);
        Assert.Contains("jurisdiction", all);
        Assert.Contains("/taskCount", all);
        Assert.Contains("extra", all);
    }

    [Fact]
    public void An_undeclared_status_or_media_type_is_refused_and_a_declared_csv_is_not()
    {
        var report = Document.Find("GET", "/api/reports/timeliness")!;
        Assert.Contains("status 418", Assert.Single(Document.Check(report, 418, "application/problem+json", "{}")));
        Assert.Contains("text/html", Assert.Single(Document.Check(report, 200, "text/html", "<p>")));
        Assert.Empty(Document.Check(report, 200, "text/csv", "\uFEFF单位 unit"));
        Assert.Empty(Document.Check(report, 200, "application/json", "[]"));
    }
}
