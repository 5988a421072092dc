#include "mimefieldvalue.h"

#include <map>

#include "charsetconverter.h"
#include "transferdecoder.h"
#include "encodedwords.h"

namespace {

struct RawParameter
{
    QByteArray name;
    QByteArray value;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Skips whitespace and RFC 5322 comments, which may nest.
void skipSpace(QByteArrayView s, qsizetype &i)
{
    while (i < s.size()) {
        if (isSpace(s[i])) {
            ++i;
        } else if (s[i] == '(') {
            int depth = 0;
            while (i < s.size()) {
                const char c = s[i++];
                if (c == '\\')
                    ++i;
                else if (c == '(')
                    ++depth;
                else if (c == ')' && --depth == 0)
                    break;
            }
        } else {
            return;
        }
    }
}

QByteArray readQuoted(QByteArrayView s, qsizetype &i)
{
    QByteArray out;
    ++i; // the opening quote
    while (i < s.size()) {
        const char c = s[i++];
        if (c == '"')
            break;
        if (c == '\\' && i < s.size())
            out.append(s[i++]);
        else
            out.append(c);
    }
    return out;
}

QByteArray readUntil(QByteArrayView s, qsizetype &i, QByteArrayView stops)
{
    const qsizetype start = i;
    while (i < s.size() && !stops.contains(s[i]))
        ++i;
    return s.sliced(start, i - start).toByteArray().trimmed();
}

QList<RawParameter> rawParameters(QByteArrayView s, qsizetype i)
{
    QList<RawParameter> parameters;
    while (i < s.size()) {
        if (s[i] == ';')
            ++i;
        skipSpace(s, i);
        const QByteArray name = readUntil(s, i, "=;").toLower();
        if (i >= s.size() || s[i] != '=')
            continue;
        ++i;
        skipSpace(s, i);
        QByteArray value;
        if (i < s.size() && s[i] == '"') {
            value = readQuoted(s, i);
            readUntil(s, i, ";");
        } else {
            value = readUntil(s, i, ";");
            const qsizetype comment = value.indexOf(" (");
            if (comment >= 0)
                value = value.first(comment).trimmed();
        }
        if (!name.isEmpty())
            parameters.append({name, value});
    }
    return parameters;
}

QByteArray percentDecoded(QByteArrayView s)
{
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && TransferDecoder::hexDigitValue(s[i + 1]) >= 0 && TransferDecoder::hexDigitValue(s[i + 2]) >= 0) {
            out.append(char(TransferDecoder::hexDigitValue(s[i + 1]) * 16 + TransferDecoder::hexDigitValue(s[i + 2])));
            i += 2;
        } else {
            out.append(s[i]);
        }
    }
    return out;
}

// "charset'language'value" (RFC 2231 §4); without both quotes the whole text is the value.
QByteArrayView splitCharset(QByteArrayView v, QByteArray *charset)
{
    const qsizetype first = v.indexOf('\'');
    const qsizetype second = first < 0 ? -1 : v.indexOf('\'', first + 1);
    if (second < 0)
        return v;
    *charset = v.first(first).toByteArray();
    return v.sliced(second + 1);
}

struct Collected
{
    QByteArray plain;
    bool hasPlain = false;
    QByteArray single;
    bool hasSingle = false;
    std::map<int, std::pair<QByteArray, bool>> sections; // index → (value, extended)
};

int sectionNumber(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 3)
        return -1;
    int n = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return -1;
        n = n * 10 + (c - '0');
    }
    return n;
}

QString decodeCollected(const Collected &c)
{
    if (!c.sections.empty()) {
        QByteArray bytes;
        QByteArray charset;
        bool first = true;
        for (const auto &[index, section] : c.sections) {
            const auto &[value, extended] = section;
            if (!extended) {
                bytes += value;
            } else {
                bytes += percentDecoded(first ? splitCharset(value, &charset) : QByteArrayView(value));
            }
            first = false;
        }
        return charset.isEmpty() ? EncodedWords::decode(bytes) : CharsetConverter::toUnicode(bytes, charset);
    }
    if (c.hasSingle) {
        QByteArray charset;
        const QByteArrayView rest = splitCharset(c.single, &charset);
        return CharsetConverter::toUnicode(percentDecoded(rest), charset);
    }
    return EncodedWords::decode(c.plain);
}

} // namespace

MimeFieldValue MimeFieldValue::parse(QByteArrayView raw)
{
    MimeFieldValue field;
    qsizetype i = 0;
    skipSpace(raw, i);
    const QByteArray value = readUntil(raw, i, ";(");
    for (const char c : value) {
        if (!isSpace(c))
            field.m_value.append(char(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    while (i < raw.size() && raw[i] != ';')
        ++i;

    std::map<QByteArray, Collected> collected;
    QList<QByteArray> order;
    for (RawParameter &parameter : rawParameters(raw, i)) {
        QByteArray name = parameter.name;
        const bool extended = name.endsWith('*');
        if (extended)
            name.chop(1);
        int section = -1;
        const qsizetype star = name.lastIndexOf('*');
        if (star > 0) {
            section = sectionNumber(QByteArrayView(name).sliced(star + 1));
            if (section >= 0)
                name.truncate(star);
        }
        if (!collected.count(name))
            order.append(name);
        Collected &c = collected[name];
        if (section >= 0) {
            c.sections.emplace(section, std::make_pair(parameter.value, extended));
        } else if (extended && !c.hasSingle) {
            c.single = parameter.value;
            c.hasSingle = true;
        } else if (!extended && !c.hasPlain) {
            c.plain = parameter.value;
            c.hasPlain = true;
        }
    }
    for (const QByteArray &name : order) {
        const Collected &c = collected[name];
        field.m_parameters.append({name, decodeCollected(c), c.plain});
    }
    return field;
}

bool MimeFieldValue::hasParameter(QByteArrayView name) const
{
    for (const Parameter &p : m_parameters) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString MimeFieldValue::parameter(QByteArrayView name) const
{
    for (const Parameter &p : m_parameters) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p.decoded;
    }
    return {};
}

QByteArray MimeFieldValue::rawParameter(QByteArrayView name) const
{
    for (const Parameter &p : m_parameters) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return p.plain;
    }
    return {};
}
