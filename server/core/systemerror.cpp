#include "systemerror.h"

#include <cstring>

QString systemErrorText(int error)
{
    const char *description = strerrordesc_np(error);
    const char *name = strerrorname_np(error);
    if (!description || !name)
        return QStringLiteral("error %1").arg(error);
    return QStringLiteral("%1 (%2)").arg(QString::fromUtf8(description), QString::fromUtf8(name));
}
