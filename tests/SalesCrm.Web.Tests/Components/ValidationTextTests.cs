using SalesCrm.Core.Common;
using SalesCrm.Web.Components.Shared;

namespace SalesCrm.Web.Tests.Components;

/// <summary>A service's validation errors read in the UI language, each under the field's UI label.</summary>
public class ValidationTextTests
{
    [Theory]
    [InlineData("pt-BR", "name", "must be at most 200 characters.", "Nome: deve ter no máximo 200 caracteres.")]
    [InlineData("en", "name", "must be at most 200 characters.", "Name: must be at most 200 characters.")]
    [InlineData("pt-BR", "variables", "Missing values for: data.", "Variáveis: preencha data.")]
    [InlineData("pt-BR", "owner_id", "is not a member of this tenant.", "Responsável: não é membro deste espaço de trabalho.")]
    [InlineData("pt-BR", "stages[1].probability", "must be between 0 and 100.", "Chance de ganho: deve estar entre 0 e 100.")]
    [InlineData("pt-BR", "value", "must be between 0 and 1000000000000.", "Valor: deve estar entre 0 e 1.000.000.000.000.")]
    [InlineData("pt-BR", "due_at", "is required.", "Vence em: é obrigatório.")]
    [InlineData("pt-BR", "phone", "'12' is not a valid phone number.", "Telefone: \"12\" não é um telefone válido.")]
    [InlineData("pt-BR", "stage_id", "does not name a stage of this tenant.", "Etapa: não existe neste espaço de trabalho.")]
    [InlineData("pt-BR", "q", "must be at most 200 characters.", "Busca: deve ter no máximo 200 caracteres.")]
    [InlineData("pt-BR", "file", "has no header row.", "Arquivo: has no header row.")]
    [InlineData("pt-BR", "message", "must be at most 500 characters.", "Mensagem: deve ter no máximo 500 caracteres.")]
    [InlineData("pt-BR", "header_map", "has no header row.", "header_map: has no header row.")]
    [InlineData("pt-BR", "graph.nodes[1].id", "'t' is the id of another node.", "Passo 2 · id: \"t\" já é o id de outro passo.")]
    [InlineData("en", "graph.nodes[1].id", "'t' is the id of another node.", "Step 2 · id: \"t\" is the id of another step.")]
    [InlineData("pt-BR", "graph.nodes[0].position", "must be between -100000 and 100000.", "Passo 1 · Posição: deve estar entre -100.000 e 100.000.")]
    [InlineData("pt-BR", "graph.nodes", "must have at most 500 nodes.", "Passos: deve ter no máximo 500 passos.")]
    [InlineData("pt-BR", "graph.nodes[2].settings", "must be a JSON object.", "Passo 3 · Configurações: deve ser um objeto JSON.")]
    public void Common_validation_messages_are_translated_and_name_the_field_by_its_label(string culture, string field, string message, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, ValidationText.Summary(ResourceLocalizer.For(culture), new ValidationException(field, message)));
    }
}
