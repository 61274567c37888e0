namespace CaseLedger.Api.Notifications.Safety;

/// <summary>
/// A delivery found no address it may connect to. The handler wraps what a connection callback throws, so callers
/// see an <see cref="HttpRequestException"/> whose message is this one's followed by "(host:port)", with this as
/// its inner exception: the message is what a delivery attempt records as its error.
/// </summary>
public sealed class RefusedAddressException(string message)
    : HttpRequestException(HttpRequestError.ConnectionError, message);
