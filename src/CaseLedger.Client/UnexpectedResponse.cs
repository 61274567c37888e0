namespace CaseLedger.Client;

/// <summary>The API answered a request with a status its caller did not expect; the message quotes the answer.</summary>
public sealed class UnexpectedResponse(string message) : Exception(message);
