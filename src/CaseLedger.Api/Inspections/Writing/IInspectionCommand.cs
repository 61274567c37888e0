
namespace CaseLedger.Api.Inspections.Writing;

/// <summary>
/// One inspection command as <see cref="WritePipeline"/> runs it. A command reads what its decision needs and
/// hands it to a pure decision; the pipeline does everything around that, once for every command.
/// </summary>
public interface IInspectionCommand<TState>
{
    /// <summary>The stream the events go to, and whose lock the commit takes.</summary>
    Guid InspectionId { get; }

    /// <summary>Reads (never writes) what the decision needs, then decides purely from it.</summary>
    Task<Decision<TState>> DecideAsync(IQuerySession session, Actor actor, WriteClock clock, CancellationToken cancellation);

    IResult Respond(TState state);

    /// <summary>
    /// Only after the database refused the commit: the answer to give, or null to let the exception through. Most
    /// commands give the problem the database's refusal means; some read what won the race to say it in their terms,
    /// and a retry that raced its own first attempt is answered as that attempt was.
    /// </summary>
    Task<IResult?> ExplainAsync(Exception refused, Decision<TState> decision, IQuerySession query, CancellationToken cancellation) =>
        Task.FromResult(LedgerWrites.Refusal(refused)?.ToResult());
}
