using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using YiyangTasks.Api.Tests.Infrastructure;

namespace YiyangTasks.Api.Tests.Identity;

/// <summary>Tokens made by `dotnet user-jwts` are accepted beside our own: its issuer, audience and key come from Authentication:Schemes:Bearer.</summary>
public class UserJwtsTests
{
    [Fact]
    public async Task A_token_shaped_like_dotnet_user_jwts_is_accepted_with_its_role()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var database = await TestPostgres.CreateDatabaseAsync(nameof(UserJwtsTests));
        await using var api = ApiFactory.OnDatabase(database, ApiFactory.Start, new Dictionary<string, string>
        {
            ["Authentication:Schemes:Bearer:ValidAudiences:0"] = "http://localhost:5080",
            ["Authentication:Schemes:Bearer:ValidIssuer"] = "dotnet-user-jwts",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = "dotnet-user-jwts",
            ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(key),
        });
        await api.InitializeAsync();
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "dotnet-user-jwts",
            Audience = "http://localhost:5080",
            Claims = new Dictionary<string, object> { ["sub"] = "developer", ["unique_name"] = "developer", ["role"] = "office" },
            NotBefore = now, IssuedAt = now, Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/events")).StatusCode); // office, not supervision
        using var ours = api.As("office");
        Assert.Equal(HttpStatusCode.OK, (await ours.GetAsync("/api/plans")).StatusCode); // our own tokens still work
    }
}
