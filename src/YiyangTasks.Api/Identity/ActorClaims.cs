using System.Security.Claims;
using YiyangTasks.Domain.Tasks;

namespace YiyangTasks.Api.Identity;

/// <summary>Who is acting, read from the request's token: user id (sub), display name, role and unit.</summary>
public static class ActorClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Unit = "unit";

    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var userId = principal.FindFirst(UserId)?.Value
                     ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value
                     ?? principal.Identity?.Name
                     ?? "anonymous";
        var name = principal.FindFirst(Name)?.Value
                   ?? principal.FindFirst("unique_name")?.Value
                   ?? principal.Identity?.Name
                   ?? userId;
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "none";
        var unit = principal.FindFirst(Unit)?.Value;
        return new Actor(userId, name, role, string.IsNullOrWhiteSpace(unit) ? null : unit);
    }
}
