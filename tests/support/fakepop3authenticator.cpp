#include "fakepop3authenticator.h"

#include "mailaddress.h"

void FakePop3Authenticator::addAccount(const QString &address, const QString &password, bool enabled)
{
    m_accounts.insert(address, Account{password, enabled});
}

AuthResult FakePop3Authenticator::check(const QString &user, const QString &password) const
{
    AuthResult result;
    const MailAddress address = MailAddress::parse(user);
    const auto found = address.isValid() ? m_accounts.constFind(address.canonical()) : m_accounts.constEnd();
    if (found == m_accounts.constEnd())
        result.reason = QStringLiteral("unknown user");
    else if (!found->enabled)
        result.reason = QStringLiteral("account disabled");
    else if (found->password != password)
        result.reason = QStringLiteral("wrong password");
    else {
        result.ok = true;
        result.account = address.canonical();
    }
    return result;
}

void FakePop3Authenticator::authenticate(const QString &user, const QString &password, std::function<void(AuthResult)> done)
{
    ++m_calls;
    const AuthResult result = check(user, password);
    if (m_mode == Mode::Synchronous) {
        done(result);
        return;
    }
    m_pending.append([done = std::move(done), result] { done(result); });
}

void FakePop3Authenticator::runPending()
{
    const QList<std::function<void()>> pending = std::exchange(m_pending, {});
    for (const std::function<void()> &answer : pending)
        answer();
}
