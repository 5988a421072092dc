#include "entrychanges.h"

#include "listadapter.h"

#include <QHash>

namespace {

AdminRequest add(const ListAdapter &adapter, const QJsonObject &entry)
{
    return {adapter.group() + QStringLiteral(".add"), adapter.addArguments(entry)};
}

AdminRequest remove(const ListAdapter &adapter, const QJsonObject &entry)
{
    return {adapter.group() + QStringLiteral(".remove"),
            QJsonObject{{adapter.keyField(), entry.value(adapter.keyField())}}};
}

}

namespace EntryChanges {

QList<AdminStep> steps(const ListAdapter &adapter, const QList<QJsonObject> &loaded, const QList<QJsonObject> &staged)
{
    QHash<QString, QJsonObject> before;
    for (const QJsonObject &entry : loaded)
        before.insert(adapter.identity(entry), entry);
    QHash<QString, QJsonObject> after;
    for (const QJsonObject &entry : staged)
        after.insert(adapter.identity(entry), entry);

    QList<AdminStep> adds;
    QList<AdminStep> edits;
    for (const QJsonObject &entry : staged) {
        const auto old = before.constFind(adapter.identity(entry));
        if (old == before.cend()) {
            adds.append(AdminStep{add(adapter, entry), std::nullopt});
        } else if (*old != entry) {
            if (adapter.addReplaces()) {
                edits.append(AdminStep{add(adapter, entry), std::nullopt});
            } else {
                edits.append(AdminStep{remove(adapter, *old), std::nullopt});
                edits.append(AdminStep{add(adapter, entry), add(adapter, *old)});
            }
        }
    }
    QList<AdminStep> removals;
    for (const QJsonObject &entry : loaded) {
        if (!after.contains(adapter.identity(entry)))
            removals.append(AdminStep{remove(adapter, entry), std::nullopt});
    }
    return adds + edits + removals;
}

}
