#include "selfsignedcertificate.h"

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "opensslhandles.h"
#include "systemerror.h"

namespace {

bool setSerial(X509 *certificate)
{
    // 159 random bits: unique without a register of issued serials, and positive as RFC 5280 wants.
    unsigned char bytes[20];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] &= 0x7F;
    bytes[0] |= 0x40;
    BIGNUM *number = BN_bin2bn(bytes, sizeof bytes, nullptr);
    const bool ok = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != nullptr;
    BN_free(number);
    return ok;
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const QByteArray &value)
{
    const OpenSsl::Extension extension(X509V3_EXT_conf_nid(nullptr, context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

bool build(X509 *certificate, EVP_PKEY *key, const QString &hostName, const QDateTime &notBefore,
           const QDateTime &notAfter)
{
    const QByteArray name = hostName.toUtf8();
    X509_NAME *subject = X509_get_subject_name(certificate);
    bool ok = X509_set_version(certificate, X509_VERSION_3) == 1 && setSerial(certificate)
              && ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(notBefore.toSecsSinceEpoch())) != nullptr
              && ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(notAfter.toSecsSinceEpoch())) != nullptr
              && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                            reinterpret_cast<const unsigned char *>(name.constData()), -1, -1, 0) == 1
              && X509_set_issuer_name(certificate, subject) == 1 && X509_set_pubkey(certificate, key) == 1;
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    ok = ok && addExtension(certificate, &context, NID_basic_constraints, "critical,CA:FALSE")
         && addExtension(certificate, &context, NID_key_usage, "critical,digitalSignature")
         && addExtension(certificate, &context, NID_ext_key_usage, "serverAuth")
         && addExtension(certificate, &context, NID_subject_alt_name, "DNS:" + name)
         && addExtension(certificate, &context, NID_subject_key_identifier, "hash");
    return ok && X509_sign(certificate, key, EVP_sha256()) > 0;
}

bool syncDirectory(const QString &directory)
{
    const int descriptor = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0)
        return false;
    const bool ok = ::fsync(descriptor) == 0;
    ::close(descriptor);
    return ok;
}

bool writeAtomically(const QString &path, const QByteArray &contents, mode_t mode, QString *error)
{
    const QString directory = QFileInfo(path).absolutePath();
    QByteArray temporary = QFile::encodeName(path) + ".tmp-XXXXXX";
    // mkstemp makes the file 0600, so the key is never readable by others, not even briefly.
    const int descriptor = ::mkostemp(temporary.data(), O_CLOEXEC);
    const auto failed = [&](const char *step) {
        *error = QStringLiteral("cannot %1 %2: %3").arg(QLatin1String(step), path, systemErrorText(errno));
        return false;
    };
    if (descriptor < 0)
        return failed("create a temporary file for");
    qsizetype done = 0;
    while (done < contents.size()) {
        const ssize_t count = ::write(descriptor, contents.constData() + done, size_t(contents.size() - done));
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            break;
        done += count;
    }
    const bool written = done == contents.size() && ::fchmod(descriptor, mode) == 0 && ::fsync(descriptor) == 0;
    const int savedErrno = errno;
    ::close(descriptor);
    if (!written || ::rename(temporary.constData(), QFile::encodeName(path).constData()) != 0) {
        const int reason = written ? errno : savedErrno;
        ::unlink(temporary.constData());
        errno = reason;
        return failed("write");
    }
    if (!syncDirectory(directory))
        return failed("sync the folder of");
    return true;
}

}

SelfSignedCertificate SelfSignedCertificate::create(const QString &hostName, const QDateTime &notBefore,
                                                    const QDateTime &notAfter, QString *error)
{
    ERR_clear_error();
    SelfSignedCertificate result;
    const OpenSsl::Key key(EVP_EC_gen("P-256"));
    const OpenSsl::Certificate certificate(X509_new());
    OpenSsl::Bio certificatePem(BIO_new(BIO_s_mem()));
    OpenSsl::Bio keyPem(BIO_new(BIO_s_mem()));
    const bool ok = key && certificate && certificatePem && keyPem
                    && build(certificate.get(), key.get(), hostName, notBefore, notAfter)
                    && PEM_write_bio_X509(certificatePem.get(), certificate.get()) == 1
                    && PEM_write_bio_PrivateKey(keyPem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
    if (!ok) {
        *error = QStringLiteral("cannot make a self-signed certificate for %1: %2").arg(hostName, OpenSsl::takeErrors());
        return result;
    }
    result.m_certificate = OpenSsl::bioContents(certificatePem.get());
    result.m_key = OpenSsl::bioContents(keyPem.get());
    return result;
}

SelfSignedCertificate SelfSignedCertificate::create(const QString &hostName, QString *error)
{
    // Backdated an hour, so a client whose clock is a little behind does not call it "not yet valid".
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return create(hostName, now.addSecs(-3600), now.addDays(kValidityDays), error);
}

bool SelfSignedCertificate::write(const QString &certificateFile, const QString &keyFile, QString *error) const
{
    for (const QString &file : {certificateFile, keyFile}) {
        const QString directory = QFileInfo(file).absolutePath();
        if (QFileInfo::exists(directory))
            continue;
        // Private like the rest of the data directory, whatever the umask.
        if (!QDir().mkpath(directory) || ::chmod(QFile::encodeName(directory).constData(), 0700) != 0) {
            *error = QStringLiteral("cannot create the folder %1").arg(directory);
            return false;
        }
    }
    return writeAtomically(keyFile, m_key, 0600, error) && writeAtomically(certificateFile, m_certificate, 0644, error);
}
