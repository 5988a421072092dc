// Security ▸ Filters against a real engine: a filter added in the dialog refuses real mail, an
// edit keeps the filter (remove, then add), Cancel and bad input store nothing, import/export.

#include "listdialogdriver.h"
#include "security/filtersdialog.h"

#include <QtTest>
#include <QComboBox>
#include <QJsonArray>

class TestGuiFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterRefusesRealMail();
    void editChangesScopeAndAction();
    void cancelChangesNothing();
    void emptyOrDuplicateTextIsRefused();
    void engineRefusalIsShownAndKeptStaged();
    void importExportRoundTrip();
    void lockedModeDisablesEditing();

private:
    [[nodiscard]] static QStringList filters(LiveEngineFixture &engine);
};

namespace {

const QByteArray kSpam = "From: <sender@client.test>\r\nSubject: offer\r\n\r\nVisit cheap-pills.example today";
const QByteArray kHam = "From: <sender@client.test>\r\nSubject: lunch\r\n\r\nSee you at noon";

}

QStringList TestGuiFilters::filters(LiveEngineFixture &engine)
{
    QStringList list;
    for (const QJsonValue &entry : engine.call(QStringLiteral("filter.list")).result.toArray())
        list << QStringList{entry[QStringLiteral("text")].toString(), entry[QStringLiteral("scope")].toString(),
                            entry[QStringLiteral("action")].toString()}
                    .join(QLatin1Char('|'));
    list.sort();
    return list;
}

void TestGuiFilters::filterRefusesRealMail()
{
    OpenListDialog<FiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.start());
    const QByteArray accepted = engine.deliver(kListDialogMailbox, kSpam);
    QVERIFY2(accepted.startsWith("250"), accepted.constData());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("textEdit", QStringLiteral("Cheap-Pills.example"));
    driver.find<QComboBox>("scopeCombo")->setCurrentIndex(2);   // body
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    const int mark = engine.changesAppliedCount();
    QVERIFY(driver.apply());
    QVERIFY(engine.waitForChangesApplied(mark));
    QCOMPARE(filters(engine), QStringList{QStringLiteral("Cheap-Pills.example|body|reject")});
    const QByteArray refused = engine.deliver(kListDialogMailbox, kSpam);
    QVERIFY2(refused.startsWith("550 5.7.1"), refused.constData());
    QVERIFY(engine.deliver(kListDialogMailbox, kHam).startsWith("250"));
    QVERIFY(driver.cell(0, 3) != QStringLiteral("on Apply"));   // read back with its creation time
}

