using System.Text;

namespace CaseLedger.Tests.Infrastructure;

/// <summary>Only Kestrel's own bare refusal is rewritten; any answer of the API passes as it was written.</summary>
public sealed class BareRejectionsTests
{
    private static byte[]? Rewrite(string written) => BareRejections.Rewrite(Encoding.ASCII.GetBytes(written));

    [Fact]
    public void Kestrels_bare_400_gets_a_problem_body_and_keeps_its_other_headers()
    {
        var rewritten = Rewrite("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Tue, 01 Dec 2026 22:00:00 GMT\r\nServer: Kestrel\r\n\r\n");

        var text = Encoding.UTF8.GetString(rewritten!);
        var body = text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", text);
        Assert.Contains("\r\nConnection: close\r\n", text);
        Assert.Contains("\r\nDate: Tue, 01 Dec 2026 22:00:00 GMT\r\n", text);
        Assert.Contains("\r\nContent-Type: application/problem+json\r\n", text);
        Assert.Contains("\r\nX-Content-Type-Options: nosniff\r\n", text);
        Assert.Contains($"\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n", text);
        Assert.DoesNotContain("Content-Length: 0", text);
        Assert.Contains("\"status\":400", body);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n{\"a\":1}")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n")]
    public void Anything_else_passes_unchanged(string written) => Assert.Null(Rewrite(written));
}
