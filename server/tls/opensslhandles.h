#pragma once

#include <memory>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <QByteArray>
#include <QString>

// Owning handles for the OpenSSL objects the TLS code creates, so every early return frees
// what it made. Only .cpp files of server/tls include this header; the public headers
// forward-declare the OpenSSL structs they mention.
namespace OpenSsl {

struct Free
{
    void operator()(BIO *bio) const { BIO_free_all(bio); }
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    void operator()(SSL *ssl) const { SSL_free(ssl); }
    void operator()(SSL_CTX *context) const { SSL_CTX_free(context); }
    void operator()(X509 *certificate) const { X509_free(certificate); }
    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
};

using Bio = std::unique_ptr<BIO, Free>;
using Key = std::unique_ptr<EVP_PKEY, Free>;
using Ssl = std::unique_ptr<SSL, Free>;
using Context = std::unique_ptr<SSL_CTX, Free>;
using Certificate = std::unique_ptr<X509, Free>;
using Extension = std::unique_ptr<X509_EXTENSION, Free>;

// The reasons OpenSSL queued on this thread, oldest first, joined with "; " ("unsupported
// protocol"), then clears the queue. Empty when nothing was queued.
[[nodiscard]] QString takeErrors();
// A read-only memory BIO over bytes, which must outlive it.
[[nodiscard]] Bio readOnlyBio(const QByteArray &bytes);
// Everything written to a memory BIO so far.
[[nodiscard]] QByteArray bioContents(BIO *bio);

}
