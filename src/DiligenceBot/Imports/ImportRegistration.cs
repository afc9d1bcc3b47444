using DiligenceBot.Assessment;
using DiligenceBot.Conversations;
using DiligenceBot.Customers;

namespace DiligenceBot.Imports;

public static class ImportRegistration
{
    /// <summary>
    /// Files imported in chat: one mechanism (<see cref="ImportFileVerb"/>, reached through the file verb) for the kinds
    /// there are — the customer register, managers' monthly figures, retail customers' evaluations, named to users in
    /// this order — and their templates (<c>customers template</c>, <c>template figures</c> / <c>模板 业绩</c> …).
    /// </summary>
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.AddScoped<ImportKind, CustomerImport>();
        services.AddScoped<ImportKind, FiguresImport>();
        services.AddScoped<ImportKind, EvaluationImport>();
        services.AddScoped<ImportKinds>();
        services.AddScoped<ImportFileVerb>();
        return services.AddBotVerb<ImportTemplateVerb>(TemplateVerb,
            "template", "templates", "模板", "导入模板",
            "customers template", "customer template", "客户模板", "客户导入模板",
            "figures template", "业绩模板", "业绩导入模板",
            "evaluations template", "evaluation template", "评价模板", "客户评价模板");
    }

    /// <summary>The template verb's name (it was the customer template's alone).</summary>
    public const string TemplateVerb = "import.template";
}
