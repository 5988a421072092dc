#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include "dsnreport.h"

// Writes the body of the message/delivery-status part (RFC 3464 §2.2, §2.3): the per-message
// fields, then one block per recipient. Peer-supplied text (replies, host names, ORCPT) is made
// single-line 7-bit text first, and every field is folded so no line passes 998 octets.
class DsnStatusFields
{
public:
    // Peer text longer than this is cut: a report is no place for a megabyte of reply.
    static constexpr qsizetype kMaxValue = 2000;
    // Folding aims at this width; a word longer than kMaxWord is cut into pieces.
    static constexpr qsizetype kFoldWidth = 78;
    static constexpr qsizetype kMaxWord = 900;

    [[nodiscard]] static QByteArray format(const DsnReport &report);
    [[nodiscard]] static QByteArray actionName(DsnReport::Action action);

    // CR, LF and other controls become spaces, bytes outside printable ASCII '?', runs of
    // spaces one, and the result is trimmed and cut at kMaxValue.
    [[nodiscard]] static QByteArray singleLine(const QString &text);
    // "Name: value" plus CRLF, folded at spaces.
    [[nodiscard]] static QByteArray foldedField(QByteArrayView name, QByteArrayView value);
    // An address as RFC 6533 §3 writes it in a 7-bit report: "rfc822; bob@example.org", or
    // "utf-8; j\x{F6}rg@example.org" when it has non-ASCII characters.
    [[nodiscard]] static QByteArray typedAddress(const QString &address);
};
