using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.WebUtilities;

namespace CaseLedger.Api.Infrastructure;

/// <summary>
/// Kestrel refuses a request it cannot parse (a <c>%00</c> in the path, a request line or headers beyond its
/// limits) before any middleware runs, with an empty body, and offers no hook to change that (its maintainers say
/// so). Such an answer is always the last on its connection: a 400, 414 or 431 with <c>Content-Length: 0</c>,
/// <c>Connection: close</c> and no content type, which no answer of the API itself looks like (every error it
/// sends is problem+json). This connection middleware recognises exactly that header block as Kestrel writes it
/// and adds a problem-details body. Every other write passes straight through after a few byte comparisons.
/// </summary>
public static class BareRejections
{
    public static void ProblemForBareRejections(this KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new DuplexPipe(transport.Input, new RewritingWriter(transport.Output));
            return next(connection);
        }));

    private static readonly byte[] StatusLineStart = "HTTP/1.1 4"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>The same header block with a problem body, or null when these bytes are not Kestrel's bare refusal.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (!written.StartsWith(StatusLineStart) || !written.EndsWith(HeaderEnd) || written.Length > 1024) return null;
        var lines = Encoding.ASCII.GetString(written[..^HeaderEnd.Length]).Split("\r\n");
        if (!int.TryParse(lines[0].AsSpan(9, 3), out var status) || status is not (400 or 414 or 431)) return null;
        var headers = lines.Skip(1).ToList();
        bool Has(string line) => headers.Any(header => header.Equals(line, StringComparison.OrdinalIgnoreCase));
        if (!Has("Content-Length: 0") || !Has("Connection: close")
            || headers.Any(header => header.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase)))
            return null;

        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            type = status switch
            {
                414 => "https://tools.ietf.org/html/rfc9110#section-15.5.15",
                431 => "https://tools.ietf.org/html/rfc6585#section-5",
                _ => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            },
            title = status switch
            {
                414 => "The request's URL is longer than this server accepts.",
                431 => "The request's headers are larger than this server accepts.",
                _ => "The request could not be read.",
            },
            status,
            detail = status == 400 ? "The request line or headers are malformed, for instance a NUL (%00) in the path." : ReasonPhrases.GetReasonPhrase(status),
        });
        var head = new StringBuilder(lines[0]).Append("\r\n");
        foreach (var header in headers.Where(header => !header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)))
            head.Append(header).Append("\r\n");
        head.Append("Content-Type: application/problem+json\r\n").Append("X-Content-Type-Options: nosniff\r\n").Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;
        public PipeWriter Output { get; } = output;
    }

    /// <summary>Hands out the transport's own buffers and looks at what was written in them before committing it.</summary>
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private Memory<byte> handedOut;

        public override Memory<byte> GetMemory(int sizeHint = 0) => handedOut = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes)
        {
            var replacement = bytes > 0 && handedOut.Length >= bytes ? Rewrite(handedOut.Span[..bytes]) : null;
            handedOut = default;
            if (replacement is null)
            {
                inner.Advance(bytes);
                return;
            }
            replacement.CopyTo(inner.GetSpan(replacement.Length));
            inner.Advance(replacement.Length);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
