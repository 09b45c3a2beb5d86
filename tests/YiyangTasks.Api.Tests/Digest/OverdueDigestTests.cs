using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;
using YiyangTasks.Api.Digest;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Storage;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;

namespace YiyangTasks.Api.Tests.Digest;

/// <summary>The daily overdue digest: built on its schedule once a working day, stored once, delivered through the durable outbox.</summary>
public class OverdueDigestTests
{
    private static readonly DateTimeOffset Saturday = new(2026, 3, 7, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_digest_runs_on_its_schedule_on_working_days_is_stored_once_and_reaches_the_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var database = await TestPostgres.CreateDatabaseAsync("digestschedule");
        await using var api = ApiFactory.OnDatabase(database, ApiFactory.Start, new Dictionary<string, string> { ["Digest:Cron"] = "* * * * * *" });
        await api.InitializeAsync();
        var planId = await api.RegisterTwoTaskPlanAsync();

        api.Clock.Set(Saturday); // acknowledgements were due Thursday; Saturday is no working day: no digest
        await AddWebhookAsync(api, "office-json", receiver.Url("/json"), "json");
        await AddWebhookAsync(api, "office-dingtalk", receiver.Url("/dingtalk"), "dingTalk");
        await Task.Delay(TimeSpan.FromSeconds(2)); // two occurrences of the every-second schedule on a Saturday
        Assert.Empty(receiver.Received);

        api.Clock.Set(Monday);
        await Eventually.True(() => Task.FromResult(receiver.Received.Count >= 2), TimeSpan.FromSeconds(30), "the digest to be delivered");
        await Task.Delay(TimeSpan.FromSeconds(2)); // more occurrences: the day's digest is not built or sent again

        Assert.Equal(2, receiver.Received.Count);
        var json = JsonDocument.Parse(receiver.Received.Single(r => r.Path == "/json").Body).RootElement;
        Assert.Equal("2026-03-09", json.GetProperty("id").GetString());
        Assert.Equal("schedule", json.GetProperty("trigger").GetString());
        var units = json.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unit").GetString()!);
        Assert.Equal(2, units[CivilAffairs].GetProperty("items").GetArrayLength()); // tasks 1 and 2, not acknowledged
        Assert.Equal(2, units[CivilAffairs].GetProperty("items")[0].GetProperty("workingDaysOverdue").GetInt32()); // 6 and 9 March
        var dingTalk = JsonDocument.Parse(receiver.Received.Single(r => r.Path == "/dingtalk").Body).RootElement;
        Assert.Equal("markdown", dingTalk.GetProperty("msgtype").GetString());
        Assert.Contains("逾期任务通报 2026年3月9日", dingTalk.GetProperty("markdown").GetProperty("text").GetString());

        using var office = api.As(Roles.Office);
        var latest = await (await office.GetAsync("/api/digests/overdue/latest")).JsonAsync();
        Assert.Equal("2026-03-09", latest.GetProperty("id").GetString());
        Assert.Equal(2, latest.GetProperty("deliveries").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/digests/overdue/2026-03-09")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/digests/overdue/2026-03-07")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.GetAsync("/api/digests/overdue/yesterday")).StatusCode);
        Assert.Equal(1, await CountAsync(database, "mt_doc_overduedigest"));
        // Its overdue numbers per plan are kept apart too, and the plan's overview compares the overdue list with them.
        Assert.Equal(2, await CountAsync(database, "mt_doc_digestoverduenumbers")); // the mark and the plan's
        await api.ProjectionsCaughtUpAsync();
        var since = (await (await office.GetAsync($"/api/reports/plans/{planId}/overview")).JsonAsync()).GetProperty("sinceLastDigest");
        Assert.Equal("2026-03-09", since.GetProperty("digestDate").GetString());
        Assert.Empty(since.GetProperty("newlyOverdue").EnumerateArray());
        Assert.Empty(since.GetProperty("noLongerOverdue").EnumerateArray());
    }

    [Fact]
    public async Task A_failing_webhook_is_retried_and_then_dead_lettered()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Failing = true;
        var database = await TestPostgres.CreateDatabaseAsync("digestfailing");
        await using var api = ApiFactory.OnDatabase(database, ApiFactory.Start,
            new Dictionary<string, string> { ["Digest:RetryCooldowns"] = "00:00:00.2,00:00:00.2" });
        await api.InitializeAsync();
        await api.RegisterTwoTaskPlanAsync();
        api.Clock.Set(Monday);
        await AddWebhookAsync(api, "broken", receiver.Url("/broken"), "weCom");

        using var office = api.As(Roles.Office);
        var run = await office.PostAsync("/api/digests/overdue/runs", null);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal("manual", (await run.JsonAsync()).GetProperty("trigger").GetString());

        await Eventually.True(async () => await DeadLettersAsync(database) == 1, TimeSpan.FromSeconds(30), "the delivery to be dead-lettered");
        Assert.Equal(3, receiver.Attempts); // the first try and two retries
        Assert.Empty(receiver.Received);
        var digest = await (await office.GetAsync("/api/digests/overdue/latest")).JsonAsync();
        Assert.Equal(0, digest.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task Two_API_processes_on_one_database_build_and_send_one_digest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var database = await TestPostgres.CreateDatabaseAsync("digesttwohosts");
        await using var first = ApiFactory.OnDatabase(database, ApiFactory.Start);
        await first.InitializeAsync();
        await first.RegisterTwoTaskPlanAsync();
        first.Clock.Set(Monday);
        await AddWebhookAsync(first, "office", receiver.Url("/office"), "json");
        await using var second = ApiFactory.OnDatabase(database, Monday);
        await second.InitializeAsync();

        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { first, second })
            .Select(host => host.InvokeAsync(new RunOverdueDigest())));

        await Eventually.True(() => Task.FromResult(receiver.Received.Count >= 1), TimeSpan.FromSeconds(20), "the digest to be delivered");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(receiver.Received);
        Assert.Equal(1, await CountAsync(database, "mt_doc_overduedigest"));
    }

    [Fact]
    public async Task A_digest_stored_before_its_body_was_compressed_reads_as_it_was_stored()
    {
        var database = await TestPostgres.CreateDatabaseAsync("digestlegacy");
        await using var api = ApiFactory.OnDatabase(database, Monday);
        await api.InitializeAsync();
        var units = new[] { new DigestUnit(CivilAffairs, [new DigestItem("plan-old", 3, "推进医养结合服务", Domain.Timeliness.ObligationKind.Report,
            new DateOnly(2026, 2, 5), 20, new LastReport(Monday.AddDays(-40), CivilAffairs, 30, Domain.Tasks.ProgressStatus.OnTrack))]) };
        await using (var session = api.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            // As the document was stored then: units and Markdown as they are, no body.
            session.Store(new StoredDigest { Id = "2026-03-06", Date = new DateOnly(2026, 3, 6), GeneratedAt = Monday.AddDays(-3), Trigger = "schedule",
                TaskCount = 1, Units = units, Markdown = "### 逾期任务通报 2026年3月6日" });
            await session.SaveChangesAsync();
        }

        using var office = api.As(Roles.Office);
        var digest = await (await office.GetAsync("/api/digests/overdue/2026-03-06")).JsonAsync();
        Assert.Equal("### 逾期任务通报 2026年3月6日", digest.GetProperty("markdown").GetString());
        var item = digest.GetProperty("units")[0].GetProperty("items")[0];
        Assert.Equal((3, 20, 30), (item.GetProperty("number").GetInt32(), item.GetProperty("workingDaysOverdue").GetInt32(),
            item.GetProperty("lastReport").GetProperty("percentDone").GetInt32()));
    }

    [Fact]
    public async Task The_run_answers_the_digest_with_its_body_written_once_exactly_as_the_digest_serializes()
    {
        var units = new[]
        {
            new DigestUnit(CivilAffairs, [
                new DigestItem("plan-a", 3, "推进\"医养结合\"服务\\试点", Domain.Timeliness.ObligationKind.Report, new DateOnly(2026, 2, 5), 20,
                    new LastReport(Monday.AddDays(-40), CivilAffairs, 30, Domain.Tasks.ProgressStatus.AtRisk)),
                new DigestItem("plan-a", 4, "建立台账", Domain.Timeliness.ObligationKind.Acknowledgement, new DateOnly(2026, 3, 5), 2, null)]),
            new DigestUnit("市卫健委", []),
        };
        var digest = new OverdueDigest
        {
            Id = "2026-03-09", Date = new DateOnly(2026, 3, 9), GeneratedAt = Monday, Trigger = "manual", TaskCount = 2, Units = units,
            Markdown = "### 逾期任务通报 2026年3月9日\n- plan-a 第3项 \"引号\" \\ 反斜杠\t\n",
        };
        var deliveries = new[] { new DigestDelivery("2026-03-09/office", "2026-03-09", "office", Monday.AddMinutes(3)) };

        foreach (var delivered in new DigestDelivery[][] { [], deliveries })
        {
            var expected = JsonSerializer.Serialize(digest with { Deliveries = delivered }, OverdueDigest.Json);
            Assert.Equal(expected, await AnswerAsync(BuiltDigest.Of(digest).Answer(delivered)));
            // Run again by hand on a day already built: the stored digest, compressed or stored before compression, answers the same.
            Assert.Equal(expected, await AnswerAsync(StoredDigest.Of(digest).Built().Answer(delivered)));
            Assert.Equal(expected, await AnswerAsync(new StoredDigest
            {
                Id = digest.Id, Date = digest.Date, GeneratedAt = digest.GeneratedAt, Trigger = digest.Trigger, TaskCount = digest.TaskCount,
                Units = units, Markdown = digest.Markdown,
            }.Built().Answer(delivered)));
        }
    }

    private static async Task<string> AnswerAsync(IResult answer)
    {
        var http = new DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;
        await answer.ExecuteAsync(http);
        Assert.Equal("application/json; charset=utf-8", http.Response.ContentType);
        Assert.Equal(body.Length, http.Response.ContentLength);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static async Task AddWebhookAsync(ApiFactory api, string id, string url, string kind)
    {
        using var admin = api.As(Roles.Admin);
        var answer = await admin.PutAsJsonAsync($"/api/admin/digest-webhooks/{id}", new { url, kind });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private static async Task<long> CountAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {EventStore.Schema}.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> DeadLettersAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*) from {EventStore.MessagingSchema}.wolverine_dead_letters where message_type like '%DeliverDigest%'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