void TestGuiFilters::editChangesScopeAndAction()
{
    OpenListDialog<FiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("filter.add"), {{QStringLiteral("text"), QStringLiteral("cheap-pills")}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.selectRows({0});
    QCOMPARE(driver.find<QLineEdit>("textEdit")->text(), QStringLiteral("cheap-pills"));
    // Same text, other scope and action: the engine refuses a duplicate add, so the edit removes first.
    driver.find<QComboBox>("scopeCombo")->setCurrentIndex(0);    // subject
    driver.find<QComboBox>("actionCombo")->setCurrentIndex(1);   // discard
    driver.click("replaceButton");
    QVERIFY(driver.apply());
    QCOMPARE(filters(engine), QStringList{QStringLiteral("cheap-pills|subject|discard")});

    // Another text in place of it, which an existing filter already has (ignoring case): refused.
    QVERIFY(engine.call(QStringLiteral("filter.add"), {{QStringLiteral("text"), QStringLiteral("lottery")}}).ok());
    open.dialog().hide();
    QVERIFY(driver.show());
    driver.selectRows({driver.rowWith(QStringLiteral("cheap-pills"))});
    driver.type("textEdit", QStringLiteral("LOTTERY"));
    driver.click("replaceButton");
    QVERIFY(driver.message().contains(QStringLiteral("already")));
    QCOMPARE(driver.rowWith(QStringLiteral("cheap-pills")) >= 0, true);
}

void TestGuiFilters::cancelChangesNothing()
{
    OpenListDialog<FiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("filter.add"), {{QStringLiteral("text"), QStringLiteral("lottery")}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("textEdit", QStringLiteral("cheap-pills"));
    driver.click("addButton");
    driver.selectRows({driver.rowWith(QStringLiteral("lottery"))});
    driver.click("removeButton");
    QCOMPARE(driver.rows(), 1);
    driver.dialogButton(QDialogButtonBox::Cancel)->click();
    QTest::qWait(300);
    QCOMPARE(filters(engine), QStringList{QStringLiteral("lottery|all|reject")});
    QVERIFY(driver.show());
    QCOMPARE(driver.rows(), 1);
    QCOMPARE(driver.cell(0, 0), QStringLiteral("lottery"));
}

void TestGuiFilters::emptyOrDuplicateTextIsRefused()
{
    OpenListDialog<FiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("filter.add"), {{QStringLiteral("text"), QStringLiteral("lottery")}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("textEdit", QStringLiteral("   "));
    driver.click("addButton");
    QVERIFY2(driver.message().contains(QStringLiteral("empty")), qPrintable(driver.message()));
    driver.type("textEdit", QStringLiteral("LOTTERY"));
    driver.click("addButton");
    QVERIFY2(driver.message().contains(QStringLiteral("already")), qPrintable(driver.message()));
    QCOMPARE(driver.rows(), 1);
    QVERIFY(driver.apply());
    QCOMPARE(filters(engine), QStringList{QStringLiteral("lottery|all|reject")});
}

void TestGuiFilters::engineRefusalIsShownAndKeptStaged()
{
    OpenListDialog<FiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("textEdit", QStringLiteral("lottery"));
    driver.click("addButton");
    // Someone else (the CLI) adds the same text meanwhile: the engine refuses the dialog's add.
    QVERIFY(engine.call(QStringLiteral("filter.add"), {{QStringLiteral("text"), QStringLiteral("LOTTERY")}}).ok());
    QSignalSpy failed(driver.editor(), &ListEditor::failed);
    driver.dialogButton(QDialogButtonBox::Ok)->click();
    QVERIFY(failed.wait(10000));
    QVERIFY(open.dialog().isVisible());   // OK does not close on a refusal
    QVERIFY2(driver.message().contains(QStringLiteral("already exists")), qPrintable(driver.message()));
    QCOMPARE(filters(engine), QStringList{QStringLiteral("LOTTERY|all|reject")});
}

void TestGuiFilters::importExportRoundTrip()
{
    OpenListDialog<FiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QTemporaryDir files;
    QFile in(files.filePath(QStringLiteral("in.txt")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("# spam seen in March\nlottery\ncheap pills\tsubject\tdiscard\n\nbad scope\teverywhere\treject\n");
    in.close();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QVERIFY(!driver.editor()->importFrom(in.fileName()));
    QVERIFY2(driver.message().contains(QStringLiteral("line 5")), qPrintable(driver.message()));
    QCOMPARE(driver.rows(), 0);

    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("# spam seen in March\nlottery\ncheap pills\tsubject\tdiscard\n\nLottery\n");
    in.close();
    QVERIFY(driver.editor()->importFrom(in.fileName()));
    QCOMPARE(driver.rows(), 2);
    QVERIFY(driver.apply());
    const QStringList expected{QStringLiteral("cheap pills|subject|discard"), QStringLiteral("lottery|all|reject")};
    QCOMPARE(filters(engine), expected);

    const QString out = files.filePath(QStringLiteral("out.txt"));
    QVERIFY(driver.editor()->exportTo(out));
    driver.selectRows({0, 1});
    ListDialogDriver::answerNextQuestion(QMessageBox::Yes);
    driver.click("removeButton");
    QVERIFY(driver.apply());
    QCOMPARE(filters(engine), QStringList());
    QVERIFY(driver.editor()->importFrom(out));
    QVERIFY(driver.apply());
    QCOMPARE(filters(engine), expected);
}

void TestGuiFilters::lockedModeDisablesEditing()
{
    OpenListDialog<FiltersDialog> open(false);
    LiveEngineFixture &engine = open.engine();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.editableWhileLocked(), QStringList());
    // Even driven past the disabled widgets, a locked dialog sends nothing.
    driver.type("textEdit", QStringLiteral("lottery"));
    QVERIFY(!driver.editor()->addFromFields());
    QCOMPARE(driver.rows(), 0);
    driver.editor()->apply(false);
    QTest::qWait(300);
    QCOMPARE(filters(engine), QStringList());
}

QTEST_MAIN(TestGuiFilters)
#include "tst_gui_filters.moc"
