using SalesCrm.Core.Common;

namespace SalesCrm.Core.Pipelines;

/// <summary>A sales process: ordered stages a lead moves through. Each tenant starts with one default pipeline.</summary>
public sealed class Pipeline : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
    public int Order { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<Stage> Stages { get; set; } = [];
}

public sealed class Stage : ITenantOwned, IAudited
{
    public Guid Id { get; set; } = Ids.New();
    public Guid TenantId { get; set; }
    public Guid PipelineId { get; set; }
    public required string Name { get; set; }
    public string Color { get; set; } = "#90a4ae";
    public int Order { get; set; }
    /// <summary>Win probability in percent, used for the weighted value.</summary>
    public int Probability { get; set; }
    public StageKind Kind { get; set; } = StageKind.Open;
    public bool IsActive { get; set; } = true;
    /// <summary>Cards idle longer than this many days are flagged as rotting; null never rots.</summary>
    public int? RottenAfterDays { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum StageKind { Open, Won, Lost }

public static class DefaultPipeline
{
    public const string Name = "Funil de vendas";

    /// <summary>The stages every tenant starts with (Kommo-style Portuguese names).</summary>
    public static readonly IReadOnlyList<(string Name, string Color, int Probability, StageKind Kind, int? RottenAfterDays)> Stages =
    [
        ("Novo", "#90caf9", 10, StageKind.Open, 3),
        ("Contato", "#80deea", 20, StageKind.Open, 5),
        ("Qualificado", "#a5d6a7", 40, StageKind.Open, 7),
        ("Proposta", "#ffe082", 60, StageKind.Open, 10),
        ("Negociação", "#ffab91", 80, StageKind.Open, 10),
        ("Ganho", "#66bb6a", 100, StageKind.Won, null),
        ("Perdido", "#ef5350", 0, StageKind.Lost, null),
    ];
}
