using JasperFx.CodeGeneration;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// The refusals an endpoint can answer, each a problem-details body, declared in one line for the OpenAPI document
/// rather than one <c>ProducesResponseType</c> per status.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProblemResponsesAttribute(params int[] statuses) : ModifyHttpChainAttribute
{
    public IReadOnlyList<int> Statuses { get; } = statuses;

    public override void Modify(HttpChain chain, GenerationRules rules)
    {
        foreach (var status in Statuses)
            chain.Metadata.ProducesProblem(status, "application/problem+json");
    }
}
