#pragma once

#include "adminrequest.h"

#include <QJsonObject>
#include <QList>

#include <optional>

class ListAdapter;

// One admin request of an Apply, with the request that puts things back when it is refused.
struct AdminStep
{
    AdminRequest request;
    std::optional<AdminRequest> undo;
};

// Turns a list dialog's staged edits into the admin requests that make the engine's list equal to
// them. New entries are added before old ones are removed, so an edit that changes an entry's key
// never leaves the list without either; an edit that keeps the key of a list whose add refuses
// duplicates removes first and, should the add then be refused, adds the old entry back.
namespace EntryChanges {

[[nodiscard]] QList<AdminStep> steps(const ListAdapter &adapter, const QList<QJsonObject> &loaded,
                                     const QList<QJsonObject> &staged);

}
