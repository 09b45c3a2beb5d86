using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Api.Tests.Tasks;
using static YiyangTasks.Api.Tests.Infrastructure.PlanFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Todo;

/// <summary>
/// A liaison's to-do (待办) across plans follows the task's life: acknowledgements and reports owed, an overdue
/// acknowledgement, a completion reported, rejected and to be redone, an extension decided and then old news.
/// </summary>
public class ToDoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static DateTimeOffset Beijing(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_liaisons_to_do_lists_what_the_unit_owes_across_plans_and_follows_the_tasks_life()
    {
        api.Clock.Set(ApiFactory.Start); // Monday 2 March 2026, 09:00 Beijing
        var planA = await api.RegisterTwoTaskPlanAsync();
        var civil = api.As(Roles.Liaison, CivilAffairs);
        var office = api.As(Roles.Office);
        // Tokens live an hour by the host's clock: sign in again after each move of time.
        void SignInAgain()
        {
            civil.Dispose();
            office.Dispose();
            civil = api.As(Roles.Liaison, CivilAffairs);
            office = api.As(Roles.Office);
        }

        var todo = await ToDoAsync(civil, "/api/me/todo");
        Assert.Equal(CivilAffairs, todo.GetProperty("unitId").GetString());
        Assert.Equal(CivilAffairs, todo.GetProperty("unitName").GetString());
        Assert.Equal(ApiFactory.Start, todo.GetProperty("asOf").GetDateTimeOffset());
        // Acknowledge both by 5 March (3 working days), report March by 8 April (5th working day; 清明 4–6 April),
        // complete task 1 by its deadline; task 2 has none.
        Assert.Equal(
            [
                ("Acknowledge", 1, "2026-03-05"), ("Acknowledge", 2, "2026-03-05"), ("Report", 1, "2026-04-08"),
                ("Report", 2, "2026-04-08"), ("Complete", 1, "2026-12-31"),
            ],
            Items(todo, planA));
        var acknowledge = Item(todo, planA, "Acknowledge", 1);
        Assert.Equal(3, acknowledge.GetProperty("workingDaysLeft").GetInt32());
        Assert.False(acknowledge.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, acknowledge.GetProperty("period").ValueKind);
        Assert.Equal("医养结合工作重点任务分工方案（测试）", acknowledge.GetProperty("planTitle").GetString());
        Assert.Equal("推进医疗卫生与养老服务融合发展。", acknowledge.GetProperty("taskText").GetString());
        Assert.Equal("POST", acknowledge.GetProperty("action").GetProperty("method").GetString());
        Assert.Equal(TaskUrl(planA, 1, "/acknowledgements"), acknowledge.GetProperty("action").GetProperty("href").GetString());
        var report = Item(todo, planA, "Report", 2);
        Assert.Equal("2026-03-01", report.GetProperty("period").GetProperty("start").GetString());
        Assert.Equal("2026-03-31", report.GetProperty("period").GetProperty("end").GetString());
        Assert.Equal(TaskUrl(planA, 2, "/progress-reports"), report.GetProperty("action").GetProperty("href").GetString());
        Assert.Equal((5, 0, 2), Counts(todo));

        // A cooperating unit owes its own part: acknowledging its 配合事项 and reporting on it with the lead's report.
        using (var insurance = api.As(Roles.Liaison, MedicalInsurance))
        {
            var its = await ToDoAsync(insurance, "/api/me/todo");
            Assert.Equal([("AcknowledgeCooperation", 1, "2026-03-05"), ("ReportCooperation", 1, "2026-04-08")], Items(its, planA));
            Assert.Equal(TaskUrl(planA, 1, "/cooperation/acknowledgements"),
                Item(its, planA, "AcknowledgeCooperation", 1).GetProperty("action").GetProperty("href").GetString());
            Assert.Equal(TaskUrl(planA, 1, "/cooperation/reports"),
                Item(its, planA, "ReportCooperation", 1).GetProperty("action").GetProperty("href").GetString());
            // Once acknowledged, only the report is left.
            Assert.Equal(HttpStatusCode.OK, (await insurance.PostAsJsonAsync(TaskUrl(planA, 1, "/cooperation/acknowledgements"), new { duty = "做好医保支付政策衔接" })).StatusCode);
            Assert.Equal([("ReportCooperation", 1, "2026-04-08")], Items(await ToDoAsync(insurance, "/api/me/todo"), planA));
        }
        // The office reads any unit's to-do, by name or alias.
        Assert.Equal(Items(todo, planA), Items(await ToDoAsync(office, $"/api/units/{CivilAffairs}/todo"), planA));

        // Another plan the next day: one list across both, soonest first.
        api.Clock.Set(Beijing(3, 3));
        SignInAgain();
        var planB = await api.RegisterTwoTaskPlanAsync(deadline: "2026-06-30");
        Assert.Equal(HttpStatusCode.OK, (await civil.PostAsync(TaskUrl(planA, 1, "/acknowledgements"), null)).StatusCode);
        todo = await ToDoAsync(civil, "/api/me/todo");
        Assert.DoesNotContain(("Acknowledge", 1, "2026-03-05"), Items(todo, planA));
        Assert.Contains(("Acknowledge", 1, "2026-03-06"), Items(todo, planB));
        Assert.Contains(("Complete", 1, "2026-06-30"), Items(todo, planB));
        var dueDays = todo.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("dueOn").GetString()).ToArray();
        Assert.Equal(dueDays.Order(StringComparer.Ordinal), dueDays);

        // Past the due day: the acknowledgement of A/2 is overdue by 2 working days (6 and 9 March).
        api.Clock.Set(Beijing(3, 9));
        SignInAgain();
        todo = await ToDoAsync(civil, "/api/me/todo");
        var late = Item(todo, planA, "Acknowledge", 2);
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal(-2, late.GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal(3, Counts(todo).Overdue); // A/2, B/1, B/2 unacknowledged

        // Completion reported: nothing to complete while the office reviews; rejected: to redo.
        Assert.Equal(HttpStatusCode.OK, (await civil.PostAsJsonAsync(TaskUrl(planA, 1, "/completion"), new { summary = "已完成。" })).StatusCode);
        Assert.DoesNotContain(Items(await ToDoAsync(civil, "/api/me/todo"), planA), i => i.Kind is "Complete" or "RedoCompletion");
        Assert.Equal(HttpStatusCode.OK,
            (await office.PostAsJsonAsync(TaskUrl(planA, 1, "/completion/rejection"), new { reason = "佐证材料不全。" })).StatusCode);
        var redo = Item(await ToDoAsync(civil, "/api/me/todo"), planA, "RedoCompletion", 1);
        Assert.Equal("2026-12-31", redo.GetProperty("dueOn").GetString());
        Assert.Equal(TaskUrl(planA, 1, "/completion"), redo.GetProperty("action").GetProperty("href").GetString());

        // An extension granted: the new deadline, and a note without a due day, listed last.
        var requested = await civil.PostAsJsonAsync(TaskUrl(planA, 1, "/deadline-extensions"), new { requestedDeadline = "2027-03-31", reason = "资金未到位。" });
        var requestId = (await requested.JsonAsync()).GetProperty("recordId").GetString();
        Assert.Equal(HttpStatusCode.OK,
            (await office.PostAsJsonAsync(TaskUrl(planA, 1, $"/deadline-extensions/{requestId}/decision"), new { grant = true })).StatusCode);
        todo = await ToDoAsync(civil, "/api/me/todo");
        Assert.Contains(("RedoCompletion", 1, "2027-03-31"), Items(todo, planA));
        var note = todo.GetProperty("items").EnumerateArray().Last();
        Assert.Equal(("ExtensionDecided", planA, 1), (note.GetProperty("kind").GetString(), note.GetProperty("planId").GetString(),
            note.GetProperty("taskNumber").GetInt32()));
        Assert.Equal(JsonValueKind.Null, note.GetProperty("dueOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, note.GetProperty("workingDaysLeft").ValueKind);
        Assert.Equal(("GET", TaskUrl(planA, 1)), (note.GetProperty("action").GetProperty("method").GetString(),
            note.GetProperty("action").GetProperty("href").GetString()));

        // A week and more later the decision is old news.
        api.Clock.Set(Beijing(3, 18));
        SignInAgain();
        Assert.DoesNotContain(Items(await ToDoAsync(civil, "/api/me/todo"), planA), i => i.Kind == "ExtensionDecided");
        civil.Dispose();
        office.Dispose();
    }

    internal static async Task<JsonElement> ToDoAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    private static (string Kind, int Number, string? DueOn)[] Items(JsonElement todo, string planId) =>
        todo.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("planId").GetString() == planId)
            .Select(i => (i.GetProperty("kind").GetString()!, i.GetProperty("taskNumber").GetInt32(), i.GetProperty("dueOn").GetString()))
            .ToArray();

    private static JsonElement Item(JsonElement todo, string planId, string kind, int number) =>
        Assert.Single(todo.GetProperty("items").EnumerateArray(), i => i.GetProperty("planId").GetString() == planId
            && i.GetProperty("kind").GetString() == kind && i.GetProperty("taskNumber").GetInt32() == number);

    private static (int Total, int Overdue, int DueWithin3WorkingDays) Counts(JsonElement todo)
    {
        var counts = todo.GetProperty("counts");
        return (counts.GetProperty("total").GetInt32(), counts.GetProperty("overdue").GetInt32(), counts.GetProperty("dueWithin3WorkingDays").GetInt32());
    }
}
