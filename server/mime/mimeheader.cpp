#include "mimeheader.h"

#include "encodedwords.h"

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

MimeHeader MimeHeader::parse(QByteArrayView block)
{
    MimeHeader header;
    bool lastWasField = false;
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype end = block.indexOf('\n', pos);
        if (end < 0)
            end = block.size();
        QByteArrayView line = block.sliced(pos, end - pos);
        pos = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.front() == ' ' || line.front() == '\t') {
            // Unfolding removes the line break only (RFC 5322 §2.2.3).
            if (lastWasField)
                header.m_fields.last().value += line;
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        lastWasField = colon > 0;
        if (!lastWasField)
            continue;
        const QByteArray name = line.first(colon).trimmed().toByteArray();
        if (name.isEmpty() || name.contains(' ')) {
            lastWasField = false;
            continue;
        }
        header.m_fields.append({name, line.sliced(colon + 1).toByteArray()});
    }
    return header;
}

bool MimeHeader::contains(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (sameName(field.name, name))
            return true;
    }
    return false;
}

QByteArray MimeHeader::rawValue(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (sameName(field.name, name))
            return field.value.trimmed();
    }
    return {};
}

QList<QByteArray> MimeHeader::rawValues(QByteArrayView name) const
{
    QList<QByteArray> values;
    for (const Field &field : m_fields) {
        if (sameName(field.name, name))
            values.append(field.value.trimmed());
    }
    return values;
}

QString MimeHeader::decodedValue(QByteArrayView name) const
{
    return EncodedWords::decode(rawValue(name));
}

QString MimeHeader::decodedText() const
{
    QString text;
    for (const Field &field : m_fields) {
        text += QString::fromLatin1(field.name);
        text += QLatin1String(": ");
        text += EncodedWords::decode(field.value.trimmed());
        text += QLatin1Char('\n');
    }
    return text;
}
