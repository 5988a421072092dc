#include "listenerstate.h"

QString ListenerState::endpoint() const
{
    const quint16 shown = status == Status::Listening ? port : configuredPort;
    if (address.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(address).arg(shown);
    return QStringLiteral("%1:%2").arg(address).arg(shown);
}
