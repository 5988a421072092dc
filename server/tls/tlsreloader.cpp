#include "tlsreloader.h"

#include <sys/stat.h>

#include <QFile>
#include <QFileInfo>

#include "log.h"
#include "selfsignedcertificate.h"
#include "settings.h"
#include "tlscontextprovider.h"

namespace {

const QString kComponent = QStringLiteral("tls");
const QString kNoSession = QStringLiteral("-");

}

TlsReloader::TlsReloader(TlsContextProvider &provider, QString dataDirectory)
    : m_provider(provider), m_dataDirectory(std::move(dataDirectory))
{
}

void TlsReloader::apply(const Settings &settings, const QDateTime &now)
{
    m_hostName = settings.text(QStringLiteral("server.hostname"));
    const TlsFiles files = TlsFiles::fromSettings(settings, m_dataDirectory);
    if (m_applied && files == m_files)
        return;
    const bool first = !m_applied;
    m_applied = true;
    m_files = files;
    load(first ? QStringLiteral("at start") : QStringLiteral("the settings changed"), now);
    checkExpiry(now);
}

bool TlsReloader::reload(const QString &reason, const QDateTime &now)
{
    if (!m_applied)
        return false;
    const bool loaded = load(reason, now);
    checkExpiry(now);
    return loaded;
}

void TlsReloader::poll(const QDateTime &now)
{
    if (!m_applied)
        return;
    const PairStamp stamp = stampFiles();
    if (stamp == m_loadedStamp || stamp != m_seenStamp)
        m_seenStamp = stamp;   // unchanged, or changed since the last tick: let it settle first
    else
        load(QStringLiteral("the files changed"), now);
    checkExpiry(now);
}

TlsReloader::FileStamp TlsReloader::stampOf(const QString &path)
{
    // stat, not lstat: a symbolic link that is pointed elsewhere (certbot's live/ folder)
    // shows up as another inode.
    struct stat info{};
    FileStamp stamp;
    if (path.isEmpty() || ::stat(QFile::encodeName(path).constData(), &info) != 0)
        return stamp;
    stamp.exists = true;
    stamp.device = quint64(info.st_dev);
    stamp.inode = quint64(info.st_ino);
    stamp.size = qint64(info.st_size);
    stamp.modifiedNs = qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
    stamp.changedNs = qint64(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec;
    return stamp;
}

TlsReloader::PairStamp TlsReloader::stampFiles() const
{
    return {stampOf(m_files.certificateFile()), stampOf(m_files.keyFile())};
}

bool TlsReloader::load(const QString &reason, const QDateTime &now)
{
    // Stamped before reading, so a change made while we read is seen on the next tick.
    m_loadedStamp = m_seenStamp = stampFiles();
    QString error;
    TlsContext context = m_files.load(now, &error);
    if (context.isNull() && m_files.isGenerated()) {
        // The generated pair is ours to make again: missing on the first start, damaged, expired.
        if (QFileInfo::exists(m_files.certificateFile()) || QFileInfo::exists(m_files.keyFile()))
            Log::warning(kComponent, kNoSession, QStringLiteral("the generated certificate cannot be used (%1): making a new one").arg(error));
        if (generate(now, &error)) {
            m_loadedStamp = m_seenStamp = stampFiles();
            context = m_files.load(now, &error);
        }
    }
    if (context.isNull()) {
        m_lastError = error;
        if (m_provider.hasContext()) {
            Log::error(kComponent, kNoSession, QStringLiteral("refused %1 (%2): %3; still using %4")
                                                   .arg(m_files.describe(), reason, error, m_loadedFiles.describe()));
        } else {
            Log::error(kComponent, kNoSession, QStringLiteral("cannot load %1 (%2): %3; TLS is off until it is fixed")
                                                   .arg(m_files.describe(), reason, error));
        }
        return false;
    }
    m_lastError.clear();
    m_loadedFiles = m_files;
    m_lastExpiryNotice = {};   // a new certificate is judged afresh
    Log::info(kComponent, kNoSession, QStringLiteral("loaded %1 (%2): %3")
                                          .arg(m_files.describe(), reason, context.certificate().summary()));
    m_provider.setCurrent(std::move(context));
    return true;
}

bool TlsReloader::generate(const QDateTime &now, QString *error)
{
    // Backdated an hour, so a client whose clock is a little behind does not call it "not yet valid".
    const SelfSignedCertificate made = SelfSignedCertificate::create(
        m_hostName, now.addSecs(-3600), now.addDays(SelfSignedCertificate::kValidityDays), error);
    if (made.isNull() || !made.write(m_files.certificateFile(), m_files.keyFile(), error))
        return false;
    Log::info(kComponent, kNoSession,
              QStringLiteral("generated a self-signed certificate for %1 in %2, SHA-256 %3; set tls.cert_file and "
                             "tls.key_file to use a certificate of your own")
                  .arg(m_hostName, QFileInfo(m_files.certificateFile()).absolutePath(),
                       CertificateInfo::fromPem(made.certificate()).sha256Fingerprint()));
    return true;
}

void TlsReloader::checkExpiry(const QDateTime &now)
{
    const TlsContext current = m_provider.current();
    if (current.isNull() || m_lastExpiryNotice == now.date())
        return;
    const CertificateInfo info = current.certificate();
    const qint64 days = info.daysLeft(now);
    if (days >= kExpiryWarningDays)
        return;
    m_lastExpiryNotice = now.date();
    if (m_loadedFiles.isGenerated() && m_loadedFiles == m_files) {
        // Nobody renews the self-signed certificate but us.
        QString error;
        if (generate(now, &error))
            load(QStringLiteral("the generated certificate was about to expire"), now);
        else
            Log::error(kComponent, kNoSession, QStringLiteral("cannot renew the generated certificate: %1").arg(error));
        return;
    }
    const QString expiry = info.notAfter().toString(Qt::ISODate);
    if (days < 0) {
        Log::error(kComponent, kNoSession, QStringLiteral("the certificate in use (%1, %2) expired on %3: clients refuse it; "
                                                          "install a new pair")
                                               .arg(m_loadedFiles.describe(), info.subject(), expiry));
    } else {
        Log::warning(kComponent, kNoSession, QStringLiteral("the certificate in use (%1, %2) expires on %3, in %4 days: "
                                                            "replace the files (they are reloaded by themselves)")
                                                 .arg(m_loadedFiles.describe(), info.subject(), expiry)
                                                 .arg(days));
    }
}
