using System.Text;
using System.Text.Json;
using Sessionizer.Core.Records;

namespace Sessionizer.Core.Tests;

/// <summary>The JSON text form of strings: only what JSON requires is escaped, as Jackson (Spark) writes it.</summary>
public class JsonTextTests
{
    [Fact]
    public void Every_code_point_is_written_raw_except_quote_backslash_and_controls()
    {
        for (var cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = char.ConvertFromUtf32(cp);
            var quoted = JsonText.Quote(text);

            var expected = cp switch
            {
                '"' => "\"\\\"\"",
                '\\' => "\"\\\\\"",
                '\b' => "\"\\b\"",
                '\t' => "\"\\t\"",
                '\n' => "\"\\n\"",
                '\f' => "\"\\f\"",
                '\r' => "\"\\r\"",
                < 0x20 => $"\"\\u00{cp:X2}\"",
                _ => $"\"{text}\"",
            };
            Assert.Equal(expected, Encoding.UTF8.GetString(quoted));
        }
    }

    [Theory]
    [InlineData("category 18")]
    [InlineData("")]
    [InlineData("😀 a \"quoted\" \\ path/\u0001\u001f\u007f\u00a0\u2028 \uE000 é")]
    public void Quoted_text_reads_back_as_the_same_string(string text)
    {
        Assert.Equal(text, JsonSerializer.Deserialize<string>(JsonText.Quote(text)));
    }

    [Fact]
    public void An_emoji_is_its_four_UTF8_bytes_not_an_escaped_surrogate_pair()
    {
        Assert.Equal("\"\U0001F600\""u8.ToArray(), JsonText.Quote("\U0001F600"));
    }
}
