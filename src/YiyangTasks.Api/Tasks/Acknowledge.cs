using YiyangTasks.Api.Http;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Tasks;

/// <summary>The (optional) body of POST …/acknowledgements: nothing to say but "we have it"; the unit comes from the token.</summary>
public sealed record AcknowledgementRequest;

/// <summary>POST …/acknowledgements: a lead unit's liaison acknowledges (签收) the task for their unit.</summary>
public static class Acknowledge
{
    public static async Task<IResult> Handle(string planId, int number, HttpContext http, TaskWrites writes)
    {
        if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            var (_, problem) = await RequestBody.ReadJsonAsync<AcknowledgementRequest>(http.Request);
            if (problem is not null) return problem;
        }
        return await writes.ExecuteAsync(http, planId, number,
            (task, actor, now) => new AcknowledgeTask(actor.Unit!).Decide(task, actor, now),
            TaskAccess.LeadUnitOnly);
    }
}
