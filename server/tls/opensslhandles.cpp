#include "opensslhandles.h"

#include <openssl/err.h>

#include <QStringList>

namespace OpenSsl {

QString takeErrors()
{
    QStringList reasons;
    while (const unsigned long code = ERR_get_error()) {
        // The reason alone ("unsupported protocol") is what an administrator can act on; the
        // numeric code and library name are noise in a mail log.
        const char *reason = ERR_reason_error_string(code);
        const QString text = reason ? QString::fromLatin1(reason)
                                    : QStringLiteral("OpenSSL error %1").arg(code, 0, 16);
        if (!reasons.contains(text))
            reasons << text;
    }
    return reasons.join(QStringLiteral("; "));
}

Bio readOnlyBio(const QByteArray &bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return length > 0 ? QByteArray(data, qsizetype(length)) : QByteArray();
}

}
