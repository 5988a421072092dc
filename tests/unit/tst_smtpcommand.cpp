// SmtpCommand::parse (verb and argument of a command line) and SmtpPathArgument::parse (the
// "FROM:<path> params" of MAIL and "TO:<path> params" of RCPT, RFC 5321 §4.1.2).

#include "smtpcommand.h"

#include <QtTest>

class TestSmtpCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void command_data();
    void command();
    void path_data();
    void path();
    void pathErrors_data();
    void pathErrors();
    void encodeXtext_data();
    void encodeXtext();
};

void TestSmtpCommand::command_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("argument");

    QTest::newRow("verb only") << QByteArray("QUIT") << QByteArray("QUIT") << QByteArray();
    QTest::newRow("lower-case verb") << QByteArray("quit") << QByteArray("QUIT") << QByteArray();
    QTest::newRow("mixed-case verb") << QByteArray("eHlO client.example") << QByteArray("EHLO") << QByteArray("client.example");
    QTest::newRow("argument case kept") << QByteArray("HELO Client.Example") << QByteArray("HELO") << QByteArray("Client.Example");
    QTest::newRow("mail") << QByteArray("MAIL FROM:<a@b.example> SIZE=10") << QByteArray("MAIL")
                          << QByteArray("FROM:<a@b.example> SIZE=10");
    QTest::newRow("trailing spaces") << QByteArray("RCPT TO:<a@b.example>   ") << QByteArray("RCPT") << QByteArray("TO:<a@b.example>");
    QTest::newRow("trailing tab") << QByteArray("NOOP x\t") << QByteArray("NOOP") << QByteArray("x");
    QTest::newRow("verb and a space") << QByteArray("DATA ") << QByteArray("DATA") << QByteArray();
    QTest::newRow("inner spaces kept") << QByteArray("HELO a  b") << QByteArray("HELO") << QByteArray("a  b");
    QTest::newRow("two spaces after verb") << QByteArray("MAIL  FROM:<a@b.example>") << QByteArray("MAIL")
                                           << QByteArray(" FROM:<a@b.example>");
    QTest::newRow("empty line") << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("only a space") << QByteArray(" ") << QByteArray() << QByteArray();
    QTest::newRow("no space after colon keyword") << QByteArray("MAIL:FROM") << QByteArray("MAIL:FROM") << QByteArray();
    QTest::newRow("tab is not a separator") << QByteArray("NOOP\tx") << QByteArray("NOOP\tX") << QByteArray();
    QTest::newRow("bdat") << QByteArray("bdat 100 last") << QByteArray("BDAT") << QByteArray("100 last");
    QTest::newRow("utf-8 argument") << QByteArray("VRFY j\xc3\xb6rg") << QByteArray("VRFY") << QByteArray("j\xc3\xb6rg");
    QTest::newRow("binary verb") << QByteArray("\xff\xfe\x80 x") << QByteArray("\xff\xfe\x80") << QByteArray("x");
    QTest::newRow("control character in argument") << QByteArray("HELO a\x01" "b") << QByteArray("HELO") << QByteArray("a\x01" "b");
}

void TestSmtpCommand::command()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, argument);
    const SmtpCommand parsed = SmtpCommand::parse(line);
    QCOMPARE(parsed.verb, verb);
    QCOMPARE(parsed.argument, argument);
}

namespace {

// Parameters as "KEY=value" (value empty for a keyword without one).
QByteArrayList flattened(const QList<QPair<QByteArray, QByteArray>> &params)
{
    QByteArrayList out;
    for (const auto &[key, value] : params)
        out << key + '=' + value;
    return out;
}

}

