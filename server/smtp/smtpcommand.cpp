#include "smtpcommand.h"

namespace {

bool isEsmtpKeywordChar(char c, bool first)
{
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    return alnum || (!first && c == '-');
}

// RFC 5321 esmtp-value: %d33-60 / %d62-126 (no '=', no space, no control), plus UTF-8 (RFC 6531).
bool isEsmtpValueChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 33 && u <= 126 && u != '=') || u >= 0x80;
}

SmtpPathArgument failure(const char *reply)
{
    SmtpPathArgument result;
    result.error = reply;
    return result;
}

}

SmtpCommand SmtpCommand::parse(QByteArrayView line)
{
    SmtpCommand command;
    const qsizetype space = line.indexOf(' ');
    command.verb = (space < 0 ? line : line.first(space)).toByteArray().toUpper();
    if (space >= 0) {
        QByteArrayView rest = line.sliced(space + 1);
        while (!rest.isEmpty() && (rest.back() == ' ' || rest.back() == '\t'))
            rest.chop(1);
        command.argument = rest.toByteArray();
    }
    return command;
}

SmtpPathArgument SmtpPathArgument::parse(QByteArrayView argument, QByteArrayView keyword)
{
    if (argument.size() < keyword.size() + 1
        || argument.first(keyword.size()).toByteArray().toUpper() != keyword.toByteArray()
        || argument[keyword.size()] != ':')
    {
        SmtpPathArgument result;
        result.error = "501 5.5.4 Syntax: expected " + keyword.toByteArray() + ":<address>";
        return result;
    }

    QByteArrayView rest = argument.sliced(keyword.size() + 1);
    while (!rest.isEmpty() && rest.front() == ' ')
        rest = rest.sliced(1);   // "MAIL FROM: <a@b>" is common enough to accept

    QByteArrayView path;
    QByteArrayView afterPath;
    if (!rest.isEmpty() && rest.front() == '<') {
        // Find the closing '>' outside a quoted local part.
        bool quoted = false;
        qsizetype close = -1;
        for (qsizetype i = 1; i < rest.size(); ++i) {
            const char c = rest[i];
            if (c == '\\' && quoted) {
                ++i;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                close = i;
                break;
            }
        }
        if (close < 0)
            return failure("501 5.5.4 Syntax: missing '>' in address");
        path = rest.sliced(1, close - 1);
        afterPath = rest.sliced(close + 1);
    } else {
        // Some old clients omit the brackets; accept a single bare address.
        const qsizetype space = rest.indexOf(' ');
        path = space < 0 ? rest : rest.first(space);
        afterPath = space < 0 ? QByteArrayView() : rest.sliced(space);
        if (path.isEmpty())
            return failure("501 5.5.4 Syntax: missing address");
    }
    if (!afterPath.isEmpty() && afterPath.front() != ' ')
        return failure("501 5.5.4 Syntax: junk after address");

    // A source route "@a,@b:" before the mailbox is obsolete and ignored (RFC 5321 §4.1.2, C.).
    if (!path.isEmpty() && path.front() == '@') {
        const qsizetype colon = path.indexOf(':');
        if (colon < 0)
            return failure("501 5.5.4 Syntax: bad source route");
        path = path.sliced(colon + 1);
    }
    for (char c : path) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            return failure("501 5.5.4 Syntax: control character in address");
    }

    SmtpPathArgument result;
    result.path = QString::fromUtf8(path);
    if (result.path.toUtf8() != path)
        return failure("501 5.5.4 Syntax: address is not valid UTF-8");

    for (QByteArrayView word : afterPath.toByteArray().split(' ')) {
        if (word.isEmpty())
            continue;
        const qsizetype eq = word.indexOf('=');
        const QByteArrayView key = eq < 0 ? word : word.first(eq);
        if (key.isEmpty() || !isEsmtpKeywordChar(key.front(), true))
            return failure("501 5.5.4 Syntax: bad parameter");
        for (char c : key) {
            if (!isEsmtpKeywordChar(c, false))
                return failure("501 5.5.4 Syntax: bad parameter");
        }
        QByteArray value;
        if (eq >= 0) {
            value = word.sliced(eq + 1).toByteArray();
            if (value.isEmpty())
                return failure("501 5.5.4 Syntax: empty parameter value");
            for (char c : value) {
                if (!isEsmtpValueChar(c))
                    return failure("501 5.5.4 Syntax: bad parameter value");
            }
        }
        result.params.append({key.toByteArray().toUpper(), value});
    }
    result.ok = true;
    return result;
}

bool SmtpCommand::isHeloArgument(const QByteArray &argument)
{
    if (argument.isEmpty() || argument.size() > 255)
        return false;
    for (char c : argument) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f)
            return false;
    }
    return true;
}

bool SmtpCommand::looksLikeTlsHandshake(QByteArrayView bytes)
{
    return bytes.size() >= 2 && bytes[0] == 0x16 && bytes[1] == 0x03;
}

bool SmtpCommand::isAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

std::optional<QByteArray> SmtpCommand::decodeXtext(QByteArrayView text)
{
    const auto isUpperHex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); };
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            if (i + 2 >= text.size() || !isUpperHex(text[i + 1]) || !isUpperHex(text[i + 2]))
                return std::nullopt;
            out.append(char(text.sliced(i + 1, 2).toByteArray().toInt(nullptr, 16)));
            i += 2;
        } else if (c < '!' || c > '~' || c == '=') {
            return std::nullopt;
        } else {
            out.append(c);
        }
    }
    return out;
}

QByteArray SmtpCommand::encodeXtext(QByteArrayView text)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto octet = static_cast<unsigned char>(c);
        if (octet < '!' || octet > '~' || c == '+' || c == '=') {
            out.append('+');
            out.append(hex[octet >> 4]);
            out.append(hex[octet & 0x0f]);
        } else {
            out.append(c);
        }
    }
    return out;
}
