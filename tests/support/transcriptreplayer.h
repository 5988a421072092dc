#pragma once

#include "transcript.h"

#include "clientinfo.h"

class FakeAuthenticator;
class ProtocolSession;
class RecordingTransport;

// Replays a Transcript against a started pure session (SMTP or POP3) over a RecordingTransport,
// in the given chunking, comparing every step's replies and closes. A deferred FakeAuthenticator
// is answered whenever the session paused reading for it, as the event loop would. At a
// [*** STARTTLS ***] marker the session must have called startTls(); the replayer completes the
// handshake and calls tlsStarted(). Failures are reported through QTest (check
// QTest::currentTestFailed() afterwards).
class TranscriptReplayer
{
public:
    // Applies the file's @tls and @auth lines to the transport and the authenticator, and returns
    // the client its @client and @service lines describe (127.0.0.1 and defaultService without them).
    [[nodiscard]] static ClientInfo setUp(const Transcript &transcript, const QString &defaultService,
                                          RecordingTransport &transport, FakeAuthenticator &authenticator);
    static void replay(const Transcript &transcript, const QString &name, ProtocolSession &session,
                       RecordingTransport &transport, FakeAuthenticator &authenticator, Transcript::Chunking chunking);
};
