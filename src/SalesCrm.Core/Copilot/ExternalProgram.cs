using System.ComponentModel;
using System.Diagnostics;

namespace SalesCrm.Core.Copilot;

/// <summary>Runs a local program (espeak-ng, pocketsphinx, ffmpeg) with arguments as a list (no shell), bytes on stdin, and a time limit.</summary>
internal static class ExternalProgram
{
    /// <summary>
    /// The program's exit code, stdout bytes and stderr text. Null when the program is not installed (not found on PATH or
    /// at its path). A run past <paramref name="timeout"/> is killed and throws <see cref="TimeoutException"/>.
    /// </summary>
    public static async Task<(int ExitCode, byte[] Output, string Errors)?> RunAsync(string program, IEnumerable<string> arguments, byte[]? input, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, CreateNoWindow = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("not started");
        }
        catch (Win32Exception)
        {
            return null;
        }
        using (process)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                var output = new MemoryStream();
                var reading = process.StandardOutput.BaseStream.CopyToAsync(output, limit.Token);
                var errors = process.StandardError.ReadToEndAsync(limit.Token);
                if (input is not null) await process.StandardInput.BaseStream.WriteAsync(input, limit.Token);
                process.StandardInput.Close();
                await Task.WhenAll(reading, errors);
                await process.WaitForExitAsync(limit.Token);
                return (process.ExitCode, output.ToArray(), await errors);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                if (ct.IsCancellationRequested) throw;
                throw new TimeoutException($"{Path.GetFileName(program)} took longer than {timeout.TotalSeconds:0} s.");
            }
        }
    }
}
