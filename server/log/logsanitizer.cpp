#include "logsanitizer.h"

namespace {

void appendHex(QString &out, char prefix, char16_t value, int digits)
{
    out += QLatin1Char('\\');
    out += QLatin1Char(prefix);
    out += QString::number(value, 16).rightJustified(digits, QLatin1Char('0'));
}

// Not control characters in the C sense, but a viewer may break a line at them (U+2028/9)
// or display the text reordered (bidi overrides, "Trojan Source"), which forges lines too.
bool isInvisibleLayoutCharacter(char16_t c)
{
    return c == 0x2028 || c == 0x2029 || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

qsizetype skipBlanks(QStringView text, qsizetype pos)
{
    while (pos < text.size() && isBlank(text[pos]))
        ++pos;
    return pos;
}

qsizetype skipToken(QStringView text, qsizetype pos)
{
    while (pos < text.size() && !isBlank(text[pos]))
        ++pos;
    return pos;
}

}

QString LogSanitizer::escapeControl(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (c == u'\r')
            out += QLatin1String("\\r");
        else if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c == u'\t')
            out += QLatin1String("\\t");
        else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f))
            appendHex(out, 'x', c, 2);
        else if (isInvisibleLayoutCharacter(c))
            appendHex(out, 'u', c, 4);
        else
            out += ch;
    }
    return out;
}

QString LogSanitizer::escapeField(QStringView text)
{
    QString out = escapeControl(text);
    out.replace(QLatin1Char(' '), QLatin1Char('_'));
    return out;
}

QString LogSanitizer::redacted()
{
    return QStringLiteral("***");
}

QString LogSanitizer::redactProtocolLine(QStringView line)
{
    qsizetype end = line.size();
    while (end > 0 && (line[end - 1] == QLatin1Char('\r') || line[end - 1] == QLatin1Char('\n')))
        --end;
    const QStringView body = line.first(end);
    const QStringView terminator = line.sliced(end);

    const qsizetype commandStart = skipBlanks(body, 0);
    const qsizetype commandEnd = skipToken(body, commandStart);
    const QStringView command = body.sliced(commandStart, commandEnd - commandStart);
    const auto is = [command](const char *name) {
        return command.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };

    // How many arguments may be shown before the secret starts.
    int publicArguments = 0;
    if (is("AUTH") || is("APOP"))
        publicArguments = 1;
    else if (!is("PASS"))
        return line.toString();

    qsizetype cursor = commandEnd;
    for (int i = 0; i < publicArguments; ++i) {
        cursor = skipBlanks(body, cursor);
        if (cursor == body.size())
            return line.toString();
        cursor = skipToken(body, cursor);
    }
    qsizetype secretStart = skipBlanks(body, cursor);
    // POP3 passwords may be (or start with) spaces: everything after the one separator counts.
    if (is("PASS") && cursor < body.size())
        secretStart = cursor + 1;
    if (secretStart >= body.size())
        return line.toString();
    return body.first(secretStart).toString() + redacted() + terminator.toString();
}
