#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// The fields of one header block (RFC 5322 §2.2), unfolded, looked up case-insensitively.
class MimeHeader
{
public:
    // block: the header lines up to (not including) the empty line; CRLF or bare LF. Lines that
    // are neither a field nor a continuation are skipped.
    [[nodiscard]] static MimeHeader parse(QByteArrayView block);

    [[nodiscard]] bool contains(QByteArrayView name) const;
    // The first field of that name, unfolded and trimmed; empty if absent.
    [[nodiscard]] QByteArray rawValue(QByteArrayView name) const;
    [[nodiscard]] QList<QByteArray> rawValues(QByteArrayView name) const;
    // rawValue with RFC 2047 encoded words decoded.
    [[nodiscard]] QString decodedValue(QByteArrayView name) const;
    // Every field as "Name: decoded value\n", in order: what a `headers` filter reads.
    [[nodiscard]] QString decodedText() const;
    [[nodiscard]] qsizetype fieldCount() const { return m_fields.size(); }

private:
    struct Field
    {
        QByteArray name;
        QByteArray value;
    };
    QList<Field> m_fields;
};