void TestSmtpCommand::path_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<QByteArray>("keyword");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArrayList>("params");

    const QByteArray from = "FROM";
    const QByteArray to = "TO";
    QTest::newRow("plain") << QByteArray("FROM:<a@b.example>") << from << QStringLiteral("a@b.example") << QByteArrayList();
    QTest::newRow("rcpt") << QByteArray("TO:<alice@example.test>") << to << QStringLiteral("alice@example.test") << QByteArrayList();
    QTest::newRow("lower-case keyword") << QByteArray("from:<a@b.example>") << from << QStringLiteral("a@b.example") << QByteArrayList();
    QTest::newRow("mixed-case keyword") << QByteArray("To:<a@b.example>") << to << QStringLiteral("a@b.example") << QByteArrayList();
    QTest::newRow("path case kept") << QByteArray("TO:<Alice@Example.TEST>") << to << QStringLiteral("Alice@Example.TEST")
                                    << QByteArrayList();
    QTest::newRow("space after colon") << QByteArray("FROM: <a@b.example>") << from << QStringLiteral("a@b.example") << QByteArrayList();
    QTest::newRow("spaces after colon") << QByteArray("FROM:   <a@b.example>") << from << QStringLiteral("a@b.example")
                                        << QByteArrayList();
    QTest::newRow("null path") << QByteArray("FROM:<>") << from << QString() << QByteArrayList();
    QTest::newRow("null path, space") << QByteArray("FROM: <>") << from << QString() << QByteArrayList();
    QTest::newRow("null path, params") << QByteArray("FROM:<> SIZE=0 BODY=7BIT") << from << QString()
                                       << QByteArrayList{"SIZE=0", "BODY=7BIT"};
    QTest::newRow("postmaster") << QByteArray("TO:<Postmaster>") << to << QStringLiteral("Postmaster") << QByteArrayList();
    QTest::newRow("no brackets") << QByteArray("FROM:a@b.example") << from << QStringLiteral("a@b.example") << QByteArrayList();
    QTest::newRow("no brackets, space") << QByteArray("TO: a@b.example") << to << QStringLiteral("a@b.example") << QByteArrayList();
    QTest::newRow("no brackets, params") << QByteArray("FROM:a@b.example SIZE=10") << from << QStringLiteral("a@b.example")
                                         << QByteArrayList{"SIZE=10"};
    QTest::newRow("source route") << QByteArray("TO:<@relay.example:alice@example.test>") << to
                                  << QStringLiteral("alice@example.test") << QByteArrayList();
    QTest::newRow("source route, two hops") << QByteArray("TO:<@one.example,@two.example:alice@example.test>") << to
                                            << QStringLiteral("alice@example.test") << QByteArrayList();
    QTest::newRow("quoted local part with >") << QByteArray("FROM:<\"a>b\"@b.example>") << from
                                              << QStringLiteral("\"a>b\"@b.example") << QByteArrayList();
    QTest::newRow("quoted local part with spaces") << QByteArray("FROM:<\"john q smith\"@b.example> SIZE=5") << from
                                                   << QStringLiteral("\"john q smith\"@b.example") << QByteArrayList{"SIZE=5"};
    QTest::newRow("quoted escaped quote and >") << QByteArray("FROM:<\"a\\\"> b\"@b.example>") << from
                                                << QStringLiteral("\"a\\\"> b\"@b.example") << QByteArrayList();
    QTest::newRow("utf-8 path") << QByteArray("FROM:<j\xc3\xb6rg@b\xc3\xbc" "cher.example> SMTPUTF8") << from
                                << QStringLiteral("jörg@bücher.example") << QByteArrayList{"SMTPUTF8="};
    QTest::newRow("param without value") << QByteArray("FROM:<a@b.example> SMTPUTF8") << from << QStringLiteral("a@b.example")
                                         << QByteArrayList{"SMTPUTF8="};
    QTest::newRow("keyword upper-cased, value as sent") << QByteArray("FROM:<a@b.example> body=8bitmime size=10") << from
                                                        << QStringLiteral("a@b.example")
                                                        << QByteArrayList{"BODY=8bitmime", "SIZE=10"};
    QTest::newRow("unknown param kept for the session") << QByteArray("TO:<a@b.example> NOTIFY=SUCCESS,FAILURE") << to
                                                        << QStringLiteral("a@b.example")
                                                        << QByteArrayList{"NOTIFY=SUCCESS,FAILURE"};
    QTest::newRow("keyword with digits and dash") << QByteArray("FROM:<a@b.example> X-A1=v") << from << QStringLiteral("a@b.example")
                                                  << QByteArrayList{"X-A1=v"};
    QTest::newRow("several spaces between params") << QByteArray("FROM:<a@b.example>  SIZE=1   BODY=7BIT") << from
                                                   << QStringLiteral("a@b.example") << QByteArrayList{"SIZE=1", "BODY=7BIT"};
    QTest::newRow("value with utf-8") << QByteArray("FROM:<a@b.example> X=\xc3\xa4") << from << QStringLiteral("a@b.example")
                                      << QByteArrayList{"X=\xc3\xa4"};
    QTest::newRow("value with punctuation") << QByteArray("FROM:<a@b.example> AUTH=<>") << from << QStringLiteral("a@b.example")
                                            << QByteArrayList{"AUTH=<>"};
}

