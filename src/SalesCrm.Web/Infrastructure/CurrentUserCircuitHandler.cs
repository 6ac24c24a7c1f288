using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SalesCrm.Web.Infrastructure;

/// <summary>Keeps <see cref="CurrentUser"/> in step with the circuit's authentication state, before every inbound activity.</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider authState, CurrentUser currentUser) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        currentUser.CorrelationId = circuit.Id;
        currentUser.Set((await authState.GetAuthenticationStateAsync()).User);
        authState.AuthenticationStateChanged += OnChanged;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            currentUser.Set((await authState.GetAuthenticationStateAsync()).User);
            await next(context);
        };

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => { if (t.IsCompletedSuccessfully) currentUser.Set(t.Result.User); }, TaskScheduler.Default);

    public void Dispose() => authState.AuthenticationStateChanged -= OnChanged;
}
