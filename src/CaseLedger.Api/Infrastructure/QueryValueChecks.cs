namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Refuses a query string whose names or values hold a control character, for every route at once, so none can
/// forget: PostgreSQL cannot store NUL (a <c>?yot=a%00b</c> once reached it and answered 500) and no parameter
/// of this API has a use for the others. It runs before authentication: the answer depends on the request alone,
/// says nothing about what exists, and a refused request costs no token validation.
/// </summary>
public static class QueryValueChecks
{
    public static WebApplication UseQueryValueChecks(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var errors = new FieldErrors();
            foreach (var (name, values) in http.Request.Query)
                if (name.Any(char.IsControl) || values.Any(value => value?.Any(char.IsControl) == true))
                    errors.Add(name, "must not contain control characters.");
            if (errors.ToRejection() is { } rejection)
            {
                await rejection.ToResult().ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        return app;
    }
}
