#pragma once

#include "listadapter.h"

// The part of ListAdapter the Banned and Trusted IP Addresses lists share: entries named by an
// address or CIDR range (compared in canonical form, so 10.1.2.3/8 is 10.0.0.0/8) with a comment,
// written to a file as "RANGE comment words"; adding a listed range replaces its entry.
class RangeListAdapter : public ListAdapter
{
    Q_DECLARE_TR_FUNCTIONS(RangeListAdapter)

public:
    [[nodiscard]] QString keyField() const override { return QStringLiteral("range"); }
    [[nodiscard]] bool addReplaces() const override { return true; }
    [[nodiscard]] QString identity(const QJsonObject &entry) const override;
    // A range that parses (made canonical in `entry`) and a comment without control characters.
    [[nodiscard]] QString check(QJsonObject &entry) const override;
    [[nodiscard]] QString toLine(const QJsonObject &entry) const override;
    [[nodiscard]] QJsonObject fromLine(const QString &line) const override;
};
