#include "pop3fixture.h"

#include "fakeauthenticator.h"
#include "memorymailstore.h"

namespace Pop3Fixture {

QString alice()
{
    return QStringLiteral("alice@example.test");
}

QString bob()
{
    return QStringLiteral("bob@example.test");
}

QString carol()
{
    return QStringLiteral("carol@example.test");
}

QByteArray message(int number)
{
    switch (number) {
    case 1:
        return "From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: one\r\n\r\nfirst message\r\n";
    case 2:
        return "From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: two\r\n\r\n"
               "line 1\r\n.starts with a dot\r\n..two dots\r\n.\r\nline 5\r\n";
    case 3:
        return "From: sender@remote.example\r\nTo: alice@example.test\r\nSubject: three\r\n\r\nno final line end";
    default:
        return {};
    }
}

void addAccounts(FakeAuthenticator &authenticator)
{
    authenticator.addAccount(alice(), QStringLiteral("password123"));
    authenticator.addAccount(bob(), QStringLiteral("password456"));
    authenticator.addAccount(carol(), QStringLiteral("password789"), false);
}

void addMessages(MemoryMailStore &store)
{
    store.add(alice(), "1732000001.M100001P4242Q1.mail.example.test", message(1));
    store.add(alice(), "1732000002.M200002P4242Q2.mail.example.test", message(2));
    store.add(alice(), "1732000003.M300003P4242Q3.mail.example.test", message(3));
}

}
