using SalesCrm.Core.Gamification;

namespace SalesCrm.Core.Tests.Gamification;

public class QuizGeneratorTests
{
    private const string Text = "Sempre confirme o horário da visita com antecedência. Apresente a proposta comercial depois da demonstração completa.\nCurto demais.";

    [Fact]
    public void Each_long_enough_sentence_becomes_a_question_with_its_longest_word_blanked_among_four_options()
    {
        var questions = QuizGenerator.FromText(Text);
        Assert.Equal(2, questions.Count);
        var first = questions[0];
        Assert.Equal("Sempre confirme o horário da visita com _____.", first.Text);
        Assert.Equal(4, first.Options.Count);
        Assert.Equal("antecedência", first.Options[first.Correct]);
        Assert.Equal(first.Options.Order(StringComparer.Ordinal), first.Options);
        Assert.Equal("demonstração", questions[1].Options[questions[1].Correct]);
    }

    [Fact]
    public void The_same_text_gives_the_same_quiz_and_a_text_without_sentences_gives_none()
    {
        Assert.Equal(QuizGenerator.FromText(Text).Select(q => (q.Text, string.Join("|", q.Options), q.Correct)),
            QuizGenerator.FromText(Text).Select(q => (q.Text, string.Join("|", q.Options), q.Correct)));
        Assert.Empty(QuizGenerator.FromText("Olá."));
    }
}
