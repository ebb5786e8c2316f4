using WuShe.App.Accounts;
using WuShe.App.Hosting;

namespace WuShe.App.Todo;

/// <summary>待办: its service and its read endpoint (the same list as the page, for the signed-in user only).</summary>
public static class TodoSetup
{
    public static IServiceCollection AddTodo(this IServiceCollection services) => services.AddSingleton<TodoQueries>();

    public static void MapTodo(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/todo", (HttpContext http, TodoQueries todos, CancellationToken ct) =>
                ApiResults.Run(() => todos.ForAsync(http.User.Actor(), http.User.Scope(), ct)))
            .RequireAuthorization().AddEndpointFilter<RequestShape>();
}
