using SalesCrm.Core.Knowledge;

namespace SalesCrm.Core.Tests.Knowledge;

public class KnowledgeChunkerTests
{
    private static readonly KnowledgeChunkerOptions Small = new() { MaxChars = 200, OverlapChars = 80 };

    [Fact]
    public void Headings_start_chunks_and_carry_their_path()
    {
        var chunks = KnowledgeChunker.Split("""
            # Objeções
            Intro geral.

            ## Está caro
            Mostre o valor.

            ### Parcelamento
            Até 10 vezes.

            ## Vou pensar
            Pergunte o que falta.
            """, Small);
        Assert.Equal(["Objeções"], chunks[0].HeadingPath);
        Assert.Equal(["Objeções", "Está caro"], chunks[1].HeadingPath);
        Assert.Equal(["Objeções", "Está caro", "Parcelamento"], chunks[2].HeadingPath);
        Assert.Equal(["Objeções", "Vou pensar"], chunks[3].HeadingPath);
        Assert.Equal("Pergunte o que falta.", chunks[3].Text);
    }

    [Fact]
    public void Plain_text_without_headings_is_packed_by_paragraph()
    {
        var chunks = KnowledgeChunker.Split("Primeiro parágrafo.\n\nSegundo parágrafo.\n\nTerceiro.", Small);
        var chunk = Assert.Single(chunks);
        Assert.Empty(chunk.HeadingPath);
        Assert.Equal("Primeiro parágrafo.\n\nSegundo parágrafo.\n\nTerceiro.", chunk.Text);
    }

    [Fact]
    public void A_long_paragraph_is_cut_between_sentences_within_the_limit_and_never_inside_one()
    {
        var sentences = Enumerable.Range(1, 30).Select(i => $"Esta é a frase número {i} do parágrafo, com algumas palavras a mais.").ToList();
        var chunks = KnowledgeChunker.Split(string.Join(' ', sentences), Small);
        Assert.True(chunks.Count > 5);
        foreach (var chunk in chunks)
        {
            Assert.True(chunk.Text.Length <= Small.MaxChars, chunk.Text);
            // Every piece of every chunk is one of the original sentences, whole.
            Assert.All(KnowledgeChunker.Sentences(chunk.Text), s => Assert.Contains(s, sentences));
        }
        // And every sentence is somewhere.
        Assert.All(sentences, s => Assert.Contains(chunks, c => c.Text.Contains(s, StringComparison.Ordinal)));
    }

    [Fact]
    public void Consecutive_chunks_of_a_split_section_overlap_by_whole_sentences()
    {
        var text = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Frase {i} explica um ponto importante da venda."));
        var chunks = KnowledgeChunker.Split(text, Small);
        for (var i = 1; i < chunks.Count; i++)
        {
            var previousLast = KnowledgeChunker.Sentences(chunks[i - 1].Text)[^1];
            var firstHere = KnowledgeChunker.Sentences(chunks[i].Text)[0];
            Assert.Contains(firstHere, KnowledgeChunker.Sentences(chunks[i - 1].Text));
            Assert.Contains(previousLast, chunks[i].Text);
        }
    }

    [Fact]
    public void No_overlap_when_set_to_zero()
    {
        var text = string.Join(' ', Enumerable.Range(1, 12).Select(i => $"Frase {i} explica um ponto importante da venda."));
        var chunks = KnowledgeChunker.Split(text, new KnowledgeChunkerOptions { MaxChars = 200, OverlapChars = 0 });
        var all = chunks.SelectMany(c => KnowledgeChunker.Sentences(c.Text)).ToList();
        Assert.Equal(all.Distinct().Count(), all.Count);
    }

    [Fact]
    public void A_sentence_longer_than_the_limit_is_kept_whole()
    {
        var longSentence = "Uma frase " + string.Join(' ', Enumerable.Repeat("muito", 80)) + " longa.";
        var chunks = KnowledgeChunker.Split("Curta antes. " + longSentence + " Curta depois.", Small);
        Assert.Contains(chunks, c => c.Text.Contains(longSentence, StringComparison.Ordinal));
    }

    [Fact]
    public void Abbreviations_and_numbers_do_not_end_a_sentence()
    {
        Assert.Equal(["O Sr. Silva pagou R$ 1.500,00 à vista.", "Depois pediu nota."], KnowledgeChunker.Sentences("O Sr. Silva pagou R$ 1.500,00 à vista. Depois pediu nota."));
    }

    [Fact]
    public void List_items_stay_whole()
    {
        var items = Enumerable.Range(1, 20).Select(i => $"- Item {i}: benefício descrito numa linha.").ToList();
        var chunks = KnowledgeChunker.Split("## Benefícios\n" + string.Join('\n', items), Small);
        Assert.True(chunks.Count > 1);
        Assert.All(items, item => Assert.Contains(chunks, c => c.Text.Contains(item, StringComparison.Ordinal)));
    }
}
