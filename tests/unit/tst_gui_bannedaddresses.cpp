// Security ▸ Banned Addresses against a real engine: a ban added in the dialog closes real
// connections from that source without a greeting, unbanning serves it again; auto-bans are
// marked with their reason and expiry; the never-ban list and its button; Cancel, bad input,
// import and the locked mode.

#include "listdialogdriver.h"
#include "security/bannedaddressesdialog.h"

#include <QtTest>
#include <QComboBox>
#include <QJsonArray>
#include <QSpinBox>
#include <QTcpSocket>

class TestGuiBannedAddresses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void banClosesConnectionsAndUnbanServesAgain();
    void unbanWaitsForApplyBehindOtherEdits();
    void autoBansAreMarkedAndNeverListShown();
    void cancelChangesNothing();
    void badRangeIsRefused();
    void importBansForGood();
    void lockedModeDisablesEditing();

private:
    [[nodiscard]] static QByteArray greeting(LiveEngineFixture &engine, const QString &source);
    [[nodiscard]] static QJsonArray bans(LiveEngineFixture &engine);
};

QByteArray TestGuiBannedAddresses::greeting(LiveEngineFixture &engine, const QString &source)
{
    const std::unique_ptr<QTcpSocket> socket = engine.connectFrom(source);
    return socket ? LiveEngineFixture::readReply(*socket, 2000) : QByteArray("no connection");
}

QJsonArray TestGuiBannedAddresses::bans(LiveEngineFixture &engine)
{
    return engine.call(QStringLiteral("ban.list")).result.toArray();
}

void TestGuiBannedAddresses::banClosesConnectionsAndUnbanServesAgain()
{
    OpenListDialog<BannedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.start());
    QVERIFY(greeting(engine, QStringLiteral("127.0.0.23")).startsWith("220"));
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();

    driver.type("rangeEdit", QStringLiteral("127.0.0.23"));
    driver.find<QSpinBox>("durationSpin")->setValue(2);
    driver.find<QComboBox>("durationUnitCombo")->setCurrentIndex(1);   // hours
    driver.type("commentEdit", QStringLiteral("dictionary attack"));
    driver.click("addButton");
    const int mark = engine.changesAppliedCount();
    QVERIFY(driver.apply());
    QVERIFY(engine.waitForChangesApplied(mark));

    const QJsonArray stored = bans(engine);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0][QStringLiteral("range")].toString(), QStringLiteral("127.0.0.23/32"));
    QCOMPARE(stored[0][QStringLiteral("source")].toString(), QStringLiteral("manual"));
    QCOMPARE(stored[0][QStringLiteral("comment")].toString(), QStringLiteral("dictionary attack"));
    const QDateTime expires = QDateTime::fromString(stored[0][QStringLiteral("expires")].toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 2 * 3600) < 60);

    // Closed without a byte; another source is greeted as before.
    QCOMPARE(greeting(engine, QStringLiteral("127.0.0.23")), QByteArray());
    QVERIFY(greeting(engine, QStringLiteral("127.0.0.26")).startsWith("220"));

    driver.selectRows({0});
    QCOMPARE(driver.find<QPushButton>("removeButton")->text().remove(QLatin1Char('&')), QStringLiteral("Unban selected"));
    // One click unbans: no Apply needed when nothing else is waiting.
    const int unbanMark = engine.changesAppliedCount();
    driver.click("removeButton");
    QVERIFY(engine.waitForChangesApplied(unbanMark));
    QTRY_COMPARE_WITH_TIMEOUT(bans(engine).size(), 0, 10000);
    QVERIFY(greeting(engine, QStringLiteral("127.0.0.23")).startsWith("220"));
}

void TestGuiBannedAddresses::unbanWaitsForApplyBehindOtherEdits()
{
    OpenListDialog<BannedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(engine.call(QStringLiteral("ban.add"), {{QStringLiteral("range"), QStringLiteral("203.0.113.9")},
                                                    {QStringLiteral("minutes"), 0}})
                .ok());
    QVERIFY(engine.start());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QTRY_COMPARE_WITH_TIMEOUT(driver.find<QTableWidget>("entryTable")->rowCount(), 1, 10000);
    driver.type("rangeEdit", QStringLiteral("198.51.100.1"));
    driver.click("addButton");   // staged, not sent
    auto *table = driver.find<QTableWidget>("entryTable");
    QCOMPARE(table->rowCount(), 2);
    const int banned = table->item(0, 0)->text().startsWith(QStringLiteral("203.")) ? 0 : 1;
    driver.selectRows({banned});
    driver.click("removeButton");
    QTest::qWait(500);
    QCOMPARE(bans(engine).size(), 1);   // both still wait for Apply
    const int mark = engine.changesAppliedCount();
    QVERIFY(driver.apply());
    QVERIFY(engine.waitForChangesApplied(mark));
    const QJsonArray stored = bans(engine);
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored[0][QStringLiteral("range")].toString(), QStringLiteral("198.51.100.1/32"));
}

