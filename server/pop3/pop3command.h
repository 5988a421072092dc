#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// One POP3 command line (without its line end) split into keyword and arguments (RFC 1939 §3).
struct Pop3Command
{
    QByteArray keyword;           // upper-cased
    QByteArray rest;              // everything after the one space that follows the keyword (PASS)
    QList<QByteArray> arguments;  // rest split at spaces, empty pieces dropped

    [[nodiscard]] static Pop3Command parse(QByteArrayView line);
    // A number made only of decimal digits, saturated at 2^31-1; -1 when empty or not digits.
    [[nodiscard]] static qint64 parseNumber(QByteArrayView text);
};
