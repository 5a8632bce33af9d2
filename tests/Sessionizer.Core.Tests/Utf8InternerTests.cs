using System.Text;
using Sessionizer.Core.Visits;

namespace Sessionizer.Core.Tests;

public class Utf8InternerTests : VocabularyTests
{
    [Fact]
    public void Strings_that_differ_only_in_the_middle_get_their_own_ids()
    {
        var interner = new Utf8Interner(Vocabulary);
        var first = interner.IdOf("category page 0001 of the site"u8);
        var second = interner.IdOf("category page 0002 of the site"u8);

        Assert.NotEqual(first, second);
        Assert.Equal("category page 0001 of the site", Vocabulary.StringOf(first));
        Assert.Equal("category page 0002 of the site", Vocabulary.StringOf(second));
    }

    [Fact]
    public void Short_strings_that_differ_in_any_one_byte_get_their_own_ids()
    {
        var interner = new Utf8Interner(Vocabulary);
        for (var length = 1; length <= 17; length++)
        {
            var text = new string('a', length);
            var id = interner.IdOf(Encoding.UTF8.GetBytes(text));
            for (var at = 0; at < length; at++)
            {
                var other = text[..at] + "b" + text[(at + 1)..];

                Assert.NotEqual(id, interner.IdOf(Encoding.UTF8.GetBytes(other)));
                Assert.Equal(other, Vocabulary.StringOf(interner.IdOf(Encoding.UTF8.GetBytes(other))));
            }
        }
    }

    [Fact]
    public void Thousands_of_strings_of_every_length_keep_their_ids_as_the_table_grows()
    {
        var interner = new Utf8Interner(Vocabulary);
        var texts = Enumerable.Range(0, 5_000).Select(i => new string('p', i % 40) + i).Append(string.Empty).ToList();
        var ids = texts.Select(t => interner.IdOf(Encoding.UTF8.GetBytes(t))).ToList();

        Assert.Equal(texts, ids.Select(Vocabulary.StringOf));
        Assert.Equal(ids, texts.Select(t => interner.IdOf(Encoding.UTF8.GetBytes(t))));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_have_no_id()
    {
        var interner = new Utf8Interner(Vocabulary);

        Assert.Equal(Vocabulary.Null, interner.IdOf([0xC3, 0x28]));
        Assert.Equal(Vocabulary.Null, interner.IdOf([0xC3, 0x28]));
    }
}
