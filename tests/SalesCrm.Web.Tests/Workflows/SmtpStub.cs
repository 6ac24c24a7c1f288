using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SalesCrm.Web.Tests.Workflows;

/// <summary>
/// A minimal SMTP server on a loopback port (plain, no auth): it accepts every message and records it, or refuses
/// recipients listed in <see cref="Refused"/> with 550. Enough for MailKit's client.
/// </summary>
public sealed class SmtpStub : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public sealed record Mail(string From, IReadOnlyList<string> To, string Data);

    public ConcurrentQueue<Mail> Received { get; } = new();
    public ConcurrentDictionary<string, bool> Refused { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int Port { get; }

    public SmtpStub()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptAsync);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 stub ESMTP ready");
        string from = "";
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-stub\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                        break;
                    case "HELO" or "NOOP" or "RSET":
                        if (verb == "RSET") { from = ""; to.Clear(); }
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = Address(line);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        var rcpt = Address(line);
                        if (Refused.ContainsKey(rcpt)) await writer.WriteLineAsync("550 5.1.1 No such user");
                        else
                        {
                            to.Add(rcpt);
                            await writer.WriteLineAsync("250 OK");
                        }
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            data.AppendLine(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine);
                        Received.Enqueue(new Mail(from, to.ToList(), data.ToString()));
                        to.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
        _stop.Dispose();
    }
}
