// Security ▸ Attachment Filters against a real engine: a pattern added in the dialog refuses
// real mail with such an attachment, also with the size limit unlimited; bad input, Cancel,
// import and the locked mode.

#include "listdialogdriver.h"
#include "security/attachmentfiltersdialog.h"

#include <QtTest>
#include <QJsonArray>

class TestGuiAttachmentFilters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void patternRefusesRealMailWhateverTheSizeLimit();
    void cancelChangesNothing();
    void badOrDuplicatePatternIsRefused();
    void importSkipsCommentsAndReportsBadLines();
    void lockedModeDisablesEditing();

private:
    [[nodiscard]] static QStringList patterns(LiveEngineFixture &engine);
};

namespace {

QByteArray withAttachment(const QByteArray &name)
{
    return "From: <sender@client.test>\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
           "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\""
        + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n--b1--";
}

}

QStringList TestGuiAttachmentFilters::patterns(LiveEngineFixture &engine)
{
    QStringList list;
    for (const QJsonValue &entry : engine.call(QStringLiteral("attachment-filter.list")).result.toArray())
        list << entry[QStringLiteral("pattern")].toString();
    list.sort();
    return list;
}

void TestGuiAttachmentFilters::patternRefusesRealMailWhateverTheSizeLimit()
{
    OpenListDialog<AttachmentFiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("config.set"), {{QStringLiteral("key"), QStringLiteral("message.max_size")},
                                                       {QStringLiteral("value"), QStringLiteral("0")}})
                .ok());
    QVERIFY(engine.start());
    const QByteArray accepted = engine.deliver(kListDialogMailbox, withAttachment("setup.exe"));
    QVERIFY2(accepted.startsWith("250"), accepted.constData());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QVERIFY(driver.find<QLabel>("explanationLabel")->text().contains(QStringLiteral("size limit")));
    driver.type("patternEdit", QStringLiteral("  *.EXE "));
    driver.click("addButton");
    QCOMPARE(driver.cell(0, 0), QStringLiteral("*.EXE"));
    const int mark = engine.changesAppliedCount();
    QVERIFY(driver.apply());
    QVERIFY(engine.waitForChangesApplied(mark));
    QCOMPARE(patterns(engine), QStringList{QStringLiteral("*.EXE")});
    const QByteArray refused = engine.deliver(kListDialogMailbox, withAttachment("setup.exe"));
    QVERIFY2(refused.startsWith("550 5.7.1"), refused.constData());
    QVERIFY(engine.deliver(kListDialogMailbox, withAttachment("report.pdf")).startsWith("250"));
}

void TestGuiAttachmentFilters::cancelChangesNothing()
{
    OpenListDialog<AttachmentFiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("patternEdit", QStringLiteral("*.scr"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    open.dialog().reject();
    QTest::qWait(300);
    QCOMPARE(patterns(engine), QStringList());
    QVERIFY(driver.show());
    QCOMPARE(driver.rows(), 0);
}

void TestGuiAttachmentFilters::badOrDuplicatePatternIsRefused()
{
    OpenListDialog<AttachmentFiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("attachment-filter.add"), {{QStringLiteral("pattern"), QStringLiteral("*.exe")}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("patternEdit", QStringLiteral(" "));
    driver.click("addButton");
    QVERIFY(!driver.message().isEmpty());
    driver.type("patternEdit", QStringLiteral("*.EXE"));
    driver.click("addButton");
    QVERIFY2(driver.message().contains(QStringLiteral("already")), qPrintable(driver.message()));
    QCOMPARE(driver.rows(), 1);
    QVERIFY(driver.apply());
    QCOMPARE(patterns(engine), QStringList{QStringLiteral("*.exe")});
}

void TestGuiAttachmentFilters::importSkipsCommentsAndReportsBadLines()
{
    OpenListDialog<AttachmentFiltersDialog> open;
    LiveEngineFixture &engine = open.engine();
    QTemporaryDir files;
    QFile in(files.filePath(QStringLiteral("patterns.txt")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("# programs\n*.exe\n*.scr\n\n.E?E\n*.SCR\n");
    in.close();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QVERIFY(driver.editor()->importFrom(in.fileName()));
    QCOMPARE(driver.rows(), 3);
    QVERIFY(driver.apply(QDialogButtonBox::Ok));
    QCOMPARE(patterns(engine), QStringList({QStringLiteral("*.exe"), QStringLiteral("*.scr"), QStringLiteral(".E?E")}));

    const QString out = files.filePath(QStringLiteral("out.txt"));
    QVERIFY(driver.editor()->exportTo(out));
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = exported.readAll().split('\n');
    QVERIFY(lines.first().startsWith('#'));
    QVERIFY(lines.contains("*.scr"));
}

void TestGuiAttachmentFilters::lockedModeDisablesEditing()
{
    OpenListDialog<AttachmentFiltersDialog> open(false);
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.editableWhileLocked(), QStringList());
}

QTEST_MAIN(TestGuiAttachmentFilters)
#include "tst_gui_attachmentfilters.moc"
