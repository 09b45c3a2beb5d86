using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace YiyangTasks.Api.Identity;

/// <summary>JWT bearer authentication (a local key or an external identity provider) and the role policies.</summary>
public static class Authentication
{
    public static WebApplicationBuilder AddIdentity(this WebApplicationBuilder builder)
    {
        var settings = AuthSettings.From(builder.Configuration);
        if (settings.SigningKey is null && settings.Authority is null)
            throw new InvalidOperationException(
                "No way to authenticate: set Auth:Authority (and Auth:Audience) for an identity provider, or Auth:SigningKey for locally minted tokens.");

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<TokenIssuer>();
        // The default Bearer scheme also binds Authentication:Schemes:Bearer, which is where
        // `dotnet user-jwts` puts its issuer, audience and signing key: those tokens work too.
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                if (settings.Authority is not null)
                {
                    options.Authority = settings.Authority;
                    options.Audience = settings.Audience;
                }
                options.TokenValidationParameters.NameClaimType = ActorClaims.Name;
                options.TokenValidationParameters.RoleClaimType = ActorClaims.Role;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
                if (settings.SigningKey is not null)
                {
                    options.TokenValidationParameters.IssuerSigningKey = TokenIssuer.SigningKey(settings.SigningKey);
                    options.TokenValidationParameters.ValidIssuers = [settings.Issuer, .. options.TokenValidationParameters.ValidIssuers ?? []];
                    options.TokenValidationParameters.ValidAudiences = [settings.Audience, .. options.TokenValidationParameters.ValidAudiences ?? []];
                }
            });

        // Token lifetimes are judged by the injected clock, like everything else that depends on time. A custom
        // validator replaces the handler's own RequireExpirationTime check, so it refuses a token without exp itself:
        // such a token would be good forever.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((options, clock) =>
            {
                var skew = options.TokenValidationParameters.ClockSkew;
                options.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore.Value <= now + skew) && expires is not null && expires.Value > now - skew;
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.LiaisonWork, p => p.RequireRole(Roles.Liaison).RequireClaim(ActorClaims.Unit))
            .AddPolicy(Policies.OfficeWork, p => p.RequireRole(Roles.Office))
            .AddPolicy(Policies.SupervisionWork, p => p.RequireRole(Roles.Supervision))
            .AddPolicy(Policies.AdminWork, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.OfficeOrSupervision, p => p.RequireRole(Roles.Office, Roles.Supervision));
        return builder;
    }
}
