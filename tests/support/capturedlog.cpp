#include "capturedlog.h"

#include "log.h"
#include "logentry.h"
#include "loghub.h"
#include "logringbuffer.h"

CapturedLog::CapturedLog()
    : m_hub(std::make_unique<LogHub>())
{
    Log::install(m_hub.get());
}

CapturedLog::~CapturedLog()
{
    Log::install(nullptr);
}

QString CapturedLog::text() const
{
    QString text;
    for (const LogEntry &entry : m_hub->ring().entriesAfter(0))
        text += entry.text + QLatin1Char('\n');
    return text;
}
