// Security ▸ Trusted IP Addresses against a real engine: a trusted source may relay, Cancel and
// bad input store nothing, edits and multi-row removal, import/export, the locked mode.

#include "listdialogdriver.h"
#include "security/trustedaddressesdialog.h"

#include <QtTest>
#include <QGroupBox>
#include <QJsonArray>
#include <QTcpSocket>

class TestGuiTrustedAddresses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trustedSourceMayRelay();
    void cancelChangesNothing();
    void badOrDuplicateRangeIsRefused();
    void editAndRemoveSeveral();
    void importExportRoundTrip();
    void badImportImportsNothing();
    void lockedModeDisablesEditing();

private:
    [[nodiscard]] static QByteArray relayAnswer(LiveEngineFixture &engine, const QString &source);
    [[nodiscard]] static QStringList ranges(LiveEngineFixture &engine);
};

QByteArray TestGuiTrustedAddresses::relayAnswer(LiveEngineFixture &engine, const QString &source)
{
    const std::unique_ptr<QTcpSocket> socket = engine.connectFrom(source);
    if (!socket || !LiveEngineFixture::readReply(*socket).startsWith("220"))
        return {};
    LiveEngineFixture::command(*socket, "EHLO client.test");
    LiveEngineFixture::command(*socket, "MAIL FROM:<someone@client.test>");
    return LiveEngineFixture::command(*socket, "RCPT TO:<someone@elsewhere.test>");
}

QStringList TestGuiTrustedAddresses::ranges(LiveEngineFixture &engine)
{
    QStringList list;
    for (const QJsonValue &entry : engine.call(QStringLiteral("trust.list")).result.toArray())
        list << entry[QStringLiteral("range")].toString() + QLatin1Char(' ') + entry[QStringLiteral("comment")].toString();
    list.sort();
    return list;
}

