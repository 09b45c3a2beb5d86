using System.Net.Http.Json;
using System.Text.Json;
using PuppeteerSharp;
using YiyangTasks.Api.Identity;
using YiyangTasks.Api.Reports;
using YiyangTasks.Domain.Timeliness;
using Xunit.Abstractions;

namespace YiyangTasks.Api.Tests.Board;

/// <summary>
/// The board in a real browser (Debian's headless Chromium, driven by PuppeteerSharp) against the demo quarter on a real
/// socket: a liaison works her to-do, the office reads the lights and the ranking. Each view's screenshot is written to
/// board-screenshots/ in the test output; YIYANG_UPDATE_SCREENSHOT=1 also refreshes the README's.
/// </summary>
[Collection(DemoQuarterCollection.Name)]
public sealed class BoardBrowserTests(DemoQuarterHost host, ITestOutputHelper output) : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"No browser at {Chromium}: apt-get install -y chromium chromium-driver fonts-noto-cjk (.ci/run does).");
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }

    [Fact]
    public async Task A_liaison_acknowledges_a_task_from_her_to_do_and_it_leaves_the_list()
    {
        var page = await OpenAsync();
        await page.ClickAsync("button[data-role=liaison]");
        await page.WaitForSelectorAsync(".todo-item[data-kind=acknowledge] button.acknowledge");
        await ScreenshotAsync(page, "todo");

        var first = await page.EvaluateExpressionAsync<string[]>(
            "(() => { const i = document.querySelector('.todo-item[data-kind=acknowledge]'); return [i.dataset.plan, i.dataset.number]; })()");
        var before = await CountAsync(page, ".todo-item[data-kind=acknowledge]");
        var total = await page.EvaluateExpressionAsync<int>("Number(document.querySelector('[data-count=total]').textContent)");
        await page.ClickAsync(".todo-item[data-kind=acknowledge] button.acknowledge");
        var selector = $".todo-item[data-kind=acknowledge][data-plan='{first[0]}'][data-number='{first[1]}']";
        await page.WaitForFunctionAsync($"() => !document.querySelector(\"{selector}\") && document.querySelector('[data-count=total]')");

        Assert.Equal(before - 1, await CountAsync(page, ".todo-item[data-kind=acknowledge]"));
        Assert.Equal(total - 1, await page.EvaluateExpressionAsync<int>("Number(document.querySelector('[data-count=total]').textContent)"));
        await ScreenshotAsync(page, "todo-after-acknowledging");

        // The task's page shows the acknowledgement at the end of its timeline, by her.
        await page.GoToAsync($"{host.Address}board/#/plans/{first[0]}/tasks/{first[1]}");
        await page.WaitForSelectorAsync("ol.timeline li[data-type=TaskAcknowledgedByLeadUnit]");
        var last = await page.EvaluateExpressionAsync<string>("[...document.querySelectorAll('ol.timeline li')].pop().textContent");
        Assert.Contains("签收", last);
        Assert.Contains("联络员", last);
        await ScreenshotAsync(page, "task");
    }

    [Fact]
    public async Task The_office_sees_the_light_counts_and_the_ranking_chart()
    {
        var page = await OpenAsync();
        await page.ClickAsync("button[data-role=office]");
        await page.WaitForSelectorAsync(".plans a");
        await ScreenshotAsync(page, "plans");
        await page.ClickAsync(".plans a[href='#/plans/yanling']");
        await page.WaitForSelectorAsync("svg.ranking rect.bar");

        // The figures are the overview endpoint's, as any client reads them.
        using var office = host.As(Roles.Office);
        var overview = (await office.GetFromJsonAsync<PlanOverview>("/api/reports/plans/yanling/overview",
            YiyangTasks.Api.Http.ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web))))!;
        foreach (var light in Enum.GetValues<Light>())
        {
            var name = light.ToString().ToLowerInvariant();
            var shown = await page.EvaluateExpressionAsync<int>($"Number(document.querySelector('[data-light={name}] strong').textContent)");
            Assert.Equal(overview.Lights.GetValueOrDefault(light), shown);
        }
        var taskCount = await page.EvaluateExpressionAsync<int>(
            "[...document.querySelectorAll('[data-status]')].reduce((s, b) => s + Number(b.textContent), 0)");
        Assert.Equal(overview.Lights.Values.Sum(), taskCount);
        Assert.True(overview.Lights.GetValueOrDefault(Light.Red) > 0, "no red light on yanling");
        var bars = await CountAsync(page, "svg.ranking rect.bar");
        Assert.True(bars >= 5, $"{bars} bars");
        // The chart is drawn: the best unit's bar is wider than the worst's.
        var widths = await page.EvaluateExpressionAsync<double[]>(
            "[...document.querySelectorAll('svg.ranking rect.bar')].map(r => r.getBoundingClientRect().width)");
        Assert.True(widths[0] > widths[^1]);
        Assert.True(await CountAsync(page, "#overdue tbody tr") > 0);
        await ScreenshotAsync(page, "plan", readme: true);
    }

    [Fact]
    public async Task The_office_sees_the_most_burdened_units_first()
    {
        var page = await OpenAsync();
        await page.ClickAsync("button[data-role=office]");
        await page.WaitForSelectorAsync(".plans a");
        await page.ClickAsync("a[href='#/burden']");
        await page.WaitForSelectorAsync("#burden tbody tr");

        // The same figures as the burden endpoint gives any client, in its order.
        using var office = host.As(Roles.Office);
        using var report = JsonDocument.Parse(await office.GetStringAsync("/api/reports/burden"));
        var units = report.RootElement.GetProperty("units").EnumerateArray()
            .Select(u => (Unit: u.GetProperty("unit").GetString()!, Total: u.GetProperty("total").GetInt32())).ToArray();
        Assert.True(units.Length >= 5, $"{units.Length} units");
        var shown = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('#burden tbody tr')].map(r => r.dataset.unit + '|' + r.querySelector('[data-total]').textContent)");
        Assert.Equal(units.Select(u => $"{u.Unit}|{u.Total}"), shown);
        Assert.True(units[0].Total >= units[^1].Total);
        await ScreenshotAsync(page, "burden");
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await _browser!.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
        page.PageError += (_, e) => output.WriteLine($"page error: {e.Message}");
        await page.GoToAsync($"{host.Address}board");
        await page.WaitForSelectorAsync("#demo-roles:not([hidden]) button");
        return page;
    }

    private static Task<int> CountAsync(IPage page, string selector) =>
        page.EvaluateExpressionAsync<int>($"document.querySelectorAll(\"{selector}\").length");

    private async Task ScreenshotAsync(IPage page, string name, bool readme = false)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "board-screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(file, new ScreenshotOptions { FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
        output.WriteLine($"screenshot: {file}");
        if (readme && Environment.GetEnvironmentVariable("YIYANG_UPDATE_SCREENSHOT") == "1")
        {
            var root = RepositoryFolders.Root(AppContext.BaseDirectory)!;
            await page.ScreenshotAsync(Path.Combine(root, "src", "YiyangTasks.Api", "Board", "board.png"), new ScreenshotOptions { FullPage = false });
        }
    }
}