void TestSmtpCommand::path()
{
    QFETCH(QByteArray, argument);
    QFETCH(QByteArray, keyword);
    QFETCH(QString, path);
    QFETCH(QByteArrayList, params);
    const SmtpPathArgument parsed = SmtpPathArgument::parse(argument, keyword);
    QVERIFY2(parsed.ok, parsed.error.constData());
    QVERIFY(parsed.error.isEmpty());
    QCOMPARE(parsed.path, path);
    QCOMPARE(flattened(parsed.params), params);
}

void TestSmtpCommand::pathErrors_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<QByteArray>("keyword");
    QTest::addColumn<QByteArray>("error");

    const QByteArray from = "FROM";
    const QByteArray to = "TO";
    const QByteArray expectFrom = "501 5.5.4 Syntax: expected FROM:<address>";
    const QByteArray expectTo = "501 5.5.4 Syntax: expected TO:<address>";
    const QByteArray control = "501 5.5.4 Syntax: control character in address";
    const QByteArray notUtf8 = "501 5.5.4 Syntax: address is not valid UTF-8";
    const QByteArray badParam = "501 5.5.4 Syntax: bad parameter";
    const QByteArray badValue = "501 5.5.4 Syntax: bad parameter value";

    // The keyword and its colon.
    QTest::newRow("empty") << QByteArray() << from << expectFrom;
    QTest::newRow("keyword only") << QByteArray("FROM") << from << expectFrom;
    QTest::newRow("no colon") << QByteArray("FROM <a@b.example>") << from << expectFrom;
    QTest::newRow("space before colon") << QByteArray("FROM :<a@b.example>") << from << expectFrom;
    QTest::newRow("wrong keyword") << QByteArray("TO:<a@b.example>") << from << expectFrom;
    QTest::newRow("wrong keyword for RCPT") << QByteArray("FROM:<a@b.example>") << to << expectTo;
    QTest::newRow("longer keyword") << QByteArray("FROMX:<a@b.example>") << from << expectFrom;
    QTest::newRow("leading space") << QByteArray(" FROM:<a@b.example>") << from << expectFrom;
    QTest::newRow("TO prefix of TOO") << QByteArray("TOO:<a@b.example>") << to << expectTo;

    // The path.
    QTest::newRow("colon and nothing") << QByteArray("FROM:") << from << QByteArray("501 5.5.4 Syntax: missing address");
    QTest::newRow("colon and spaces") << QByteArray("TO:   ") << to << QByteArray("501 5.5.4 Syntax: missing address");
    QTest::newRow("missing >") << QByteArray("FROM:<a@b.example") << from << QByteArray("501 5.5.4 Syntax: missing '>' in address");
    QTest::newRow("missing > with params") << QByteArray("FROM:<a@b.example SIZE=10") << from
                                           << QByteArray("501 5.5.4 Syntax: missing '>' in address");
    QTest::newRow("unterminated quote hides >") << QByteArray("FROM:<\"a@b.example>") << from
                                                << QByteArray("501 5.5.4 Syntax: missing '>' in address");
    QTest::newRow("junk after >") << QByteArray("FROM:<a@b.example>SIZE=10") << from
                                  << QByteArray("501 5.5.4 Syntax: junk after address");
    QTest::newRow("second path") << QByteArray("TO:<a@b.example><c@d.example>") << to
                                 << QByteArray("501 5.5.4 Syntax: junk after address");
    QTest::newRow("backslash outside quotes") << QByteArray("FROM:<a\\>b@c.example>") << from
                                              << QByteArray("501 5.5.4 Syntax: junk after address");
    QTest::newRow("source route without colon") << QByteArray("TO:<@relay.example>") << to
                                                << QByteArray("501 5.5.4 Syntax: bad source route");
    QTest::newRow("NUL in path") << QByteArray("FROM:<a\0b@c.example>", 20) << from << control;
    QTest::newRow("SOH in path") << QByteArray("FROM:<a\x01" "b@c.example>") << from << control;
    QTest::newRow("tab in path") << QByteArray("FROM:<a\tb@c.example>") << from << control;
    QTest::newRow("CR in path") << QByteArray("TO:<a\rb@c.example>") << to << control;
    QTest::newRow("LF in path") << QByteArray("TO:<a\nb@c.example>") << to << control;
    QTest::newRow("DEL in path") << QByteArray("FROM:<a\x7f" "b@c.example>") << from << control;
    QTest::newRow("control char in quotes") << QByteArray("FROM:<\"a\x01" "b\"@c.example>") << from << control;
    QTest::newRow("control char, no brackets") << QByteArray("FROM:a\x01" "b@c.example") << from << control;
    QTest::newRow("latin-1 path") << QByteArray("FROM:<j\xf6rg@b.example>") << from << notUtf8;
    QTest::newRow("overlong utf-8") << QByteArray("FROM:<a\xc0\xaf" "b@c.example>") << from << notUtf8;
    QTest::newRow("truncated utf-8") << QByteArray("TO:<a\xc3@c.example>") << to << notUtf8;
    QTest::newRow("utf-16 surrogate in utf-8") << QByteArray("TO:<a\xed\xa0\x80@c.example>") << to << notUtf8;
    QTest::newRow("lone continuation byte") << QByteArray("TO:<\x80@c.example>") << to << notUtf8;

    // Parameters.
    QTest::newRow("empty keyword") << QByteArray("FROM:<a@b.example> =x") << from << badParam;
    QTest::newRow("keyword starts with dash") << QByteArray("FROM:<a@b.example> -X=1") << from << badParam;
    QTest::newRow("underscore in keyword") << QByteArray("FROM:<a@b.example> X_Y=1") << from << badParam;
    QTest::newRow("utf-8 keyword") << QByteArray("FROM:<a@b.example> \xc3\xa4=1") << from << badParam;
    QTest::newRow("address as keyword") << QByteArray("FROM:a b@c.example") << from << badParam;
    QTest::newRow("empty value") << QByteArray("FROM:<a@b.example> SIZE=") << from
                                 << QByteArray("501 5.5.4 Syntax: empty parameter value");
    QTest::newRow("= in value") << QByteArray("FROM:<a@b.example> X=a=b") << from << badValue;
    QTest::newRow("control char in value") << QByteArray("FROM:<a@b.example> X=a\x01" "b") << from << badValue;
    QTest::newRow("tab in value") << QByteArray("FROM:<a@b.example> X=a\tb") << from << badValue;
    QTest::newRow("DEL in value") << QByteArray("FROM:<a@b.example> X=a\x7f") << from << badValue;
    QTest::newRow("bad param after good") << QByteArray("FROM:<a@b.example> SIZE=1 =2") << from << badParam;
}

