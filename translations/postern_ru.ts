<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Read-only: enter administration mode to make changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountInput</name>
    <message>
        <source>Type the name first, for example example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the password, then the same again in the second field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: use a number of bytes, or a number with K, M, G or T (for example 500M); 0 means unlimited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddressVerificationDialog</name>
    <message>
        <source>Address Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These checks refuse mail whose sender or sending server looks made up. They cut down on spam, but each one costs DNS lookups for every message, and the stricter ones also refuse some honest but badly configured servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify that the sender&apos;s domain exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assume blank MAIL FROM address is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounces and delivery reports are sent with a blank MAIL FROM address; RFC 1123 §5.2.9 and RFC 5321 §4.5.5 require a server to accept them. With this unticked, messages telling you that your own mail could not be delivered are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that HELO/EHLO names a valid host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require a reverse DNS name for the client&apos;s address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers asked: %1; longest wait %2 ms. Change them in Options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system&apos;s (/etc/resolv.conf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPasswordPrompt</name>
    <message>
        <source>Enter administration mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings can only be changed in administration mode. Type the admin password set in Options to enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong password. The attempt has been logged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <source>Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alias is an address in one of your domains without a mailbox of its own: mail to it is delivered to each of its targets instead (for example info@ to two users). A target is a user, another alias, or an address elsewhere, which the mail is then forwarded to. Choose an alias to see its targets; to make a new one, type its address and add its first target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its targets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the alias address first, for example info@example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not one of your domains: an alias must be in a domain under Accounts ▸ Domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the target address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alias cannot deliver to itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a target of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an alias, then the target to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the alias to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the alias %1?

Mail to %1 is refused from now on. Nothing stored is deleted: mail it delivered before stays in its targets&apos; mailboxes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentFiltersDialog</name>
    <message>
        <source>Attachment Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail carrying an attachment whose file name matches one of these patterns is refused while the sender is still connected. * stands for any run of characters and ? for one; case never matters: *.exe, .E?E, invoice*.js. These filters apply whatever the message size limit is, unlimited included (ArgoSoft ignored them when the size limit was unlimited; Postern does not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>*.exe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail with an attachment named like &quot;%1&quot; is refused with 550 5.7.1, whatever the size limit. Added: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AutoBanDialog</name>
    <message>
        <source>Auto-ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-ban shuts out addresses that keep failing to log in or keep trying to send mail through this server to other domains: after too many failures within a few minutes the address is put on the Banned Addresses list for a while. The same wrong password repeated counts once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable auto-ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ban after this many failures:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ban for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never ban:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>127.0.0.0/8, ::1/128, 192.168.0.0/16 or none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CIDR ranges separated by commas, or &quot;none&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This list no longer contains this machine (127.0.0.1 and ::1): a program on the server itself that keeps failing to log in could be banned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show banned addresses…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; is empty: list the ranges auto-ban must leave alone, or write none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; is not a list of CIDR ranges: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; lists %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BannedAddressesDialog</name>
    <message>
        <source>Banned Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closes every connection from these addresses and ranges at once, on every service, without a greeting. Bans you add here last as long as you say; auto-ban adds its own (marked &quot;auto-ban&quot;, with the reason and when they end) after repeated failed logins or relay attempts. Unbanning takes effect as soon as you press Apply or OK.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or &amp;range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>203.0.113.7 or 203.0.113.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ban for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why it is banned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never banned by auto-ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-ban never bans these ranges (setting autoban.never); bans you add here still apply to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-ban &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unban selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) after Apply</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>auto-ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was banned by auto-ban: %2. Since %3; expires: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was banned by hand. Comment: %2. Since %3; expires: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DomainsDialog</name>
    <message>
        <source>Domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail domains this server receives mail for. Mail to an address in one of these domains is delivered to the account or alias of that name here; mail to every other domain is relayed, and only for users who are allowed to relay. Add a domain before you add its users and aliases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the domain to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the domain %1?

Its users and aliases are removed with it, and mail to %1 is no longer accepted. The mail already stored in its users&apos; mailboxes is not deleted: it stays on disk in %2, and the users see it again if you add the domain and the users back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiltersDialog</name>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail containing one of these texts is refused while the sender is still connected (nothing is bounced later), or with the action &quot;discard&quot;, accepted and quietly thrown away. A text matches in any case and inside words: &quot;the&quot; would also match &quot;theater&quot;, so choose texts that are unusual, such as a spammer&apos;s web address. Postern decodes the message first, so encoded subjects and bodies are matched as a reader sees them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spam-site.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers (all header lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body (the text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (550 while the sender is connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard (accept and throw away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted and thrown away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused with 550 5.7.1 while the sender is connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail with &quot;%1&quot; in its %2 is %3. Added: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunSummary</name>
    <message>
        <source>Mail to other domains is relayed only for a client that logs in (SMTP AUTH) or comes from a trusted address; everyone else may only deliver mail to your own domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users log in to send with the same address and password as for POP3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client that has not logged in may not send mail as one of your own addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections, except from this computer itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections, except from your office networks (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is on, with the self-signed certificate Postern made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS is on, with the certificate in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-ban is on: an address with %1 failed logins or relay attempts within %2 minutes is banned for %3 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords are accepted without TLS from anywhere (Security ▸ SMTP Authentication): choose a stricter setting unless old mail programs need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-ban is off (Security ▸ Auto-ban): addresses that guess passwords are not banned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP after POP is on (Security ▸ SMTP After POP): after a POP3 login, that address may relay for %1 minutes without logging in to SMTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP after POP is off (Security ▸ SMTP After POP): turn it on only for old mail programs that cannot log in to SMTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender rules (Security ▸ Sender Rules): logged-in users may send only as their own address: %1; relay only for senders in your domains: %2; only for senders with an account: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters (Security ▸ Filters, Attachment Filters): %1 word filters and %2 attachment patterns so far; add what your office should never receive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For you to decide:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set Up Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name this server gives itself when it talks to other mail servers, in its greeting and in the Received: lines of every message. Use the name under which the internet finds this machine (the name your domain&apos;s MX record points to), for example mail.example.com. The suggestion below is this computer&apos;s own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mail domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain your addresses end in: for alice@example.com that is example.com. This server accepts mail for the addresses in this domain and stores it in their mailboxes. You can add more domains later under Accounts ▸ Domains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first mailbox on this server, for example your own. Its owner collects mail with POP3 and sends mail through this server with this address and password. Mail to postmaster@ in your domain is delivered here too until you decide otherwise. Add more users later under Accounts ▸ Users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display na&amp;me (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail programs and other servers encrypt their connections to this server with TLS, which needs a certificate. Postern has made its own (self-signed) certificate: the connection is encrypted, but mail programs warn that they cannot check who the server is until the user accepts it once. If you have a certificate for the server&apos;s name from a certificate authority, choose its file and its private key file here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep the self-signed certificate Postern made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use my certificate and key files (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional. With an administration password, the settings in this window can be viewed by anyone at this computer but changed only after typing it (File ▸ Administration Mode). Leave both fields empty to go without one; you can set it later under Options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration &amp;password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Finish to store these choices; they take effect in the running server at once. Below is what this server already does to keep your mail safe, as it is set now, and what is left for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the first part of the address, for example alice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate file &quot;%1&quot; cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key file &quot;%1&quot; cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the server&apos;s settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server cannot store that yet (%1). Leave the fields empty to go on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Licence: not chosen yet (see the README).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Admin Guide is not installed on this computer. It is docs/admin-guide.md in Postern&apos;s sources and %1 once installed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program to show the Admin Guide was found. Open %1 with any text viewer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Postern %1&lt;/h3&gt;&lt;p&gt;A mail server for small offices: SMTP and POP3 with the security rules an office needs.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Built with Qt %3, running on Qt %4.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Postern</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the entry described above to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the selected entry with the one described above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the entries of a text file, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the list to a text file, one entry per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the list; select it to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added; press Apply or OK to save the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the one entry to replace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced; press Apply or OK to save the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected entries?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Removed; press Apply or OK to save the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported; mend these lines and import again:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported (%1 already listed); press Apply or OK to save the list.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enter administration mode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave administration mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin &amp;Guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implicit TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administration mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached to the server process PID %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern (attached to the server process PID %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern (server process gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server process has gone away: %1 Restart Postern to attach again or to run the server here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the server presents itself and where it listens, its TLS certificate, size and connection limits, DNS servers and how long logs are kept. Changes take effect in the running server as soon as you press OK or Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These settings are read-only. Use File &gt; Enter administration mode… to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen on addresses:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0,::</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTPS port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3S port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A port of 0 turns that service off. Clients reach the server on the new ports at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: a self-signed certificate Postern makes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key, unencrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 means no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP connections at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP connections per client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 connections at once:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 connections per client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS and log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the system&apos;s (/etc/resolv.conf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep log files for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used from the next start of Postern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify me about auto-bans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New admin password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose both the certificate file and its key file, or leave both empty for the self-signed certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two admin passwords differ. Type the same password twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin password needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The running server uses the new settings now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin password has been removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate file (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key file of this certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-signed, made by Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current certificate (%1)
Subject: %2
Expires: %3 (%4 days left)
SHA-256: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An admin password is set: administration mode asks for it. Type a new one twice to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No admin password is set: anyone at this desktop can enter administration mode. Type one twice to set it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RangeListAdapter</name>
    <message>
        <source>Enter an IP address (192.0.2.7) or a CIDR range (192.0.2.0/24, 2001:db8::/32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comment may not contain tabs or line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SendLimitsDialog</name>
    <message>
        <source>Send Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send limits stop one account from sending a flood of mail, for instance when its password has been stolen, and keep very large messages off the server. Connection limits are in Options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per account per hour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients per message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SenderRulesDialog</name>
    <message>
        <source>Sender Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender rules look at the address a message claims to come from. They add a little safety on top of authentication, but a sender&apos;s address is easily forged, so they never replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow relay only if the sender&apos;s domain is local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow relay only if the sender has an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticated users may send only as their own address or their aliases</source>
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
<context>
    <name>SmtpAfterPopDialog</name>
    <message>
        <source>SMTP After POP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With SMTP after POP, a program that has just logged in to collect its mail by POP3 may send mail through this server from the same internet address for a few minutes, without SMTP authentication. Use it only for old mail programs that cannot authenticate: everyone behind the same address shares the permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable SMTP after POP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow sending for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpAuthenticationDialog</name>
    <message>
        <source>SMTP Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern passes mail on to other domains (relaying) only for a client that has logged in with SMTP authentication, comes from a trusted address, or collected its mail by POP3 moments before (SMTP after POP). A fresh install is never an open relay: nobody else can send mail through it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require authentication for senders from local domains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use POP3 user names and passwords for SMTP authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords without encryption (TLS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP-only logins…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never: always require TLS first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only from this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From this computer and the office networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Always (not recommended)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpLoginsDialog</name>
    <message>
        <source>SMTP-only Logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SMTP-only login lets a device without a mailbox, such as a scanner or a printer, send mail through this server: it authenticates with this name and password. It cannot collect mail with POP3 and nothing is delivered to it. Names are made of letters, digits, dots, hyphens and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scanner-2nd-floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the login&apos;s name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login name: use up to %2 letters, digits, dots, hyphens and underscores (no @).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the login to remove first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the SMTP-only login %1?

A device using it can no longer send mail through this server until it is given another login.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages received today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relayed today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logins today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses banned today:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern: running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern: starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern: could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections now: %1
Today: %2 received, %3 relayed, %4 logins
Refused: %5, banned: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A service could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-ban</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) banned by auto-ban.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Postern? The mail server stops, and mail is no longer received until Postern is started again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Postern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no notification area, so Postern cannot keep running in the background there. Stop the server and quit, or keep it running with the window minimized?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postern keeps running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server keeps running in the background. Use this icon to open the window or to quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrustedAddressesDialog</name>
    <message>
        <source>Trusted IP Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients connecting from these addresses or ranges may relay mail to any domain without authenticating (spam filtering still applies). Anyone on a trusted network can send through this server as if they were you, so list only the office&apos;s own networks here; people who travel should use SMTP authentication instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or &amp;range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>192.168.1.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>office LAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address or range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients in %1 may relay without authenticating. Comment: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each user has a mailbox on this server: mail to the address is stored here and collected with POP3 using the address and password, and the same address and password let the user send mail through this server (SMTP authentication). The quota limits how much mail the mailbox may hold (0 means no limit); a disabled user can neither log in nor receive mail. Choose a user in the list to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 = unlimited; for example 500M or 2G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled (may log in and receive mail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When changing a user, leave both password fields empty to keep the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no domain yet: add one under Accounts ▸ Domains first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the user&apos;s domain (add it under Accounts ▸ Domains first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the user to change in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the user to remove in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the user %1?

The user can no longer log in, and mail to %1 is refused from now on (aliases that pointed to it no longer do). The mail already stored in the mailbox is not deleted: it stays on disk in %2, and the user sees it again if you add %1 back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
