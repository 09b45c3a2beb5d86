using Microsoft.AspNetCore.Localization;

[assembly: System.Resources.NeutralResourcesLanguage("zh-CN")]

namespace YiyangTasks.Api.Localization;

/// <summary>The languages the API answers in: Chinese (zh-CN) unless the request asks for English (Accept-Language: en).</summary>
public static class Languages
{
    public static readonly string[] Supported = ["zh-CN", "en"];

    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        // Outside a request (start-up, the scheduled sweep and digest, the command line) the host speaks Chinese too,
        // whatever the machine's locale says.
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(Supported[0]);
        services.AddLocalization();
        return services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("zh-CN").AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            options.ApplyCurrentCultureToResponseHeaders = true;
            // Accept-Language only: a query string or cookie could not be told apart from the API's own parameters.
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
    }
}
