using Marten;
using Wolverine.Marten;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Identity;

/// <summary>A write session on behalf of whoever acts: its events carry the actor and the request's correlation id (the
/// audit reads both), and its messages leave through the outbox in the same transaction.</summary>
public static class ActingSession
{
    public static IDocumentSession Open(IDocumentStore store, IMartenOutbox outbox, Actor actor, string correlationId)
    {
        var session = store.LightweightSession();
        outbox.Enroll(session);
        session.CorrelationId = correlationId;
        session.LastModifiedBy = actor.UserId;
        session.SetHeader("actor", actor);
        return session;
    }
}
