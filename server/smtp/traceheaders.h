#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// The Return-Path: and Received: lines Postern puts in front of every message it stores
// (RFC 5321 §4.4).
struct TraceHeaders
{
    QString reversePath;     // "" for the null sender
    QString heloName;
    QString clientAddress;   // IP as text
    QString hostName;        // ours
    QString protocol;        // SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA, UTF8SMTP…
    QString queueId;
    QString singleRecipient; // empty when there are several
    QDateTime received;

    [[nodiscard]] QByteArray format() const;
    // RFC 5322 date-time, e.g. "Tue, 24 Nov 2026 10:20:59 +0100".
    [[nodiscard]] static QByteArray rfc5322Date(const QDateTime &when);
};
