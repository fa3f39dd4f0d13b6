namespace Plan10000.Portal.Web.Caching;

internal static class ServiceDecoration
{
    /// <summary>Wraps the framework's registration of <typeparamref name="TService"/>, keeping its lifetime and constructor.</summary>
    public static void Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var existing = services.Last(d => d.ServiceType == typeof(TService));
        services.Remove(existing);
        services.Add(ServiceDescriptor.Describe(
            typeof(TService),
            provider => decorate(provider, (TService)(existing.ImplementationFactory?.Invoke(provider)
                ?? existing.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, existing.ImplementationType!))),
            existing.Lifetime));
    }
}