void TestGuiBannedAddresses::autoBansAreMarkedAndNeverListShown()
{
    OpenListDialog<BannedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    engine.addAutoBan(QStringLiteral("198.51.100.7/32"), QStringLiteral("5 failed logins in 10 minutes"), 60);
    QVERIFY(engine.call(QStringLiteral("ban.add"), {{QStringLiteral("range"), QStringLiteral("203.0.113.0/24")},
                                                    {QStringLiteral("minutes"), 0}})
                .ok());
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.rows(), 2);
    const int automatic = driver.rowWith(QStringLiteral("198.51.100.7/32"));
    const int manual = driver.rowWith(QStringLiteral("203.0.113.0/24"));
    QCOMPARE(driver.cell(automatic, 2), QStringLiteral("auto-ban"));
    QCOMPARE(driver.cell(automatic, 3), QStringLiteral("5 failed logins in 10 minutes"));
    QVERIFY(driver.cell(automatic, 1) != QStringLiteral("never"));
    QCOMPARE(driver.cell(manual, 1), QStringLiteral("never"));
    QCOMPARE(driver.cell(manual, 2), QStringLiteral("manual"));
    driver.selectRows({automatic});
    const QString details = driver.find<QLabel>("detailsLabel")->text();
    QVERIFY2(details.contains(QStringLiteral("auto-ban")) && details.contains(QStringLiteral("5 failed logins")), qPrintable(details));

    // The never-ban list, read-only, with the way to the Auto-ban dialog.
    auto *never = driver.find<QLineEdit>("neverBanEdit");
    QTRY_VERIFY_WITH_TIMEOUT(never->text().contains(QStringLiteral("127.0.0.0/8")), 5000);
    QVERIFY(never->isReadOnly());
    QSignalSpy requested(&open.dialog(), &BannedAddressesDialog::autoBanSettingsRequested);
    driver.click("autoBanSettingsButton");
    QCOMPARE(requested.size(), 1);

    // Editing an auto-ban keeps the range and its time left, and makes it the admin's.
    driver.type("commentEdit", QStringLiteral("seen again"));
    driver.click("replaceButton");
    QVERIFY(driver.apply());
    const QJsonArray stored = bans(engine);
    QCOMPARE(stored.size(), 2);
    for (const QJsonValue &ban : stored) {
        if (ban[QStringLiteral("range")].toString() == QStringLiteral("198.51.100.7/32")) {
            QCOMPARE(ban[QStringLiteral("source")].toString(), QStringLiteral("manual"));
            QCOMPARE(ban[QStringLiteral("comment")].toString(), QStringLiteral("seen again"));
            QVERIFY(!ban[QStringLiteral("expires")].isNull());
        }
    }
}

void TestGuiBannedAddresses::cancelChangesNothing()
{
    OpenListDialog<BannedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("rangeEdit", QStringLiteral("127.0.0.23"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 1);
    driver.dialogButton(QDialogButtonBox::Cancel)->click();
    QTest::qWait(500);
    QCOMPARE(bans(engine).size(), 0);
    QVERIFY(greeting(engine, QStringLiteral("127.0.0.23")).startsWith("220"));
}

void TestGuiBannedAddresses::badRangeIsRefused()
{
    OpenListDialog<BannedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    driver.type("rangeEdit", QStringLiteral("127.0.0.23/40"));
    driver.click("addButton");
    QCOMPARE(driver.rows(), 0);
    QVERIFY2(driver.message().contains(QStringLiteral("127.0.0.23/40")), qPrintable(driver.message()));
    QVERIFY(driver.apply());
    QCOMPARE(bans(engine).size(), 0);
}

void TestGuiBannedAddresses::importBansForGood()
{
    OpenListDialog<BannedAddressesDialog> open;
    LiveEngineFixture &engine = open.engine();
    QTemporaryDir files;
    QFile in(files.filePath(QStringLiteral("bans.txt")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("# from the old server\n192.0.2.0/24 spam run\n2001:db8::/32\n");
    in.close();
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QVERIFY(driver.editor()->importFrom(in.fileName()));
    QVERIFY(driver.apply());
    const QJsonArray stored = bans(engine);
    QCOMPARE(stored.size(), 2);
    for (const QJsonValue &ban : stored)
        QVERIFY(ban[QStringLiteral("expires")].isNull());
    const QString out = files.filePath(QStringLiteral("out.txt"));
    QVERIFY(driver.editor()->exportTo(out));
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QVERIFY(exported.readAll().contains("192.0.2.0/24 spam run\n"));
}

void TestGuiBannedAddresses::lockedModeDisablesEditing()
{
    OpenListDialog<BannedAddressesDialog> open(false);
    QVERIFY(open.show());
    ListDialogDriver &driver = open.driver();
    QCOMPARE(driver.editableWhileLocked(), QStringList());
}

QTEST_MAIN(TestGuiBannedAddresses)
#include "tst_gui_bannedaddresses.moc"
