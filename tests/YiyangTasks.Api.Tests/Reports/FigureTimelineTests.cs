using System.Text.Json;
using YiyangTasks.Api.Http;
using YiyangTasks.Api.Tests.Infrastructure;
using YiyangTasks.Domain.Calendar;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Domain.Timeliness;

namespace YiyangTasks.Api.Tests.Reports;

/// <summary>
/// The figures projection's pieces equal the rules over a from-scratch fold: over seeded random lives, a task judged after any of
/// its events (its counts and the steps the clock brings, its watch of unmet obligations) answers at every later instant it covers
/// exactly what <see cref="UnitTimelinessReport"/>, <see cref="TrafficLight"/> and <see cref="Obligations"/> give over the full state.
/// </summary>
public class FigureTimelineTests
{
    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private static readonly TimelinessRules Rules = TimelinessRules.Default;
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.ChinaMainland;

    [Fact]
    public void A_task_judged_after_any_event_answers_every_later_instant_as_the_rules_over_its_fold()
    {
        var covered = 0;
        var steps = 0;
        var trimmed = 0;
        var attentionSteps = 0;
        var yellow = 0;
        for (var seed = 0; seed < 120; seed++)
        {
            var (events, end) = TaskLives.Live(new Random(seed), "plan-timeline", seed + 1, ApiFactory.Start, Calendar, Rules);
            SupervisedTask? task = null;
            var judgedAt = DateTimeOffset.MinValue;
            foreach (var (e, i) in events.Select((e, i) => (e, i)))
            {
                task = SupervisedTask.Evolve(task, e)!;
                if (SupervisedTask.OccurredAt(e) is { } at && at > judgedAt) judgedAt = at;
                // Judged after some events only, as a batch of the daemon folds several: every fourth and the last.
                if (i % 4 != 3 && i != events.Count - 1) continue;
                var timeline = FigureTimeline.Of(task, Rules, Calendar, judgedAt);
                // Looking ahead only as far as the timeline's end needs, as the projection stores it.
                var watch = TaskWatch.Of(task, Rules, Calendar, TaskWatch.HorizonFor(timeline, Rules));
                var attention = AttentionTimeline.Of(watch, Rules, Calendar, judgedAt, timeline.ValidUntil ?? DateTimeOffset.MaxValue);
                steps += timeline.Steps.Count;
                attentionSteps += attention.Steps.Count;
                // Also the last instants the timeline covers: the watch looks ahead only as far as they need.
                var last = timeline.ValidUntil is { } until ? new[] { until.AddDays(-3), until.AddHours(-1), until.AddTicks(-1) } : [];
                foreach (var now in Instants(judgedAt, end).Concat(last).Concat(Edges(watch)))
                {
                    if (!timeline.Covers(now)) continue;
                    covered++;
                    Assert.Equal(Canonical(UnitTimelinessReport.FiguresOf(task, Rules, Calendar, now)), Canonical(timeline.At(now)));
                    Assert.Equal(TrafficLight.Of(task, Rules, Calendar, now).Light, watch.LightAt(Rules, Calendar, now));
                    var overdue = task.IsCompleted ? [] : Obligations.Of(task, Rules, Calendar, now).Where(o => !o.IsMet && o.DueAt <= now)
                        .Select(o => (o.Kind, o.Unit, o.DueOn)).ToArray();
                    Assert.Equal(overdue, watch.OverdueAt(now).Select(o => (o.Kind, o.Unit, o.DueOn)).ToArray());
                    // What the task adds to its plan's lights and overdue list, from the steps summed as the plan keeps them.
                    var light = TrafficLight.Of(task, Rules, Calendar, now).Light;
                    Assert.Equal(AttentionTimeline.Of(light, overdue.Length), attention.At(now));
                    if (light == Light.Yellow) yellow++;
                    // The overview reads only the obligations due by LatestDueCounting: the same light and overdue list.
                    var latest = TaskWatch.LatestDueCounting(Rules, now);
                    var read = watch with { Unmet = [.. watch.Unmet.Where(o => o.DueOn <= latest)] };
                    trimmed += watch.Unmet.Count - read.Unmet.Count;
                    Assert.Equal(TrafficLight.Of(task, Rules, Calendar, now).Light, read.LightAt(Rules, Calendar, now));
                    Assert.Equal(overdue, read.OverdueAt(now).Select(o => (o.Kind, o.Unit, o.DueOn)).ToArray());
                }
            }
        }
        // The instants were worth the name: most were answered by the timelines, and the clock brought changes.
        Assert.True(covered > 2000, $"{covered} instants covered");
        Assert.True(steps > 100, $"{steps} steps");
        Assert.True(trimmed > 1000, $"{trimmed} obligations left out");
        Assert.True(attentionSteps > 100 && yellow > 50, $"{attentionSteps} attention steps, {yellow} instants yellow");
    }

    [Fact]
    public void Counts_summed_over_tasks_rank_the_units_as_the_report_over_all_the_tasks()
    {
        var lives = Enumerable.Range(0, 200).Select(seed => TaskLives.Live(new Random(5000 + seed), "plan-sum", seed + 1, ApiFactory.Start, Calendar, Rules))
            .ToArray();
        var full = lives.Select(l => TaskLives.Fold(l.Events)).ToArray();
        foreach (var now in new[] { 0, 30, 90, 400 }.Select(d => lives.Max(l => l.End).AddDays(d)))
        {
            var totals = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var task in full)
                foreach (var (unit, figures) in UnitTimelinessReport.FiguresOf(task, Rules, Calendar, now)) UnitFigures.AddTo(totals, unit, figures);
            Assert.Equal(JsonSerializer.Serialize(UnitTimelinessReport.Of(full, Rules, Calendar, now), Json),
                JsonSerializer.Serialize(UnitFigures.Ranking(totals), Json));
        }
    }

    /// <summary>Instants after a judgement: the same instant, hours, days and months on, past the life's end.</summary>
    private static IEnumerable<DateTimeOffset> Instants(DateTimeOffset judgedAt, DateTimeOffset end) =>
        new[] { 0.0, 0.3, 2, 5, 9, 17, 33, 45, 70, 120, 200 }.Select(d => judgedAt.AddDays(d)).Append(end).Append(end.AddDays(60));

    /// <summary>Either side of each instant a watch can change at: an obligation starting to count, falling due, and the midnights before it.</summary>
    private static IEnumerable<DateTimeOffset> Edges(TaskWatch watch) =>
        watch.Unmet.Take(6).SelectMany(o => new[] { o.CountsFrom, o.DueAt }.Concat(Enumerable.Range(1, 12).Select(d => ChinaTime.EndOf(o.DueOn.AddDays(-d)))))
            .Where(t => t > DateTimeOffset.MinValue.AddDays(1))
            .SelectMany(t => new[] { t.AddTicks(-1), t });

    private static string Canonical(Dictionary<string, int[]> figures) =>
        string.Join(";", figures.Where(f => f.Value[(int)Figure.Tasks] > 0 || !UnitFigures.IsZero(f.Value)).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}:{string.Join(",", f.Value)}"));
}
