#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// A structured MIME field such as Content-Type or Content-Disposition: its value and its
// parameters, with quoted strings, RFC 2231 (charset, percent-encoding, continuations) and the
// common non-standard RFC 2047 words inside quoted parameters all decoded.
class MimeFieldValue
{
public:
    [[nodiscard]] static MimeFieldValue parse(QByteArrayView raw);

    // Lowercased, comments and whitespace removed: "multipart/mixed", "attachment".
    [[nodiscard]] QByteArray value() const { return m_value; }
    [[nodiscard]] bool hasParameter(QByteArrayView name) const;
    // Decoded to Unicode; RFC 2231 forms win over the plain one.
    [[nodiscard]] QString parameter(QByteArrayView name) const;
    // The plain form's bytes, unquoted and undecoded: what a boundary needs.
    [[nodiscard]] QByteArray rawParameter(QByteArrayView name) const;

private:
    struct Parameter
    {
        QByteArray name; // lowercased, without RFC 2231 suffixes
        QString decoded;
        QByteArray plain;
    };
    QByteArray m_value;
    QList<Parameter> m_parameters;
};
