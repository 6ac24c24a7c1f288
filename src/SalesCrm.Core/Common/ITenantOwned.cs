namespace SalesCrm.Core.Common;

/// <summary>A business row that belongs to exactly one tenant; filtered and stamped by <c>CrmDbContext</c>.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}

/// <summary>An entity whose creates, updates and deletes are written to the audit log.</summary>
public interface IAudited
{
    Guid Id { get; }
}
