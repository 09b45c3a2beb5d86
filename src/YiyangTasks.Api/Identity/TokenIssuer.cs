using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace YiyangTasks.Api.Identity;

/// <summary>
/// Mints tokens signed with the locally configured key, for development and tests (the `token` host
/// command). Production uses an external identity provider instead (Auth:Authority).
/// </summary>
public sealed class TokenIssuer(AuthSettings settings, TimeProvider clock)
{
    public string Mint(string role, string? unit, string name, TimeSpan lifetime, string? userId = null)
    {
        var key = settings.SigningKey ?? throw new InvalidOperationException(
            "No Auth:SigningKey configured: tokens can only be minted with a local signing key.");
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [ActorClaims.UserId] = userId ?? $"{role}:{name}",
            [ActorClaims.Name] = name,
            [ActorClaims.Role] = role,
        };
        if (!string.IsNullOrWhiteSpace(unit)) claims[ActorClaims.Unit] = unit;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(SigningKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));
}

/// <summary>The Auth section of configuration.</summary>
public sealed record AuthSettings(string? SigningKey, string Issuer, string Audience, string? Authority)
{
    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var key = section["SigningKey"];
        if (key is not null && Encoding.UTF8.GetByteCount(key) < 32)
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes long.");
        return new AuthSettings(
            key,
            section["Issuer"] ?? "yiyangtasks",
            section["Audience"] ?? "yiyangtasks-api",
            section["Authority"]);
    }
}
