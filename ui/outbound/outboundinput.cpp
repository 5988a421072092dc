#include "outboundinput.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QStringList>

#include "accounts/accountinput.h"

QString OutboundInput::smartHostProblem(const QString &text)
{
    if (text.isEmpty())
        return {};
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const int port = colon > 0 ? text.mid(colon + 1).toInt(&portOk) : 0;
    if (!portOk || port < 1 || port > 65535)
        return tr("Smart host: write host:port, for example mail.provider.example:587.");
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QString ace;
    if (QHostAddress(host).isNull() && !AccountInput::hostNameProblem(host, &ace).isEmpty())
        return tr("Smart host: \"%1\" is neither a host name nor an IP address.").arg(host);
    return {};
}

QString OutboundInput::retryScheduleProblem(const QString &text)
{
    static const QRegularExpression step(QStringLiteral("^[1-9][0-9]*[smhd]?$"));
    const QStringList steps = text.split(QLatin1Char(','), Qt::KeepEmptyParts);
    for (const QString &part : steps) {
        if (!step.match(part.trimmed()).hasMatch())
            return tr("Retry after: \"%1\" is not a wait. Write waits like 5m,15m,1h,4h "
                      "(s, m, h or d after each number).").arg(part.trimmed());
    }
    return {};
}
