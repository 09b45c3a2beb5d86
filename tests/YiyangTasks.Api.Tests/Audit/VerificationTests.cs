using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Audit;

/// <summary>Tamper evidence: every event is chained by hash; verification names what a database administrator changed.</summary>
public class VerificationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<string> PlanWithAcknowledgementAndAdmonishmentAsync()
    {
        var planId = await api.RegisterTwoTaskPlanAsync();
        using (var civil = api.As(Roles.Liaison, CivilAffairs, "张民"))
            Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 1, "/acknowledgements"), null)).StatusCode);
        using var supervision = api.As(Roles.Supervision, name: "陈组长");
        Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/admonishments"),
            new { units = new[] { HealthCommission }, reason = "逾期未签收" })).StatusCode);
        return planId;
    }

    private async Task<JsonElement> VerifyAsync(string planId, string role = Roles.Supervision)
    {
        using var client = api.As(role);
        var response = await client.GetAsync($"/api/audit/verify?plan={planId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    /// <summary>What a database administrator can do: change the stored rows directly.</summary>
    private async Task AsDatabaseAdministratorAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        Assert.True(await command.ExecuteNonQueryAsync() >= 1, "the DBA's statement changed nothing");
    }

    [Fact]
    public async Task An_untouched_record_holds_and_every_event_is_hashed()
    {
        var planId = await PlanWithAcknowledgementAndAdmonishmentAsync();
        var result = await VerifyAsync(planId, Roles.Admin);
        Assert.True(result.GetProperty("holds").GetBoolean(), result.ToString());
        Assert.Equal(3, result.GetProperty("streamsChecked").GetInt32()); // the plan's stream and its two tasks'
        Assert.Equal(5, result.GetProperty("eventsChecked").GetInt32());
        Assert.Equal(5, result.GetProperty("eventsHashed").GetInt32());
        Assert.Equal(0, result.GetProperty("eventsBeforeHashing").GetInt32());
        Assert.False(result.TryGetProperty("firstBreak", out var broken) && broken.ValueKind != JsonValueKind.Null);
        Assert.StartsWith("记录完整", result.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task An_event_a_DBA_edited_in_PostgreSQL_is_named_by_stream_and_version()
    {
        var planId = await PlanWithAcknowledgementAndAdmonishmentAsync();
        await AsDatabaseAdministratorAsync(
            "update yiyang.mt_events set data = jsonb_set(data, '{reason}', '\"按时签收，无需告诫\"') where stream_id = @stream and version = 3",
            ("stream", $"{planId}/1"));

        var result = await VerifyAsync(planId);
        Assert.False(result.GetProperty("holds").GetBoolean());
        var broken = result.GetProperty("firstBreak");
        Assert.Equal($"{planId}/1", broken.GetProperty("stream").GetString());
        Assert.Equal(3, broken.GetProperty("version").GetInt64());
        Assert.Equal("changed", broken.GetProperty("kind").GetString());
        Assert.NotEqual(broken.GetProperty("expected").GetString(), broken.GetProperty("found").GetString());
        Assert.Single(result.GetProperty("breaks").EnumerateArray());
        Assert.Contains("第3版", result.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Changing_who_acted_is_caught_too()
    {
        var planId = await PlanWithAcknowledgementAndAdmonishmentAsync();
        await AsDatabaseAdministratorAsync(
            "update yiyang.mt_events set headers = jsonb_set(headers, '{actor,displayName}', '\"李四\"') where stream_id = @stream and version = 2",
            ("stream", $"{planId}/1"));
        var broken = (await VerifyAsync(planId)).GetProperty("firstBreak");
        Assert.Equal(2, broken.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task An_event_a_DBA_deleted_is_named_as_missing()
    {
        var planId = await PlanWithAcknowledgementAndAdmonishmentAsync();
        await AsDatabaseAdministratorAsync("delete from yiyang.mt_events where stream_id = @stream and version = 2", ("stream", $"{planId}/1"));

        var result = await VerifyAsync(planId);
        Assert.False(result.GetProperty("holds").GetBoolean());
        var broken = result.GetProperty("firstBreak");
        Assert.Equal($"{planId}/1", broken.GetProperty("stream").GetString());
        Assert.Equal(2, broken.GetProperty("version").GetInt64());
        Assert.Equal("missing", broken.GetProperty("kind").GetString());
        Assert.Equal(4, result.GetProperty("eventsChecked").GetInt32());
    }

    [Fact]
    public async Task Events_from_before_hashing_began_are_reported_as_such_and_later_ones_chain_on()
    {
        var planId = await PlanWithAcknowledgementAndAdmonishmentAsync();
        // A record kept before this version had no hashes.
        await AsDatabaseAdministratorAsync("update yiyang.mt_events set headers = headers - 'hash' where split_part(stream_id, '/', 1) = @plan",
            ("plan", planId));
        var before = await VerifyAsync(planId);
        Assert.True(before.GetProperty("holds").GetBoolean(), before.ToString());
        Assert.Equal(5, before.GetProperty("eventsBeforeHashing").GetInt32());
        Assert.Equal(0, before.GetProperty("eventsHashed").GetInt32());
        Assert.Contains("启用哈希之前", before.GetProperty("summary").GetString());

        // The version that hashes starts on that record (a process of its own: it has committed nothing there yet).
        await using (var upgraded = ApiFactory.OnDatabase(api.ConnectionString, api.Clock.GetUtcNow()))
        {
            await upgraded.InitializeAsync();
            using (var civil = upgraded.As(Roles.Liaison, CivilAffairs))
                Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planId, 2, "/acknowledgements"), null)).StatusCode);
            using var supervision = upgraded.As(Roles.Supervision);
            Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/supervision"),
                new { rating = "fair", notes = "进度偏慢" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await supervision.PostAsJsonAsync(TaskUrl(planId, 1, "/admonishments"),
                new { units = new[] { CivilAffairs }, reason = "进度偏慢" })).StatusCode);
        }
        var after = await VerifyAsync(planId);
        Assert.True(after.GetProperty("holds").GetBoolean(), after.ToString());
        Assert.Equal(5, after.GetProperty("eventsBeforeHashing").GetInt32());
        Assert.Equal(3, after.GetProperty("eventsHashed").GetInt32());

        // Once a stream is hashed, stripping a later hash to pass an edit off as old is itself a break.
        await AsDatabaseAdministratorAsync("update yiyang.mt_events set headers = headers - 'hash' where stream_id = @stream and version = 5",
            ("stream", $"{planId}/1"));
        Assert.Equal("hash-removed", (await VerifyAsync(planId)).GetProperty("firstBreak").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_day_once_sealed_catches_a_rewrite_the_chain_alone_cannot()
    {
        // Event timestamps are the database's: our clock starts at the database's day, then that day ends.
        api.Clock.Set(DateTimeOffset.UtcNow);
        var planId = await PlanWithAcknowledgementAndAdmonishmentAsync();
        api.Clock.Advance(TimeSpan.FromDays(1));
        await api.InvokeAsync(new YiyangTasks.Api.Audit.SealDailyDigests());
        var sealedFirst = await VerifyAsync(planId);
        Assert.True(sealedFirst.GetProperty("holds").GetBoolean(), sealedFirst.ToString());
        Assert.Equal(1, sealedFirst.GetProperty("digestsChecked").GetInt32());
        Assert.Equal(0, sealedFirst.GetProperty("digestsSealedNow").GetInt32()); // the scheduled job sealed it

        // The last event of task 1 removed, and its stream's version put back: every chain still holds.
        await AsDatabaseAdministratorAsync("delete from yiyang.mt_events where stream_id = @stream and version = 3", ("stream", $"{planId}/1"));
        await AsDatabaseAdministratorAsync("update yiyang.mt_streams set version = 2 where id = @stream", ("stream", $"{planId}/1"));
        var result = await VerifyAsync(planId);
        Assert.Empty(result.GetProperty("breaks").EnumerateArray());
        Assert.False(result.GetProperty("holds").GetBoolean());
        var digest = result.GetProperty("brokenDigests")[0];
        Assert.NotEqual(digest.GetProperty("recorded").GetString(), digest.GetProperty("found").GetString());
        Assert.Contains("每日封存", result.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Verification_needs_a_known_plan_and_the_supervision_group_or_an_administrator()
    {
        using var office = api.As(Roles.Office);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/audit/verify?plan=x")).StatusCode);
        using var supervision = api.As(Roles.Supervision);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervision.GetAsync("/api/audit/verify?plan=p&from=2026-05-01&to=2026-04-01")).StatusCode);
        // A range open to today is bounded like a closed one: not 739,000 days of seals to compute.
        var ancient = await supervision.GetAsync("/api/audit/verify?plan=p&from=0001-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, ancient.StatusCode);
        Assert.Equal("application/problem+json", ancient.Content.Headers.ContentType?.MediaType);
        Assert.Contains("from", await ancient.Content.ReadAsStringAsync());
        // Year 9999 has no day after it to end the range on: this was a 500.
        await (await supervision.GetAsync("/api/audit/verify?plan=p&to=9999-12-31")).AssertNamesFieldAsync(HttpStatusCode.BadRequest, "to");
        Assert.Equal(HttpStatusCode.NotFound, (await supervision.GetAsync("/api/audit/verify?plan=no-such-plan")).StatusCode);
    }
}
