using JasperFx.Events.Projections;
using Marten;
using YiyangTasks.Api.Reports.Projections;
using YiyangTasks.Api.Tasks;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Storage;

/// <summary>Every projection and document the event store keeps, in one place.</summary>
public static class ProjectionRegistry
{
    public static void Register(StoreOptions options)
    {
        // Inline: a read of a task right after a command must see that command.
        options.Projections.Add(new SupervisedTaskProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PlanProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<SupervisedTask>().Index(t => t.PlanId);
        // Async, run by the projection daemon from the events alone, off the command path: the reports' figures per task,
        // per unit and plan and per plan (Reports/Projections/ReportFiguresProjection.cs).
        options.Projections.Add(new ReportFiguresProjection(), ProjectionLifecycle.Async, ReportFiguresProjection.Name, daemon =>
        {
            daemon.DeleteViewTypeOnTeardown<TaskFigures>();
            daemon.DeleteViewTypeOnTeardown<UnitPlanFigures>();
            daemon.DeleteViewTypeOnTeardown<PlanFigures>();
            daemon.DeleteViewTypeOnTeardown<WatchedTask>();
        });
        options.Schema.For<TaskFigures>().Index(t => t.PlanId).Index(t => t.ValidUntil).Index(t => t.JudgedAt).GinIndexJsonDataMember(t => t.Units);
        options.Schema.For<UnitPlanFigures>().Index(r => r.PlanId).Index(r => r.Unit);
        options.Schema.For<PlanFigures>();
        // The digest selects the overdue tasks by a column and reads only their past-due obligations (RunOverdueDigest); the
        // overview reads a plan's overdue tasks in the order of their earliest past-due obligation, a page at a time (ProjectedReports).
        options.Schema.For<WatchedTask>().Duplicate(w => w.PlanId).Duplicate(w => w.Number).Duplicate(w => w.OverdueFrom)
            .Index(w => new { w.PlanId, w.OverdueFrom, w.Number });
        // A unit's to-do reads the tasks it leads across plans (ToDoQuery.OpenTasksLedBy).
        options.Schema.For<SupervisedTask>().GinIndexJsonDataMember(t => t.LeadUnits);
        options.Schema.For<SupervisedTask>().GinIndexJsonDataMember(t => t.CooperatingUnits);
        options.Schema.For<IdempotentResponse>();
        options.Schema.For<Units.UnitRecord>();
        options.Schema.For<Timeliness.TaskCheckSchedule>().Index(s => s.NextCheckAt);
        options.Schema.For<Digest.StoredDigest>().DocumentAlias("overduedigest").Index(d => d.Date);
        options.Schema.For<Digest.DigestOverdueNumbers>().Index(n => n.DigestId);
        options.Schema.For<Digest.DigestWebhook>();
        options.Schema.For<Todo.CalendarFeedKey>();
        options.Schema.For<Digest.DigestDelivery>().Index(d => d.DigestId);
    }
}
