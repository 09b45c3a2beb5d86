using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Tests.Infrastructure;
using static YiyangTasks.Api.Tests.Calendar.CalendarFixtures;
using static YiyangTasks.Api.Tests.Infrastructure.TaskStreams;

namespace YiyangTasks.Api.Tests.Calendar;

/// <summary>The administrator loads next year's holiday notice, reads it back, corrects it; bad notices are refused whole.</summary>
public class CalendarAdminTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_admin_loads_next_year_s_notice_reads_it_back_with_who_loaded_it_and_corrects_it()
    {
        var database = await TestPostgres.CreateDatabaseAsync(nameof(CalendarAdminTests));
        await using var host = ApiFactory.OnDatabase(database, ApiFactory.Start);
        using var admin = host.As(Roles.Admin, name: "李管理员");

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/calendar/2027")).StatusCode);

        var created = await admin.PutAsJsonAsync("/api/admin/calendar/2027", Notice2027());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/admin/calendar/2027", created.Headers.Location?.OriginalString);

        var read = await (await admin.GetAsync("/api/admin/calendar/2027")).JsonAsync();
        Assert.Equal("admin", read.GetProperty("origin").GetString());
        Assert.Equal("国办发明电〔2026〕9号", read.GetProperty("noticeNumber").GetString());
        Assert.Equal(1, read.GetProperty("revision").GetInt32());
        Assert.Equal("李管理员", read.GetProperty("loadedBy").GetProperty("displayName").GetString());
        Assert.Equal(ApiFactory.Start, read.GetProperty("loadedAt").GetDateTimeOffset());
        Assert.Equal(["元旦", "春节", "国庆节"], read.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(7, read.GetProperty("holidays")[1].GetProperty("days").GetInt32());

        // The same notice again records nothing; a corrected one is revision 2 and keeps the first as history.
        Assert.Equal(1, (await (await admin.PutAsJsonAsync("/api/admin/calendar/2027", Notice2027())).JsonAsync()).GetProperty("revision").GetInt32());
        var corrected = Notice2027();
        corrected["holidays"]!.AsArray().Add(Holiday("劳动节", "2027-05-01", "2027-05-05", "2027-04-25"));
        using var otherAdmin = host.As(Roles.Admin, name: "周管理员");
        var second = await otherAdmin.PutAsJsonAsync("/api/admin/calendar/2027", corrected);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var view = await second.JsonAsync();
        Assert.Equal(2, view.GetProperty("revision").GetInt32());
        Assert.Equal("周管理员", view.GetProperty("loadedBy").GetProperty("displayName").GetString());
        var earlier = Assert.Single(view.GetProperty("earlierLoads").EnumerateArray());
        Assert.Equal((1, "李管理员"), (earlier.GetProperty("revision").GetInt32(), earlier.GetProperty("loadedBy").GetProperty("displayName").GetString()));

        // The committed years stay as defaults, listed beside the loaded one.
        var years = await (await admin.GetAsync("/api/admin/calendar")).JsonAsync();
        Assert.Equal([(2024, "committed"), (2025, "committed"), (2026, "committed"), (2027, "admin")],
            years.EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("origin").GetString())));
    }

    public static TheoryData<string, string, string> BadNotices => new()
    {
        { "body year differs from the path", """{"year":2028}""", "year" },
        { "no source", """{"source":null}""", "source" },
        { "source without a document number", """{"source":"国务院办公厅关于2027年部分节假日安排的通知"}""", "source" },
        { "no holidays", """{"holidays":[]}""", "holidays" },
        { "a holiday outside the year", """{"holidays":[{"name":"劳动节","from":"2028-05-01","to":"2028-05-05","makeUpWorkingDays":[]}]}""", "holidays[0]" },
        { "a make-up day on a weekday", """{"holidays":[{"name":"国庆节","from":"2027-10-01","to":"2027-10-07","makeUpWorkingDays":["2027-09-30"]}]}""", "holidays[0].makeUpWorkingDays[0]" },
        { "a day both off and working", """{"holidays":[{"name":"国庆节","from":"2027-10-01","to":"2027-10-07","makeUpWorkingDays":["2027-10-03"]}]}""", "holidays[0].makeUpWorkingDays[0]" },
        { "a holiday of weekend days only", """{"holidays":[{"name":"端午节","from":"2027-06-12","to":"2027-06-13","makeUpWorkingDays":[]}]}""", "holidays[0]" },
        { "a holiday without its last day", """{"holidays":[{"name":"端午节","from":"2027-06-12","makeUpWorkingDays":[]}]}""", "holidays[0].to" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task A_bad_notice_is_a_400_problem_in_Chinese_naming_the_field_and_nothing_is_stored(string because, string change, string field)
    {
        var notice = Notice2027();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject().ToArray()) notice[key] = value?.DeepClone();
        using var admin = api.As(Roles.Admin);

        var answer = await admin.PutAsync("/api/admin/calendar/2027", new StringContent(notice.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{because}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.JsonAsync();
        Assert.Contains("未保存", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{because}: {problem}");
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", messages[0].GetString()!);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/calendar/2027")).StatusCode);
    }

    [Fact]
    public async Task Malformed_bodies_and_years_out_of_range_are_400_and_only_the_admin_keeps_the_calendar()
    {
        using var admin = api.As(Roles.Admin);
        var unknownField = Notice2027();
        unknownField["approvedBy"] = "x";
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/calendar/2027", unknownField)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/api/admin/calendar/2027",
            new StringContent("""{"year":2027,""", Encoding.UTF8, "application/json"))).StatusCode);
        var ancient = Notice2027();
        ancient["year"] = 1999;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/admin/calendar/1999", ancient)).StatusCode);

        foreach (var role in new[] { Roles.Office, Roles.Supervision })
        {
            using var other = api.As(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync("/api/admin/calendar/2027", Notice2027())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync("/api/admin/calendar/2027")).StatusCode);
        }
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/admin/calendar/2027", Notice2027())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/calendar/2027")).StatusCode);
    }
}