void TestGuiTrustedAddresses::trustedSourceMayRelay()
{
    OpenListDialog<TrustedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.start());
    QVERIFY2(relayAnswer(engine, QStringLiteral("127.0.0.24")).startsWith("554"), "relay must be refused before");
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.rows(), 0);

    driver.type("rangeEdit", QStringLiteral("127.0.0.24"));
    driver.type("commentEdit", QStringLiteral("office printer"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    QCOMPARE(driver.cell(0, 0), QStringLiteral("127.0.0.24/32"));
    QCOMPARE(ranges(engine), QStringList());   // staged only, until Apply
    const int mark = engine.changesAppliedCount();
    QVERIFY(driver.apply());
    QVERIFY(engine.waitForChangesApplied(mark));

    QCOMPARE(ranges(engine), QStringList{QStringLiteral("127.0.0.24/32 office printer")});
    // Relaying is allowed (the recipient goes to the outbound queue); others still refused.
    QVERIFY(relayAnswer(engine, QStringLiteral("127.0.0.24")).startsWith("250 2.1.5"));
    QVERIFY(relayAnswer(engine, QStringLiteral("127.0.0.25")).startsWith("554"));
}

void TestGuiTrustedAddresses::cancelChangesNothing()
{
    OpenListDialog<TrustedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("trust.add"), {{QStringLiteral("range"), QStringLiteral("10.0.0.0/8")}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.rows(), 1);
    driver.type("rangeEdit", QStringLiteral("192.168.5.0/24"));
    driver.click("addButton");
    driver.selectRows({0});
    driver.click("removeButton");
    QCOMPARE(driver.rows(), 1);
    driver.dialogButton(QDialogButtonBox::Cancel)->click();
    QVERIFY(!open.dialog().isVisible());
    QTest::qWait(300);   // nothing is in flight; give a stray request the chance to show up
    QCOMPARE(ranges(engine), QStringList{QStringLiteral("10.0.0.0/8 ")});
    // Shown again, the dialog reads the engine's list: the staged edits are gone.
    QVERIFY(driver.show());
    QCOMPARE(driver.rows(), 1);
    QCOMPARE(driver.cell(0, 0), QStringLiteral("10.0.0.0/8"));
}

void TestGuiTrustedAddresses::badOrDuplicateRangeIsRefused()
{
    OpenListDialog<TrustedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();

    driver.type("rangeEdit", QStringLiteral("300.1.2.3/33"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 0);
    QVERIFY2(driver.message().contains(QStringLiteral("300.1.2.3/33")), qPrintable(driver.message()));
    driver.type("rangeEdit", QString());
    driver.click("addButton");
    QCOMPARE(driver.rows(), 0);
    QVERIFY(!driver.message().isEmpty());

    driver.type("rangeEdit", QStringLiteral("10.0.0.0/8"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    driver.type("rangeEdit", QStringLiteral("10.1.2.3/8"));   // the same network, written otherwise
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    QVERIFY2(driver.message().contains(QStringLiteral("already")), qPrintable(driver.message()));

    driver.type("rangeEdit", QStringLiteral("10.9.9.9"));
    driver.type("commentEdit", QStringLiteral("tab\there"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    QVERIFY(driver.message().contains(QStringLiteral("tab")));
    QCOMPARE(ranges(engine), QStringList());
}

void TestGuiTrustedAddresses::editAndRemoveSeveral()
{
    OpenListDialog<TrustedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    for (const QString &range : {QStringLiteral("10.0.0.0/8"), QStringLiteral("172.16.0.0/12"), QStringLiteral("192.168.0.0/16")})
        QVERIFY(engine.call(QStringLiteral("trust.add"), {{QStringLiteral("range"), range}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.rows(), 3);

    // Edit: the selected entry fills the fields; a new range replaces it (added before removed).
    driver.selectRows({driver.rowWith(QStringLiteral("10.0.0.0/8"))});
    QCOMPARE(driver.find<QLineEdit>("rangeEdit")->text(), QStringLiteral("10.0.0.0/8"));
    driver.type("rangeEdit", QStringLiteral("10.20.0.0/16"));
    driver.type("commentEdit", QStringLiteral("second floor"));
    driver.click("replaceButton");
    QVERIFY(driver.apply());
    QCOMPARE(ranges(engine), QStringList({QStringLiteral("10.20.0.0/16 second floor"), QStringLiteral("172.16.0.0/12 "),
                                          QStringLiteral("192.168.0.0/16 ")}));

    // Several rows removed with one confirmation; "No" keeps them.
    driver.selectRows({driver.rowWith(QStringLiteral("172.16.0.0/12")), driver.rowWith(QStringLiteral("192.168.0.0/16"))});
    ListDialogDriver::answerNextQuestion(QMessageBox::No);
    driver.click("removeButton");
    QCOMPARE(driver.rows(), 3);
    ListDialogDriver::answerNextQuestion(QMessageBox::Yes);
    driver.click("removeButton");
    QCOMPARE(driver.rows(), 1);
    QVERIFY(driver.apply(QDialogButtonBox::Ok));
    QVERIFY(!open.dialog().isVisible());
    QCOMPARE(ranges(engine), QStringList{QStringLiteral("10.20.0.0/16 second floor")});
}

void TestGuiTrustedAddresses::importExportRoundTrip()
{
    OpenListDialog<TrustedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QTemporaryDir files;
    QFile in(files.filePath(QStringLiteral("in.txt")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("# office networks\n\n192.168.1.0/24 main office\n  10.1.0.0/16\n192.168.1.7/24 same network again\n");
    in.close();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QVERIFY(driver.editor()->importFrom(in.fileName()));
    QCOMPARE(driver.rows(), 2);
    QVERIFY(driver.apply());
    QCOMPARE(ranges(engine), QStringList({QStringLiteral("10.1.0.0/16 "), QStringLiteral("192.168.1.0/24 main office")}));

    const QString out = files.filePath(QStringLiteral("out.txt"));
    QVERIFY(driver.editor()->exportTo(out));
    QVERIFY(engine.call(QStringLiteral("trust.remove"), {{QStringLiteral("range"), QStringLiteral("10.1.0.0/16")}}).ok());
    QVERIFY(engine.call(QStringLiteral("trust.remove"), {{QStringLiteral("range"), QStringLiteral("192.168.1.0/24")}}).ok());
    open.dialog().hide();
    QVERIFY(driver.show());
    QCOMPARE(driver.rows(), 0);
    QVERIFY(driver.editor()->importFrom(out));
    QVERIFY(driver.apply());
    QCOMPARE(ranges(engine), QStringList({QStringLiteral("10.1.0.0/16 "), QStringLiteral("192.168.1.0/24 main office")}));
}

void TestGuiTrustedAddresses::badImportImportsNothing()
{
    OpenListDialog<TrustedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QTemporaryDir files;
    QFile in(files.filePath(QStringLiteral("in.txt")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("192.168.1.0/24\n# fine so far\nnot-an-address\n10.0.0.0/40\n");
    in.close();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QVERIFY(!driver.editor()->importFrom(in.fileName()));
    QCOMPARE(driver.rows(), 0);
    QVERIFY2(driver.message().contains(QStringLiteral("line 3")) && driver.message().contains(QStringLiteral("line 4")),
             qPrintable(driver.message()));
    QVERIFY(!driver.message().contains(QStringLiteral("line 1")));
    QVERIFY(driver.apply());
    QCOMPARE(ranges(engine), QStringList());
}

void TestGuiTrustedAddresses::lockedModeDisablesEditing()
{
    OpenListDialog<TrustedAddressesDialog> open(false);
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("trust.add"), {{QStringLiteral("range"), QStringLiteral("10.0.0.0/8")}}).ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.rows(), 1);   // read-only, but shown
    driver.selectRows({0});
    QCOMPARE(driver.editableWhileLocked(), QStringList());

    open.mode().setUnlocked(true);
    QVERIFY(!driver.find<QLabel>("lockedLabel")->isVisible());
    QVERIFY(driver.find<QGroupBox>("entryGroup")->isEnabled());
    QVERIFY(driver.find<QPushButton>("removeButton")->isEnabled());
    QVERIFY(driver.dialogButton(QDialogButtonBox::Apply)->isEnabled());
}

QTEST_MAIN(TestGuiTrustedAddresses)
#include "tst_gui_trustedaddresses.moc"
