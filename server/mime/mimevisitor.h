#pragma once

#include <QByteArrayView>

class MimePart;

// Receives what MimeWalker finds, in message order.
class MimeVisitor
{
public:
    virtual ~MimeVisitor();
    // Every part, containers (multipart, message/rfc822) included, once its header is read.
    virtual void partStarted(const MimePart &part) = 0;
    // Transfer-decoded body bytes of the current leaf part, in blocks of any size.
    virtual void bodyData(QByteArrayView decoded) = 0;
    // The end of the current leaf part's body.
    virtual void bodyFinished() = 0;
};
