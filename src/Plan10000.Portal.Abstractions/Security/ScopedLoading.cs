using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Plan10000.Portal.Abstractions.Security;

/// <summary>An object loaded in the reader's scope, or the answer to give instead (<see cref="Refusal"/>).</summary>
public readonly record struct InScope<T>(T? Value, IActionResult? Refusal)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool Refused => Refusal is not null;
}

/// <summary>
/// The one opening of a back-office action that touches an object: load it, answer 404 when it does not exist and 403
/// when it lies outside the reader's scope (<see cref="IAccessScope.Reaches"/>). The permission is the controller's
/// policy; this says which objects.
/// </summary>
public static class ScopedLoading
{
    public static async Task<InScope<T>> LoadInScopeAsync<T>(this ControllerBase controller, Task<T?> load, Func<T, ScopeOwner?> owner, ScopeReach reach = ScopeReach.Oversee)
        where T : class
    {
        var value = await load;
        return Decide(controller, value, value is null ? null : owner(value), reach);
    }

    /// <summary>The same when finding the owner takes a query (e.g. the département of a newsletter's club); a null owner is a 404.</summary>
    public static async Task<InScope<T>> LoadInScopeAsync<T>(this ControllerBase controller, Task<T?> load, Func<T, Task<ScopeOwner?>> owner, ScopeReach reach = ScopeReach.Oversee)
        where T : class
    {
        var value = await load;
        return Decide(controller, value, value is null ? null : await owner(value), reach);
    }

    private static InScope<T> Decide<T>(ControllerBase controller, T? value, ScopeOwner? owner, ScopeReach reach)
        where T : class
    {
        if (value is null || owner is null)
        {
            return new(null, controller.NotFound());
        }

        var scope = controller.HttpContext.RequestServices.GetRequiredService<IAccessScope>();
        return scope.Reaches(controller.User, owner, reach) ? new(value, null) : new(null, controller.Forbid());
    }
}
