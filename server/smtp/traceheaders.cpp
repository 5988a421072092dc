#include "traceheaders.h"

#include <QTimeZone>

namespace {

// A HELO name is client-chosen: keep it printable and free of anything that would break the
// header's structure.
QByteArray sanitizedHelo(const QString &helo)
{
    QByteArray out;
    for (char c : helo.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        out.append(u > 0x20 && u < 0x7f && c != '(' && c != ')' && c != ';' ? c : '_');
    }
    return out.isEmpty() ? QByteArrayLiteral("unknown") : out;
}

}

QByteArray TraceHeaders::rfc5322Date(const QDateTime &when)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate date = when.date();
    const QTime time = when.time();
    const int offsetMinutes = when.offsetFromUtc() / 60;
    const int absOffset = std::abs(offsetMinutes);
    return QByteArray(days[date.dayOfWeek() - 1]) + ", " + QByteArray::number(date.day()) + ' '
           + months[date.month() - 1] + ' ' + QByteArray::number(date.year()) + ' '
           + time.toString(QStringLiteral("HH:mm:ss")).toLatin1() + ' ' + (offsetMinutes < 0 ? '-' : '+')
           + QByteArray::number(absOffset / 60).rightJustified(2, '0') + QByteArray::number(absOffset % 60).rightJustified(2, '0');
}

QByteArray TraceHeaders::format() const
{
    QByteArray out = "Return-Path: <" + reversePath.toUtf8() + ">\r\n";
    out += "Received: from " + sanitizedHelo(heloName) + " ([" + clientAddress.toLatin1() + "])\r\n";
    out += "\tby " + hostName.toUtf8() + " (Postern) with " + protocol.toLatin1() + " id " + queueId.toLatin1();
    if (!singleRecipient.isEmpty())
        out += "\r\n\tfor <" + singleRecipient.toUtf8() + '>';
    out += "; " + rfc5322Date(received) + "\r\n";
    return out;
}
