using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DiligenceBot.Reviews;

public static class ReviewRegistration
{
    /// <summary>The lead's review shared by every record kind (each kind registers its own <see cref="ReviewKind{TSubject}"/>).</summary>
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.TryAddScoped<LeadReview>();
        return services;
    }
}
