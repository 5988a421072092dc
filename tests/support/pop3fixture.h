#pragma once

#include <QByteArray>
#include <QString>

class FakeAuthenticator;
class MemoryMailStore;

// The accounts and messages every POP3 transcript assumes (tests/transcripts/pop3/README.md).
namespace Pop3Fixture {

[[nodiscard]] QString alice();
[[nodiscard]] QString bob();
[[nodiscard]] QString carol();
// Alice's three messages, oldest first (84, 120 and 88 octets).
[[nodiscard]] QByteArray message(int number);

void addAccounts(FakeAuthenticator &authenticator);
void addMessages(MemoryMailStore &store);

}