void TestSmtpCommand::pathErrors()
{
    QFETCH(QByteArray, argument);
    QFETCH(QByteArray, keyword);
    QFETCH(QByteArray, error);
    const SmtpPathArgument parsed = SmtpPathArgument::parse(argument, keyword);
    QVERIFY2(!parsed.ok, qPrintable(QStringLiteral("accepted, path \"%1\"").arg(parsed.path)));
    QCOMPARE(parsed.error, error);
    QVERIFY(parsed.path.isEmpty());
    QVERIFY(parsed.params.isEmpty());
}

void TestSmtpCommand::encodeXtext_data()
{
    QTest::addColumn<QByteArray>("plain");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("printable") << QByteArray("rfc822;bob@example.org") << QByteArray("rfc822;bob@example.org");
    QTest::newRow("plus") << QByteArray("bob+tag@example.org") << QByteArray("bob+2Btag@example.org");
    QTest::newRow("equals") << QByteArray("a=b") << QByteArray("a+3Db");
    QTest::newRow("space and tilde") << QByteArray("a b~") << QByteArray("a+20b~");
    QTest::newRow("controls") << QByteArray("\x01\x7f", 2) << QByteArray("+01+7F");
    QTest::newRow("utf-8") << QByteArray("j\xc3\xb6rg") << QByteArray("j+C3+B6rg");
}

void TestSmtpCommand::encodeXtext()
{
    QFETCH(QByteArray, plain);
    QFETCH(QByteArray, encoded);
    QCOMPARE(SmtpCommand::encodeXtext(plain), encoded);
    // The server's decoder takes back what the client encodes.
    QCOMPARE(SmtpCommand::decodeXtext(encoded), std::optional<QByteArray>(plain));
}

QTEST_GUILESS_MAIN(TestSmtpCommand)
#include "tst_smtpcommand.moc"
