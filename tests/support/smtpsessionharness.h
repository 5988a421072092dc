#pragma once

#include "fakeauthenticator.h"
#include "fixturedirectory.h"
#include "inmemoryauthfailurerecorder.h"
#include "memorymessagestore.h"
#include "recordingtransport.h"
#include "smtpsession.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include <memory>

// The configuration and the input the SmtpSession unit tests (tst_smtpsession*.cpp) share.
namespace SmtpSessionTest {

inline constexpr int kCommandTimeoutMs = 11000;
inline constexpr int kDataTimeoutMs = 22000;

inline const QByteArray kEhlo = "EHLO helo.example\r\n";
inline const QByteArray kTransaction = "MAIL FROM:<sender@remote.example>\r\nRCPT TO:<alice@example.test>\r\n";
inline const QByteArray kStorageFailure = "451 4.3.0 Error: local storage failure, try again later";

// The logins every SMTP transcript assumes (tests/transcripts/README.md): the accounts alice, bob
// and full @example.test with kPassword (unless accounts is false: smtp.auth_use_pop3_accounts
// off), and the SMTP-only login kScanner with kScannerPassword.
inline const QString kPassword = QStringLiteral("password123");
inline const QString kScanner = QStringLiteral("scanner");
inline const QString kScannerPassword = QStringLiteral("scanner-secret");
void addLogins(FakeAuthenticator &authenticator, bool accounts = true);

// mail.example.test with the deadlines above and a clock fixed at Tue, 24 Nov 2026 10:20:59 +0100.
[[nodiscard]] SmtpSessionConfig testConfig();
// The lines of what a session sent, without their CRLF.
[[nodiscard]] QByteArrayList linesOf(const QByteArray &sent);

}

// One started SmtpSession over a RecordingTransport, the transcript fixture directory, a memory
// store and the fixture's logins (answered at once), for a client at address:40000 on the smtp
// service; `tls`: the connection is encrypted from the start.
class SmtpSessionHarness
{
public:
    explicit SmtpSessionHarness(SmtpSessionConfig config = SmtpSessionTest::testConfig(), bool tls = false,
                                const QHostAddress &address = QHostAddress(QStringLiteral("127.0.0.1")),
                                FakeAuthenticator::Mode mode = FakeAuthenticator::Mode::Synchronous);
    Q_DISABLE_COPY_MOVE(SmtpSessionHarness)

    // Everything in one receive(); returns the reply lines (without CRLF).
    QByteArrayList send(QByteArrayView bytes);
    // Greets and checks the EHLO answer came.
    void ehlo();

    [[nodiscard]] SmtpSession &session() { return *m_session; }
    [[nodiscard]] RecordingTransport &transport() { return m_transport; }
    [[nodiscard]] MemoryMessageStore &store() { return m_store; }
    [[nodiscard]] FakeAuthenticator &authenticator() { return m_authenticator; }
    [[nodiscard]] InMemoryAuthFailureRecorder &failures() { return m_failures; }
    // What the session sent on start().
    [[nodiscard]] const QByteArray &greeting() const { return m_greeting; }

private:
    RecordingTransport m_transport;
    FixtureDirectory m_directory;
    MemoryMessageStore m_store;
    FakeAuthenticator m_authenticator;
    InMemoryAuthFailureRecorder m_failures;
    std::unique_ptr<SmtpSession> m_session;
    QByteArray m_greeting;
};
