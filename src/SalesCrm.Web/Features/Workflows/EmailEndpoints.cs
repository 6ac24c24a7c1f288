using Microsoft.AspNetCore.Http.HttpResults;
using SalesCrm.Core.Common;
using SalesCrm.Core.Email;
using SalesCrm.Core.Identity;

namespace SalesCrm.Web.Features.Workflows;

/// <summary><c>GET /api/v1/emails?lead_id=eq.&lt;id&gt;</c>: the e-mail outbox (sent, not sent for want of SMTP, failed), newest first.</summary>
public static class EmailEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/emails", ListAsync).WithTags("Emails").RequireAuthorization(Capabilities.LeadsRead);

    private static async Task<Ok<Paged<EmailDto>>> ListAsync(EmailService service, CancellationToken ct, string? lead_id = null, int limit = 50, int offset = 0)
    {
        Guid? lead = null;
        if (lead_id is not null)
        {
            var text = lead_id.StartsWith("eq.", StringComparison.Ordinal) ? lead_id[3..] : lead_id;
            lead = Guid.TryParse(text, out var parsed) ? parsed : throw new ValidationException("lead_id", "must be eq.<lead id>.");
        }
        if (limit is < 1 or > 200) throw new ValidationException("limit", "must be between 1 and 200.");
        if (offset < 0) throw new ValidationException("offset", "must be 0 or more.");
        return TypedResults.Ok(await service.ListAsync(lead, new PageRequest(limit, offset), ct));
    }
}
