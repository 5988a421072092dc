<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Postern log viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum &amp;level:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service (smtp, pop3…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client IP (or prefix like 192.168.1.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text contains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only this &amp;session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lines of the selected line&apos;s session, in every service (double-click a line does the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to all lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow newest lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Jump to newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: newest lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a line that belongs to a session first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing only session %1, in every service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Export log lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lines (reading the file…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domains…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Aliases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;SMTP-only Logins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP &amp;Authentication…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP After &amp;POP…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sender Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ttachment Filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address &amp;Verification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Banned Addresses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trusted IP Addresses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-&amp;ban…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Limits…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is stopped. Use File &gt; Start server to start it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsBinder</name>
    <message>
        <source>Enter administration mode to change settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
