#include "tlschoice.h"

#include <QComboBox>

void TlsChoice::attach(QComboBox *combo, bool withNone)
{
    QStringList names{QStringLiteral("opportunistic"), QStringLiteral("required"), QStringLiteral("verify")};
    if (withNone)
        names.prepend(QStringLiteral("none"));
    Q_ASSERT(combo->count() == names.size());
    for (int i = 0; i < names.size() && i < combo->count(); ++i)
        combo->setItemData(i, names.at(i));
}

QString TlsChoice::label(const QString &policy)
{
    if (policy == QStringLiteral("none"))
        return tr("None");
    if (policy == QStringLiteral("opportunistic"))
        return tr("Opportunistic");
    if (policy == QStringLiteral("required"))
        return tr("Required");
    if (policy == QStringLiteral("verify"))
        return tr("Verified");
    return policy;
}
