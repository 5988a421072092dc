#pragma once

#include <QByteArray>
#include <QString>

#include "dsnreport.h"

// The first part of a delivery report: what happened, in words an office user understands,
// without SMTP jargon up front: who did not get the message, what their server said, and what
// to do about it. UTF-8 with CRLF line ends, lines wrapped to kWidth characters.
class DsnExplanation
{
public:
    static constexpr qsizetype kWidth = 76;

    // originalSubject: the original's decoded Subject (empty if none); fullMessage: whether the
    // report carries the whole original or its header only.
    [[nodiscard]] static QByteArray text(const DsnReport &report, const QString &originalSubject, bool fullMessage);
    // "the address does not exist" and the like for an RFC 3463 status, empty when unknown.
    [[nodiscard]] static QString reasonInWords(const QString &statusCode);
    // "Friday 4 December 2026, 10:00 UTC".
    [[nodiscard]] static QString readableDate(const QDateTime &when);
};
