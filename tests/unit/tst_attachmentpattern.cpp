// Attachment filter patterns: the seed's extension forms and whole-name wildcards.

#include "attachmentpattern.h"

#include <QtTest>

class TestAttachmentPattern : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matching_data();
    void matching();
    void validation_data();
    void validation();
};

void TestAttachmentPattern::matching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("matches");
    // The seed: ".EXE" matches .EXE only.
    QTest::newRow(".EXE exe") << QStringLiteral(".EXE") << QStringLiteral("setup.exe") << true;
    QTest::newRow(".EXE upper") << QStringLiteral(".EXE") << QStringLiteral("SETUP.EXE") << true;
    QTest::newRow(".EXE exe2") << QStringLiteral(".EXE") << QStringLiteral("setup.exe2") << false;
    QTest::newRow(".EXE ex") << QStringLiteral(".EXE") << QStringLiteral("setup.ex") << false;
    QTest::newRow(".EXE no extension") << QStringLiteral(".EXE") << QStringLiteral("exe") << false;
    QTest::newRow(".EXE middle extension") << QStringLiteral(".EXE") << QStringLiteral("setup.exe.txt") << false;
    QTest::newRow(".EXE double extension") << QStringLiteral(".EXE") << QStringLiteral("invoice.pdf.exe") << true;
    QTest::newRow(".EXE trailing dot") << QStringLiteral(".EXE") << QStringLiteral("setup.exe.") << true;
    QTest::newRow(".EXE trailing space") << QStringLiteral(".EXE") << QStringLiteral("setup.exe  ") << true;
    QTest::newRow(".EXE with path") << QStringLiteral(".EXE") << QStringLiteral("C:\\temp\\setup.exe") << true;
    QTest::newRow(".EXE hidden file") << QStringLiteral(".EXE") << QStringLiteral(".exe") << true;
    // ".E*": any file type beginning with E.
    QTest::newRow(".E* exe") << QStringLiteral(".E*") << QStringLiteral("a.exe") << true;
    QTest::newRow(".E* eml") << QStringLiteral(".E*") << QStringLiteral("a.eml") << true;
    QTest::newRow(".E* e alone") << QStringLiteral(".E*") << QStringLiteral("a.e") << true;
    QTest::newRow(".E* txt") << QStringLiteral(".E*") << QStringLiteral("a.txt") << false;
    QTest::newRow(".E* star stays in the extension") << QStringLiteral(".E*") << QStringLiteral("report.e2024.pdf") << false;
    QTest::newRow(".E* no extension") << QStringLiteral(".E*") << QStringLiteral("exe") << false;
    // ".E?E": begins and ends with E, three letters.
    QTest::newRow(".E?E exe") << QStringLiteral(".E?E") << QStringLiteral("a.exe") << true;
    QTest::newRow(".E?E eke") << QStringLiteral(".E?E") << QStringLiteral("a.EKE") << true;
    QTest::newRow(".E?E ee") << QStringLiteral(".E?E") << QStringLiteral("a.ee") << false;
    QTest::newRow(".E?E exxe") << QStringLiteral(".E?E") << QStringLiteral("a.exxe") << false;
    QTest::newRow(".E?E exf") << QStringLiteral(".E?E") << QStringLiteral("a.exf") << false;
    // Several extensions in the dot form.
    QTest::newRow(".tar.gz") << QStringLiteral(".tar.gz") << QStringLiteral("backup.TAR.GZ") << true;
    QTest::newRow(".tar.gz gz only") << QStringLiteral(".tar.gz") << QStringLiteral("backup.gz") << false;
    // Whole-name forms.
    QTest::newRow("*.exe") << QStringLiteral("*.exe") << QStringLiteral("Setup.Exe") << true;
    QTest::newRow("*.exe middle") << QStringLiteral("*.exe") << QStringLiteral("setup.exe.txt") << false;
    QTest::newRow("invoice*.js") << QStringLiteral("invoice*.js") << QStringLiteral("Invoice-2024-03.js") << true;
    QTest::newRow("invoice*.js exact") << QStringLiteral("invoice*.js") << QStringLiteral("invoice.js") << true;
    QTest::newRow("invoice*.js other") << QStringLiteral("invoice*.js") << QStringLiteral("my-invoice.js") << false;
    QTest::newRow("invoice*.js jse") << QStringLiteral("invoice*.js") << QStringLiteral("invoice.jse") << false;
    QTest::newRow("?? one char") << QStringLiteral("a?.doc") << QStringLiteral("ab.doc") << true;
    QTest::newRow("?? two chars") << QStringLiteral("a?.doc") << QStringLiteral("abc.doc") << false;
    QTest::newRow("exact name") << QStringLiteral("winmail.dat") << QStringLiteral("WINMAIL.DAT") << true;
    QTest::newRow("backtracking") << QStringLiteral("*a*b*c") << QStringLiteral("xxaxxbxxbxxc") << true;
    QTest::newRow("backtracking fails") << QStringLiteral("*a*b*c") << QStringLiteral("xxaxxcxxbxx") << false;
    QTest::newRow("unicode case") << QStringLiteral("RÉSUMÉ*") << QStringLiteral("résumé.pdf") << true;
    QTest::newRow("empty name") << QStringLiteral("*") << QStringLiteral("") << false;
}

void TestAttachmentPattern::matching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, fileName);
    QFETCH(bool, matches);
    const AttachmentPattern compiled(pattern);
    QVERIFY(compiled.isValid());
    QCOMPARE(compiled.matches(fileName), matches);
}

void TestAttachmentPattern::validation_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("error"); // a part of the message, or empty for a valid pattern
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("spaces") << QStringLiteral("   ") << QStringLiteral("empty");
    QTest::newRow("tab") << QStringLiteral("\t") << QStringLiteral("empty");
    QTest::newRow("dot alone") << QStringLiteral(".") << QStringLiteral("no extension");
    QTest::newRow("path") << QStringLiteral("dir/*.exe") << QStringLiteral("path separator");
    QTest::newRow("control") << QStringLiteral("a\u0001.exe") << QStringLiteral("control character");
    QTest::newRow("valid") << QStringLiteral(" .EXE ") << QString();
    QTest::newRow("star") << QStringLiteral("*") << QString();
}

void TestAttachmentPattern::validation()
{
    QFETCH(QString, pattern);
    QFETCH(QString, error);
    const QString message = AttachmentPattern::validate(pattern);
    if (error.isEmpty()) {
        QCOMPARE(message, QString());
        QVERIFY(AttachmentPattern(pattern).isValid());
    } else {
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY(!AttachmentPattern(pattern).isValid());
        QVERIFY(!AttachmentPattern(pattern).matches(QStringLiteral("a.exe")));
    }
}

QTEST_GUILESS_MAIN(TestAttachmentPattern)
#include "tst_attachmentpattern.moc"
