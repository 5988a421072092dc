// EntryChanges: the admin requests an Apply of a list dialog sends, and in which order.

#include "security/entrychanges.h"
#include "security/listadapter.h"

#include <QtTest>

namespace {

// A list keyed by "text" ignoring case; `replaces` says whether add of a listed key replaces it.
class FakeList : public ListAdapter
{
public:
    explicit FakeList(bool replaces) : m_replaces(replaces) {}
    QString group() const override { return QStringLiteral("fake"); }
    QString keyField() const override { return QStringLiteral("text"); }
    bool addReplaces() const override { return m_replaces; }
    QStringList headers() const override { return {}; }
    QStringList cells(const QJsonObject &) const override { return {}; }
    QString details(const QJsonObject &) const override { return {}; }
    QString check(QJsonObject &) const override { return {}; }
    QJsonObject entryFromFields() const override { return {}; }
    void showInFields(const QJsonObject &) override {}
    QString toLine(const QJsonObject &) const override { return {}; }
    QJsonObject fromLine(const QString &) const override { return {}; }

private:
    bool m_replaces;
};

QJsonObject entry(const char *text, const char *note = "")
{
    return {{QStringLiteral("text"), QLatin1String(text)}, {QStringLiteral("note"), QLatin1String(note)}};
}

// "add a", "remove b" …, with " (undo: add c)" when a step has an undo.
QStringList describe(const QList<AdminStep> &steps)
{
    QStringList lines;
    for (const AdminStep &step : steps) {
        QString line = step.request.operation.mid(5) + QLatin1Char(' ') + step.request.arguments[QStringLiteral("text")].toString();
        if (step.undo)
            line += QStringLiteral(" (undo: %1 %2)").arg(step.undo->operation.mid(5), step.undo->arguments[QStringLiteral("text")].toString());
        lines << line;
    }
    return lines;
}

}

class TestGuiEntryChanges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingChangedSendsNothing();
    void addsComeBeforeRemovals();
    void editKeepingTheKeyRemovesFirstWithUndo();
    void editKeepingTheKeyReplacesWhereAddReplaces();
};

void TestGuiEntryChanges::nothingChangedSendsNothing()
{
    const FakeList list(false);
    const QList<QJsonObject> entries{entry("a"), entry("b")};
    QCOMPARE(describe(EntryChanges::steps(list, entries, entries)), QStringList());
}

void TestGuiEntryChanges::addsComeBeforeRemovals()
{
    // An edit that changes the key (b → c) adds c before removing b: never a moment without either.
    const FakeList list(false);
    QCOMPARE(describe(EntryChanges::steps(list, {entry("a"), entry("b")}, {entry("a"), entry("c"), entry("d")})),
             QStringList({QStringLiteral("add c"), QStringLiteral("add d"), QStringLiteral("remove b")}));
}

void TestGuiEntryChanges::editKeepingTheKeyRemovesFirstWithUndo()
{
    // The engine refuses a second "A" (case is ignored), so the old entry goes first; should the
    // new one then be refused, the old one is added back.
    const FakeList list(false);
    QCOMPARE(describe(EntryChanges::steps(list, {entry("a", "old")}, {entry("A", "new")})),
             QStringList({QStringLiteral("remove a"), QStringLiteral("add A (undo: add a)")}));
}

void TestGuiEntryChanges::editKeepingTheKeyReplacesWhereAddReplaces()
{
    const FakeList list(true);
    QCOMPARE(describe(EntryChanges::steps(list, {entry("a", "old"), entry("b")}, {entry("a", "new")})),
             QStringList({QStringLiteral("add a"), QStringLiteral("remove b")}));
}

QTEST_MAIN(TestGuiEntryChanges)
#include "tst_gui_entrychanges.moc"
