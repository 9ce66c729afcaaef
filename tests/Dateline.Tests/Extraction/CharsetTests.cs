using System.Text;
using Dateline.Extraction;
using Dateline.Input;
using Dateline.Model;

namespace Dateline.Tests.Extraction;

public sealed class CharsetTests
{
    static CharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Page(string charsetTag, string text, int codePage) =>
        Encoding.GetEncoding(codePage).GetBytes($"<html><head>{charsetTag}</head><body><p>{text}</p></body></html>");

    [Fact]
    public void A_meta_charset_decodes_a_cyrillic_page()
    {
        const string text = "Правительство объявило о новых мерах поддержки для малого бизнеса.";
        var bytes = Page("<meta charset=\"windows-1251\">", text, 1251);

        var decoded = TextDecoder.Decode(bytes).Value!;

        Assert.Equal("windows-1251", decoded.Encoding);
        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_http_equiv_content_type_decodes_a_chinese_page()
    {
        const string text = "政府宣布了支持小企业的新措施。";
        var bytes = Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", text, 936);

        var document = ArticleReader.Default.Read(bytes, new SourceInfo("test", null, null)).Value!;

        Assert.Equal(text, document.Text);
    }

    [Fact]
    public void A_script_charset_attribute_is_not_the_page_charset()
    {
        const string text = "Die Regierung kündigte neue Maßnahmen für kleine Unternehmen an.";
        var bytes = Page("<script src=\"a.js\" charset=\"utf-8\"></script><meta charset=\"iso-8859-1\">", text, 1252);

        Assert.Equal("iso-8859-1", TextDecoder.MetaCharset(bytes));
        Assert.Contains(text, TextDecoder.Decode(bytes).Value!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_utf8_wins_over_a_wrong_latin1_declaration()
    {
        const string text = "Die Regierung kündigte neue Maßnahmen an.";
        var bytes = Encoding.UTF8.GetBytes($"<html><head><meta charset=\"iso-8859-1\"></head><body><p>{text}</p></body></html>");

        Assert.Contains(text, TextDecoder.Decode(bytes).Value!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_transport_charset_is_used_when_the_page_declares_none()
    {
        const string text = "Le gouvernement a annoncé des mesures pour les entreprises.";
        var bytes = Encoding.GetEncoding(1252).GetBytes($"<p>{text}</p>");

        var decoded = TextDecoder.Decode(bytes, "iso-8859-15").Value!;

        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_with_one_stray_byte_stays_utf8()
    {
        const string text = "Kolejne organizacje sprzeciwiają się atakom; uchwała w obronie fundacji została przyjęta jednogłośnie. Żółć, źdźbło, ćma, łąka, gęś, śląski, mąż, żółw, ślęża, źródło.";
        var bytes = Encoding.UTF8.GetBytes($"<html><body><p>{text}</p><p>x</p></body></html>").ToList();
        bytes.Insert(bytes.Count - 20, 0xE9);

        var decoded = TextDecoder.Decode(bytes.ToArray()).Value!;

        Assert.Equal("utf-8", decoded.Encoding);
        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
    }
}
