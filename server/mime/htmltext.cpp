#include "htmltext.h"

#include <QHash>

namespace {

const QHash<QString, char16_t> &namedEntities()
{
    static const QHash<QString, char16_t> entities = {
        {QStringLiteral("amp"), u'&'},     {QStringLiteral("lt"), u'<'},      {QStringLiteral("gt"), u'>'},
        {QStringLiteral("quot"), u'"'},    {QStringLiteral("apos"), u'\''},   {QStringLiteral("nbsp"), u' '},
        {QStringLiteral("shy"), u'\u00AD'}, {QStringLiteral("copy"), u'\u00A9'}, {QStringLiteral("reg"), u'\u00AE'},
        {QStringLiteral("euro"), u'\u20AC'}, {QStringLiteral("pound"), u'\u00A3'}, {QStringLiteral("eacute"), u'\u00E9'},
        {QStringLiteral("egrave"), u'\u00E8'}, {QStringLiteral("agrave"), u'\u00E0'}, {QStringLiteral("auml"), u'\u00E4'},
        {QStringLiteral("ouml"), u'\u00F6'}, {QStringLiteral("uuml"), u'\u00FC'}, {QStringLiteral("Auml"), u'\u00C4'},
        {QStringLiteral("Ouml"), u'\u00D6'}, {QStringLiteral("Uuml"), u'\u00DC'}, {QStringLiteral("szlig"), u'\u00DF'},
        {QStringLiteral("ccedil"), u'\u00E7'}, {QStringLiteral("ntilde"), u'\u00F1'}, {QStringLiteral("zwnj"), u'\u200C'},
        {QStringLiteral("zwj"), u'\u200D'}, {QStringLiteral("hellip"), u'\u2026'}, {QStringLiteral("mdash"), u'\u2014'},
        {QStringLiteral("ndash"), u'\u2013'}, {QStringLiteral("rsquo"), u'\u2019'}, {QStringLiteral("lsquo"), u'\u2018'},
        {QStringLiteral("rdquo"), u'\u201D'}, {QStringLiteral("ldquo"), u'\u201C'},
    };
    return entities;
}

bool isBlockTag(QStringView name)
{
    static const QStringList blocks = {
        QStringLiteral("br"), QStringLiteral("p"),  QStringLiteral("div"), QStringLiteral("tr"), QStringLiteral("td"),
        QStringLiteral("th"), QStringLiteral("li"), QStringLiteral("ul"),  QStringLiteral("ol"), QStringLiteral("table"),
        QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),  QStringLiteral("h4"), QStringLiteral("h5"),
        QStringLiteral("h6"), QStringLiteral("hr"), QStringLiteral("blockquote"), QStringLiteral("title"),
        QStringLiteral("body"), QStringLiteral("head"), QStringLiteral("html"),
    };
    return blocks.contains(name.toString());
}

QString tagName(QStringView tag)
{
    qsizetype i = 0;
    if (i < tag.size() && tag[i] == QLatin1Char('/'))
        ++i;
    const qsizetype start = i;
    while (i < tag.size() && (tag[i].isLetterOrNumber()))
        ++i;
    return tag.sliced(start, i - start).toString().toLower();
}

} // namespace

QString HtmlText::decodeEntity(QStringView name)
{
    if (name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const bool hex = name.size() > 1 && (name[1] == QLatin1Char('x') || name[1] == QLatin1Char('X'));
        const uint code = hex ? name.sliced(2).toUInt(&ok, 16) : name.sliced(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return {};
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    const auto it = namedEntities().constFind(name.toString());
    return it == namedEntities().constEnd() ? QString() : QString(QChar(*it));
}

QString HtmlText::toPlainText(QStringView html)
{
    QString text;
    text.reserve(html.size() / 2);
    QString skipUntil; // "</script" or "</style" while inside one
    qsizetype i = 0;
    while (i < html.size()) {
        const QChar c = html[i];
        if (!skipUntil.isEmpty()) {
            const qsizetype end = html.indexOf(skipUntil, i, Qt::CaseInsensitive);
            if (end < 0)
                break;
            skipUntil.clear();
            i = end;
            continue;
        }
        if (c == QLatin1Char('<')) {
            if (html.sliced(i).startsWith(QLatin1String("<!--"))) {
                const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
                i = end < 0 ? html.size() : end + 3;
                continue;
            }
            const qsizetype end = html.indexOf(QLatin1Char('>'), i + 1);
            if (end < 0)
                break; // an unterminated tag hides the rest from browsers too
            const QStringView tag = html.sliced(i + 1, end - i - 1);
            const QString name = tagName(tag);
            if (!tag.startsWith(QLatin1Char('/')) && (name == QLatin1String("script") || name == QLatin1String("style")))
                skipUntil = QLatin1String("</") + name;
            if (isBlockTag(name))
                text += QLatin1Char(' ');
            i = end + 1;
            continue;
        }
        if (c == QLatin1Char('&')) {
            // Look a few characters ahead only: "&&&&…" without ';' must stay linear.
            const qsizetype near = html.sliced(i + 1, std::min<qsizetype>(12, html.size() - i - 1)).indexOf(QLatin1Char(';'));
            const qsizetype semicolon = near < 0 ? -1 : i + 1 + near;
            if (semicolon > i + 1) {
                const QString decoded = decodeEntity(html.sliced(i + 1, semicolon - i - 1));
                if (!decoded.isNull()) {
                    text += decoded;
                    i = semicolon + 1;
                    continue;
                }
            }
        }
        text += c;
        ++i;
    }
    return text;
}
