using YiyangTasks.Api.Http;
using YiyangTasks.Api.Units;
using YiyangTasks.Domain.Tasks;
using YiyangTasks.Api.Localization;

namespace YiyangTasks.Api.Identity;

/// <summary>
/// Resolves who is acting once per request: the token's person, role and unit, the unit resolved to its
/// canonical name in the unit directory. A liaison whose unit is not in the directory is refused (403).
/// </summary>
public sealed class ActorFilter(UnitDirectoryCache units) : IEndpointFilter
{
    private const string ItemKey = "yiyang.actor";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var actor = http.User.ToActor();
        if (actor.Role == Roles.Liaison)
        {
            if (actor.Unit is null) return Problems.Forbidden(Messages.Of("liaison-token-without-unit"));
            var canonical = await units.ResolveAsync(actor.Unit, http.RequestAborted);
            if (canonical is null)
                return Problems.Forbidden(Messages.Of("token-unit-unknown", ("unit", actor.Unit)));
            actor = actor with { Unit = canonical };
        }
        http.Items[ItemKey] = actor;
        return await next(context);
    }

    /// <summary>The actor this request resolved to (the token's, unresolved, outside the filter).</summary>
    public static Actor Of(HttpContext http) =>
        http.Items.TryGetValue(ItemKey, out var actor) && actor is Actor resolved ? resolved : http.User.ToActor();
}

/// <summary>The request's correlation id: the caller's X-Correlation-Id when it is sane, else ours.</summary>
public static class Correlation
{
    public static string Id(HttpContext http)
    {
        var given = http.Request.Headers["X-Correlation-Id"].ToString();
        return given.Length is > 0 and <= 100 && given.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? given
            : http.TraceIdentifier;
    }
}
