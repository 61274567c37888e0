namespace CaseLedger.Verifier;

/// <summary>In a namespace of its own, so a project that references both this and the API sees one <c>Program</c> of each.</summary>
public static class Program
{
    public static int Main(string[] args) => VerifyCommand.Run(args, Console.Out, Console.Error);
}
