#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

// What one Security-menu list is to ListEditor: the admin operations that read and change it, how
// an entry shows in the table, the details line and a text file, and the checks made before
// anything is sent. Each of the four list dialogs implements it for its own list.
class ListAdapter
{
    Q_DECLARE_TR_FUNCTIONS(ListAdapter)

public:
    virtual ~ListAdapter() = default;

    // The operations' group: "ban" for ban.list, ban.add and ban.remove.
    [[nodiscard]] virtual QString group() const = 0;
    // The field that names an entry and that <group>.remove takes (range, text, pattern).
    [[nodiscard]] virtual QString keyField() const = 0;
    // Whether <group>.add of a listed key replaces the entry (bans, trusts) or is refused as a
    // duplicate (filters), in which case an edit has to remove the old entry first.
    [[nodiscard]] virtual bool addReplaces() const { return false; }

    [[nodiscard]] virtual QStringList headers() const = 0;
    [[nodiscard]] virtual QStringList cells(const QJsonObject &entry) const = 0;
    [[nodiscard]] virtual QString details(const QJsonObject &entry) const = 0;

    // Checks an entry before it is staged and puts it in the form the engine stores (a canonical
    // range, a trimmed pattern); the reason when it is refused, empty when fine.
    [[nodiscard]] virtual QString check(QJsonObject &entry) const = 0;
    // What duplicates are compared by, as the engine compares them: the canonical range, or the
    // text ignoring case (filters match ignoring case).
    [[nodiscard]] virtual QString identity(const QJsonObject &entry) const;

    // The dialog's entry editor: the entry its fields describe, and an entry shown in them.
    [[nodiscard]] virtual QJsonObject entryFromFields() const = 0;
    virtual void showInFields(const QJsonObject &entry) = 0;

    // One line of an exported file and back; fromLine's result goes through check() too.
    [[nodiscard]] virtual QString toLine(const QJsonObject &entry) const = 0;
    [[nodiscard]] virtual QJsonObject fromLine(const QString &line) const = 0;
    // The arguments of <group>.add for an entry; the entry itself unless a dialog says otherwise.
    [[nodiscard]] virtual QJsonObject addArguments(const QJsonObject &entry) const { return entry; }

    // A time from the engine (ISO, UTC) as the admin reads it; `missing` when there is none.
    [[nodiscard]] static QString localTime(const QJsonValue &time, const QString &missing);
};
