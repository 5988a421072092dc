// The log viewer window: a day's file from a data directory, filters typed into the widgets,
// one session, copy to the clipboard, export through the file dialog, and the live lines.

#include "logfilemodel.h"
#include "logfilterproxy.h"
#include "logringbuffer.h"
#include "logviewer.h"

#include <QtTest>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

namespace {

const QStringList kDayLines = {
    QStringLiteral("2026-11-20T09:00:00.000+00:00 INFO smtp a1 connect from 127.0.0.5:5500 to smtp 127.0.0.1:25"),
    QStringLiteral("2026-11-20T09:00:00.100+00:00 DEBUG smtp a1 C: EHLO client.example"),
    QStringLiteral("2026-11-20T09:00:01.000+00:00 INFO smtp b2 connect from 10.0.0.10:4000 to smtp 127.0.0.1:25"),
    QStringLiteral("2026-11-20T09:00:01.500+00:00 INFO submission a1 authenticated as alice@example.org via PLAIN from 127.0.0.5"),
    QStringLiteral("2026-11-20T09:00:02.000+00:00 WARN smtp b2 relay access denied"),
    QStringLiteral("2026-11-20T09:00:03.000+00:00 INFO smtp a1 disconnect from 127.0.0.5:5500 after 3000 ms (quit), 10 bytes in, 20 bytes out"),
};

}

class TestGuiLogViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filterSessionCopyExport();
    void liveLinesArrive();

private:
    QTemporaryDir m_dir;
    QString m_logDir;
};

void TestGuiLogViewer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_logDir = m_dir.filePath(QStringLiteral("log"));
    QVERIFY(QDir().mkpath(m_logDir));
    for (const QString &day : {QStringLiteral("2026-11-19"), QStringLiteral("2026-11-20")}) {
        QFile file(m_logDir + QStringLiteral("/postern-") + day + QStringLiteral(".log"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QStringList lines = day.endsWith(QLatin1String("20")) ? kDayLines : QStringList{kDayLines.first()};
        file.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n');
    }
}

void TestGuiLogViewer::filterSessionCopyExport()
{
    LogViewer viewer(nullptr, m_logDir);
    viewer.show();
    auto *days = viewer.findChild<QComboBox *>(QStringLiteral("dayCombo"));
    QVERIFY(days);
    // Newest day first; without an engine there is no live entry.
    QCOMPARE(days->count(), 2);
    QCOMPARE(days->itemText(0), QStringLiteral("2026-11-20"));
    QCOMPARE(days->itemText(1), QStringLiteral("2026-11-19"));
    LogFilterProxy *proxy = viewer.proxy();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), int(kDayLines.size()), 5000);
    days->setCurrentIndex(1);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 1, 5000);
    days->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), int(kDayLines.size()), 5000);

    // Filter by client address through the widget: the lines that name it.
    auto *ip = viewer.findChild<QLineEdit *>(QStringLiteral("ipEdit"));
    QTest::keyClicks(ip, QStringLiteral("10.0.0.10"));
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 1, 5000);
    QCOMPARE(proxy->index(0, 3).data().toString(), QStringLiteral("b2"));
    ip->clear();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), int(kDayLines.size()), 5000);
    auto *account = viewer.findChild<QLineEdit *>(QStringLiteral("accountEdit"));
    QTest::keyClicks(account, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 1, 5000);

    // That line's session: every line of a1, smtp and submission alike.
    auto *view = viewer.findChild<QTableView *>(QStringLiteral("logView"));
    view->setCurrentIndex(proxy->index(0, 0));
    QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("sessionButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 4, 5000);
    for (int row = 0; row < proxy->rowCount(); ++row)
        QCOMPARE(proxy->index(row, 3).data().toString(), QStringLiteral("a1"));

    // Copy two selected lines exactly as the file has them.
    view->clearSelection();
    view->selectionModel()->select(proxy->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(proxy->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("copyButton")), Qt::LeftButton);
    const QString expected = kDayLines.at(0) + QLatin1Char('\n') + kDayLines.at(3) + QLatin1Char('\n');
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);

    // Export the same selection through the dialog the button opens.
    const QString exported = m_dir.filePath(QStringLiteral("export.log"));
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()), 5000);
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialogSeen = true;
        dialog->selectFile(exported);
        static_cast<QDialog *>(dialog)->accept();   // QFileDialog::accept is protected; the virtual is not
    });
    QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
    QVERIFY(dialogSeen);
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), expected);

    // A day whose file went away (pruned by retention meanwhile) says so instead of showing nothing.
    viewer.showSource(m_logDir + QStringLiteral("/postern-2026-01-01.log"));
    QVERIFY(viewer.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().startsWith(QStringLiteral("Cannot open")));
    QCOMPARE(proxy->rowCount(), 0);
    days->setCurrentIndex(1);
    days->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->sourceModel()->rowCount(), int(kDayLines.size()), 5000);

    // And back: the account filter applies again.
    QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("allSessionsButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 1, 5000);
    account->clear();
    QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), int(kDayLines.size()), 5000);
}

void TestGuiLogViewer::liveLinesArrive()
{
    LogRingBuffer ring(1000);
    LogViewer viewer(&ring, m_logDir);
    auto *days = viewer.findChild<QComboBox *>(QStringLiteral("dayCombo"));
    QCOMPARE(days->count(), 3);
    QCOMPARE(days->currentIndex(), 0);   // the live lines come first
    QCOMPARE(viewer.proxy()->rowCount(), 0);
    for (int n = 0; n < 500; ++n) {
        LogEntry entry;
        entry.timestamp = QDateTime::currentDateTime();
        entry.component = QStringLiteral("smtp");
        entry.session = QStringLiteral("s%1").arg(n % 5);
        entry.text = QStringLiteral("line %1").arg(n);
        ring.append(entry);
    }
    QTRY_COMPARE_WITH_TIMEOUT(viewer.proxy()->rowCount(), 500, 5000);

    // Following the tail until the admin scrolls up; the button goes back to the newest line.
    viewer.show();
    auto *view = viewer.findChild<QTableView *>(QStringLiteral("logView"));
    auto *follow = viewer.findChild<QCheckBox *>(QStringLiteral("followCheck"));
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(follow->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(bar->maximum() > 0 && bar->value() == bar->maximum(), 5000);
    bar->triggerAction(QAbstractSlider::SliderToMinimum);
    QTRY_VERIFY_WITH_TIMEOUT(!follow->isChecked(), 5000);
    QTest::mouseClick(viewer.findChild<QPushButton *>(QStringLiteral("jumpButton")), Qt::LeftButton);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(follow->isChecked());

    auto *text = viewer.findChild<QLineEdit *>(QStringLiteral("textEdit"));
    QTest::keyClicks(text, QStringLiteral("line 49"));
    QTRY_COMPARE_WITH_TIMEOUT(viewer.proxy()->rowCount(), 11, 5000);   // 49 and 490..499
}

QTEST_MAIN(TestGuiLogViewer)
#include "tst_gui_logviewer.moc"
