<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Read-only: enter administration mode to make changes.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um Änderungen vorzunehmen.</translation>
    </message>
</context>
<context>
    <name>AccountInput</name>
    <message>
        <source>Type the name first, for example example.com.</source>
        <translation>Geben Sie zuerst den Namen ein, zum Beispiel example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name.</source>
        <translation>„%1“ ist kein gültiger Domainname.</translation>
    </message>
    <message>
        <source>Type the password, then the same again in the second field.</source>
        <translation>Geben Sie das Passwort ein und wiederholen Sie es im zweiten Feld.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again in both fields.</source>
        <translation>Die beiden Passwörter stimmen nicht überein. Geben Sie das Passwort in beiden Feldern erneut ein.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>Das Passwort ist zu kurz: Verwenden Sie mindestens %1 Zeichen.</translation>
    </message>
    <message>
        <source>The password contains a control character.</source>
        <translation>Das Passwort enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: use a number of bytes, or a number with K, M, G or T (for example 500M); 0 means unlimited.</source>
        <translation>„%1“ ist keine Größenangabe: Geben Sie eine Anzahl Bytes an oder eine Zahl mit K, M, G oder T (zum Beispiel 500M); 0 bedeutet unbegrenzt.</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
</context>
<context>
    <name>AddressVerificationDialog</name>
    <message>
        <source>Address Verification</source>
        <translation>Adressprüfung</translation>
    </message>
    <message>
        <source>These checks refuse mail whose sender or sending server looks made up. They cut down on spam, but each one costs DNS lookups for every message, and the stricter ones also refuse some honest but badly configured servers.</source>
        <translation>Diese Prüfungen weisen E-Mails ab, deren Absender oder sendender Server erfunden wirkt. Sie verringern Spam, aber jede Prüfung kostet DNS-Abfragen für jede Nachricht, und die strengeren weisen auch manche seriösen, aber schlecht eingerichteten Server ab.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Verify that the sender&apos;s domain exists</source>
        <translation>Prüfen, ob die Domain des Absenders existiert</translation>
    </message>
    <message>
        <source>Assume blank MAIL FROM address is valid</source>
        <translation>Leere MAIL FROM-Adresse als gültig ansehen</translation>
    </message>
    <message>
        <source>Bounces and delivery reports are sent with a blank MAIL FROM address; RFC 1123 §5.2.9 and RFC 5321 §4.5.5 require a server to accept them. With this unticked, messages telling you that your own mail could not be delivered are lost.</source>
        <translation>Unzustellbarkeitsnachrichten und Zustellberichte werden mit leerer MAIL FROM-Adresse gesendet; RFC 1123 §5.2.9 und RFC 5321 §4.5.5 verlangen, dass ein Server sie annimmt. Ist diese Option nicht angekreuzt, gehen Nachrichten verloren, die Ihnen mitteilen, dass Ihre eigenen E-Mails nicht zugestellt werden konnten.</translation>
    </message>
    <message>
        <source>Check that HELO/EHLO names a valid host</source>
        <translation>Prüfen, ob HELO/EHLO einen gültigen Host nennt</translation>
    </message>
    <message>
        <source>Require a reverse DNS name for the client&apos;s address</source>
        <translation>Reverse-DNS-Namen für die Adresse des Clients verlangen</translation>
    </message>
    <message>
        <source>DNS servers asked: %1; longest wait %2 ms. Change them in Options.</source>
        <translation>Abgefragte DNS-Server: %1; längste Wartezeit %2 ms. Ändern Sie diese unter Einstellungen.</translation>
    </message>
    <message>
        <source>the system&apos;s (/etc/resolv.conf)</source>
        <translation>die des Systems (/etc/resolv.conf)</translation>
    </message>
</context>
<context>
    <name>AdminPasswordPrompt</name>
    <message>
        <source>Enter administration mode</source>
        <translation>Verwaltungsmodus aktivieren</translation>
    </message>
    <message>
        <source>Settings can only be changed in administration mode. Type the admin password set in Options to enter it.</source>
        <translation>Einstellungen lassen sich nur im Verwaltungsmodus ändern. Geben Sie dazu das unter Einstellungen festgelegte Verwaltungspasswort ein.</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Verwaltungspasswort</translation>
    </message>
    <message>
        <source>Wrong password. The attempt has been logged.</source>
        <translation>Falsches Passwort. Der Versuch wurde protokolliert.</translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <source>Aliases</source>
        <translation>Aliase</translation>
    </message>
    <message>
        <source>An alias is an address in one of your domains without a mailbox of its own: mail to it is delivered to each of its targets instead (for example info@ to two users). A target is a user, another alias, or an address elsewhere, which the mail is then forwarded to. Choose an alias to see its targets; to make a new one, type its address and add its first target.</source>
        <translation>Ein Alias ist eine Adresse in einer Ihrer Domains ohne eigenes Postfach: E-Mails an diese Adresse werden stattdessen an jedes ihrer Ziele zugestellt (zum Beispiel info@ an zwei Benutzer). Ein Ziel ist ein Benutzer, ein anderer Alias oder eine externe Adresse, an die die E-Mail dann weitergeleitet wird. Wählen Sie einen Alias, um seine Ziele zu sehen; um einen neuen anzulegen, geben Sie seine Adresse ein und fügen Sie sein erstes Ziel hinzu.</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliase:</translation>
    </message>
    <message>
        <source>Its targets:</source>
        <translation>Seine Ziele:</translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation>A&amp;lias:</translation>
    </message>
    <message>
        <source>info@example.com</source>
        <translation>info@example.com</translation>
    </message>
    <message>
        <source>Remove &amp;Alias</source>
        <translation>&amp;Alias entfernen</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <source>A&amp;dd Target</source>
        <translation>Ziel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Target</source>
        <translation>Ziel ent&amp;fernen</translation>
    </message>
    <message>
        <source>Type the alias address first, for example info@example.com.</source>
        <translation>Geben Sie zuerst die Alias-Adresse ein, zum Beispiel info@example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>„%1“ ist keine gültige Adresse: %2</translation>
    </message>
    <message>
        <source>%1 is not one of your domains: an alias must be in a domain under Accounts ▸ Domains.</source>
        <translation>%1 ist keine Ihrer Domains: Ein Alias muss zu einer Domain unter Konten ▸ Domains gehören.</translation>
    </message>
    <message>
        <source>Type the target address first.</source>
        <translation>Geben Sie zuerst die Zieladresse ein.</translation>
    </message>
    <message>
        <source>An alias cannot deliver to itself.</source>
        <translation>Ein Alias kann nicht an sich selbst zustellen.</translation>
    </message>
    <message>
        <source>%1 is already a target of %2.</source>
        <translation>%1 ist bereits ein Ziel von %2.</translation>
    </message>
    <message>
        <source>Choose an alias, then the target to remove.</source>
        <translation>Wählen Sie einen Alias und dann das zu entfernende Ziel.</translation>
    </message>
    <message>
        <source>Choose the alias to remove first.</source>
        <translation>Wählen Sie zuerst den zu entfernenden Alias.</translation>
    </message>
    <message>
        <source>Remove the alias %1?

Mail to %1 is refused from now on. Nothing stored is deleted: mail it delivered before stays in its targets&apos; mailboxes.</source>
        <translation>Alias %1 entfernen?

E-Mails an %1 werden ab sofort abgewiesen. Gespeichertes wird nicht gelöscht: Bereits zugestellte E-Mails bleiben in den Postfächern der Ziele.</translation>
    </message>
</context>
<context>
    <name>AttachmentFiltersDialog</name>
    <message>
        <source>Attachment Filters</source>
        <translation>Anhangfilter</translation>
    </message>
    <message>
        <source>Mail carrying an attachment whose file name matches one of these patterns is refused while the sender is still connected. * stands for any run of characters and ? for one; case never matters: *.exe, .E?E, invoice*.js. These filters apply whatever the message size limit is, unlimited included (ArgoSoft ignored them when the size limit was unlimited; Postern does not).</source>
        <translation>E-Mails mit einem Anhang, dessen Dateiname zu einem dieser Muster passt, werden abgewiesen, solange der Absender noch verbunden ist. * steht für beliebig viele Zeichen und ? für genau eines; Groß- und Kleinschreibung spielt keine Rolle: *.exe, .E?E, invoice*.js. Diese Filter gelten unabhängig von der Größenbeschränkung für Nachrichten, auch wenn sie unbegrenzt ist (ArgoSoft hat sie bei unbegrenzter Größe ignoriert, Postern nicht).</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>&amp;Muster:</translation>
    </message>
    <message>
        <source>*.exe</source>
        <translation>*.exe</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation>beim Übernehmen</translation>
    </message>
    <message>
        <source>Mail with an attachment named like &quot;%1&quot; is refused with 550 5.7.1, whatever the size limit. Added: %2.</source>
        <translation>E-Mails mit einem Anhang namens „%1“ werden unabhängig von der Größenbeschränkung mit 550 5.7.1 abgewiesen. Hinzugefügt: %2.</translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation>noch nicht (beim Übernehmen)</translation>
    </message>
</context>
<context>
    <name>AutoBanDialog</name>
    <message>
        <source>Auto-ban</source>
        <translation>Automatische Sperre</translation>
    </message>
    <message>
        <source>Auto-ban shuts out addresses that keep failing to log in or keep trying to send mail through this server to other domains: after too many failures within a few minutes the address is put on the Banned Addresses list for a while. The same wrong password repeated counts once.</source>
        <translation>Die automatische Sperre hält Adressen fern, die sich wiederholt erfolglos anzumelden versuchen oder immer wieder versuchen, über diesen Server E-Mails an andere Domains zu senden: Nach zu vielen Fehlversuchen innerhalb weniger Minuten wird die Adresse für eine Weile in die Liste der gesperrten Adressen aufgenommen. Dasselbe falsche Passwort zählt auch bei Wiederholung nur einmal.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Enable auto-ban</source>
        <translation>Automatische Sperre aktivieren</translation>
    </message>
    <message>
        <source>Ban after this many failures:</source>
        <translation>Sperren nach so vielen Fehlversuchen:</translation>
    </message>
    <message>
        <source>within:</source>
        <translation>innerhalb von:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Ban for:</source>
        <translation>Sperren für:</translation>
    </message>
    <message>
        <source>Never ban:</source>
        <translation>Nie sperren:</translation>
    </message>
    <message>
        <source>127.0.0.0/8, ::1/128, 192.168.0.0/16 or none</source>
        <translation>127.0.0.0/8, ::1/128, 192.168.0.0/16 oder none</translation>
    </message>
    <message>
        <source>CIDR ranges separated by commas, or &quot;none&quot;.</source>
        <translation>CIDR-Bereiche, durch Kommas getrennt, oder „none“.</translation>
    </message>
    <message>
        <source>This list no longer contains this machine (127.0.0.1 and ::1): a program on the server itself that keeps failing to log in could be banned.</source>
        <translation>Diese Liste enthält diesen Rechner nicht mehr (127.0.0.1 und ::1): Ein Programm auf dem Server selbst, das sich wiederholt erfolglos anmeldet, könnte gesperrt werden.</translation>
    </message>
    <message>
        <source>Show banned addresses…</source>
        <translation>Gesperrte Adressen anzeigen…</translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; is empty: list the ranges auto-ban must leave alone, or write none.</source>
        <translation>„Nie sperren“ ist leer: Geben Sie die Bereiche an, die die automatische Sperre auslassen soll, oder schreiben Sie none.</translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; is not a list of CIDR ranges: %1</source>
        <translation>„Nie sperren“ ist keine Liste von CIDR-Bereichen: %1</translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; lists %1 twice.</source>
        <translation>„Nie sperren“ enthält %1 zweimal.</translation>
    </message>
</context>
<context>
    <name>BannedAddressesDialog</name>
    <message>
        <source>Banned Addresses</source>
        <translation>Gesperrte Adressen</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Address or &amp;range:</source>
        <translation>Adresse oder &amp;Bereich:</translation>
    </message>
    <message>
        <source>203.0.113.7 or 203.0.113.0/24</source>
        <translation>203.0.113.7 oder 203.0.113.0/24</translation>
    </message>
    <message>
        <source>&amp;Ban for:</source>
        <translation>&amp;Sperren für:</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>for good</source>
        <translation>dauerhaft</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>why it is banned</source>
        <translation>Grund der Sperre</translation>
    </message>
    <message>
        <source>Never banned by auto-ban</source>
        <translation>Nie automatisch gesperrt</translation>
    </message>
    <message>
        <source>Auto-ban never bans these ranges (setting autoban.never); bans you add here still apply to them</source>
        <translation>Die automatische Sperre sperrt diese Bereiche nie (Einstellung autoban.never); Sperren, die Sie hier hinzufügen, gelten trotzdem für sie</translation>
    </message>
    <message>
        <source>Auto-ban &amp;settings…</source>
        <translation>&amp;Einstellungen der automatischen Sperre…</translation>
    </message>
    <message>
        <source>&amp;Unban selected</source>
        <translation>Sperre für Auswahl a&amp;ufheben</translation>
    </message>
    <message>
        <source>Address or range</source>
        <translation>Adresse oder Bereich</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Comment or reason</source>
        <translation>Kommentar oder Grund</translation>
    </message>
    <message>
        <source>Banned since</source>
        <translation>Gesperrt seit</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) after Apply</source>
        <translation>
            <numerusform>%n Minute nach dem Übernehmen</numerusform>
            <numerusform>%n Minuten nach dem Übernehmen</numerusform>
        </translation>
    </message>
    <message>
        <source>auto-ban</source>
        <translation>automatische Sperre</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manuell</translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation>beim Übernehmen</translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation>noch nicht (beim Übernehmen)</translation>
    </message>
    <message>
        <source>%1 was banned by auto-ban: %2. Since %3; expires: %4.</source>
        <translation>%1 wurde automatisch gesperrt: %2. Seit %3; läuft ab: %4.</translation>
    </message>
    <message>
        <source>%1 was banned by hand. Comment: %2. Since %3; expires: %4.</source>
        <translation>%1 wurde manuell gesperrt. Kommentar: %2. Seit %3; läuft ab: %4.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The server closes every connection from these addresses and ranges at once, on every service, without a greeting. Bans you add here last as long as you say; auto-ban adds its own (marked &quot;auto-ban&quot;, with the reason and when they end) after repeated failed logins or relay attempts. &quot;Unban selected&quot; takes effect at once; when other changes are waiting, it waits for Apply or OK with them.</source>
        <translation>Der Server schließt jede Verbindung von diesen Adressen und Bereichen sofort, bei jedem Dienst und ohne Begrüßung. Sperren, die Sie hier hinzufügen, gelten so lange, wie Sie angeben; die automatische Sperre fügt nach wiederholten fehlgeschlagenen Anmeldungen oder Relay-Versuchen eigene hinzu (gekennzeichnet mit „automatische Sperre“, mit Grund und Ablaufzeit). „Sperre für Auswahl aufheben“ wirkt sofort; warten noch andere Änderungen, wird es mit ihnen bei Übernehmen oder OK gespeichert.</translation>
    </message>
</context>
<context>
    <name>DomainsDialog</name>
    <message>
        <source>Domains</source>
        <translation>Domains</translation>
    </message>
    <message>
        <source>The mail domains this server receives mail for. Mail to an address in one of these domains is delivered to the account or alias of that name here; mail to every other domain is relayed, and only for users who are allowed to relay. Add a domain before you add its users and aliases.</source>
        <translation>Die Mail-Domains, für die dieser Server E-Mails empfängt. E-Mails an eine Adresse in einer dieser Domains werden hier an das gleichnamige Konto oder den gleichnamigen Alias zugestellt; E-Mails an alle anderen Domains werden weitergeleitet (Relay), und zwar nur für Benutzer, die weiterleiten dürfen. Legen Sie eine Domain an, bevor Sie ihre Benutzer und Aliase hinzufügen.</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Select the domain to remove first.</source>
        <translation>Wählen Sie zuerst die zu entfernende Domain.</translation>
    </message>
    <message>
        <source>Remove the domain %1?

Its users and aliases are removed with it, and mail to %1 is no longer accepted. The mail already stored in its users&apos; mailboxes is not deleted: it stays on disk in %2, and the users see it again if you add the domain and the users back.</source>
        <translation>Domain %1 entfernen?

Ihre Benutzer und Aliase werden mit entfernt, und E-Mails an %1 werden nicht mehr angenommen. Die bereits in den Postfächern der Benutzer gespeicherten E-Mails werden nicht gelöscht: Sie bleiben auf der Festplatte in %2, und die Benutzer sehen sie wieder, wenn Sie die Domain und die Benutzer erneut hinzufügen.</translation>
    </message>
</context>
<context>
    <name>FiltersDialog</name>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Mail containing one of these texts is refused while the sender is still connected (nothing is bounced later), or with the action &quot;discard&quot;, accepted and quietly thrown away. A text matches in any case and inside words: &quot;the&quot; would also match &quot;theater&quot;, so choose texts that are unusual, such as a spammer&apos;s web address. Postern decodes the message first, so encoded subjects and bodies are matched as a reader sees them.</source>
        <translation>E-Mails, die einen dieser Texte enthalten, werden abgewiesen, solange der Absender noch verbunden ist (es wird später nichts zurückgeschickt), oder mit der Aktion „Verwerfen“ angenommen und stillschweigend gelöscht. Ein Text passt unabhängig von Groß- und Kleinschreibung und auch innerhalb von Wörtern: „the“ würde auch auf „theater“ passen, wählen Sie also ungewöhnliche Texte, etwa die Webadresse eines Spammers. Postern dekodiert die Nachricht zuerst, sodass kodierte Betreffzeilen und Nachrichtentexte so verglichen werden, wie ein Leser sie sieht.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <source>spam-site.example</source>
        <translation>spam-site.example</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Suchen in:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Headers (all header lines)</source>
        <translation>Kopfzeilen (alle Kopfzeilen)</translation>
    </message>
    <message>
        <source>Body (the text)</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>Reject (550 while the sender is connected)</source>
        <translation>Abweisen (550, solange der Absender verbunden ist)</translation>
    </message>
    <message>
        <source>Discard (accept and throw away)</source>
        <translation>Verwerfen (annehmen und löschen)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Look in</source>
        <translation>Suchen in</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>headers</source>
        <translation>Kopfzeilen</translation>
    </message>
    <message>
        <source>body</source>
        <translation>Nachrichtentext</translation>
    </message>
    <message>
        <source>everywhere</source>
        <translation>überall</translation>
    </message>
    <message>
        <source>discard</source>
        <translation>verwerfen</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>abweisen</translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation>beim Übernehmen</translation>
    </message>
    <message>
        <source>accepted and thrown away</source>
        <translation>angenommen und gelöscht</translation>
    </message>
    <message>
        <source>refused with 550 5.7.1 while the sender is connected</source>
        <translation>mit 550 5.7.1 abgewiesen, solange der Absender verbunden ist</translation>
    </message>
    <message>
        <source>Mail with &quot;%1&quot; in its %2 is %3. Added: %4.</source>
        <translation>E-Mails mit „%1“ (Bereich: %2) werden %3. Hinzugefügt: %4.</translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation>noch nicht (beim Übernehmen)</translation>
    </message>
</context>
<context>
    <name>FirstRunSummary</name>
    <message>
        <source>Mail to other domains is relayed only for a client that logs in (SMTP AUTH) or comes from a trusted address; everyone else may only deliver mail to your own domains.</source>
        <translation>E-Mails an andere Domains werden nur für Clients weitergeleitet (Relay), die sich anmelden (SMTP AUTH) oder von einer vertrauenswürdigen Adresse kommen; alle anderen dürfen nur E-Mails an Ihre eigenen Domains zustellen.</translation>
    </message>
    <message>
        <source>Users log in to send with the same address and password as for POP3.</source>
        <translation>Zum Senden melden sich Benutzer mit derselben Adresse und demselben Passwort an wie bei POP3.</translation>
    </message>
    <message>
        <source>A client that has not logged in may not send mail as one of your own addresses.</source>
        <translation>Ein nicht angemeldeter Client darf keine E-Mails mit einer Ihrer eigenen Adressen als Absender senden.</translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections.</source>
        <translation>Passwörter werden nur über TLS-verschlüsselte Verbindungen angenommen.</translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections, except from this computer itself.</source>
        <translation>Passwörter werden nur über TLS-verschlüsselte Verbindungen angenommen, außer von diesem Computer selbst.</translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections, except from your office networks (%1).</source>
        <translation>Passwörter werden nur über TLS-verschlüsselte Verbindungen angenommen, außer aus Ihren Büronetzwerken (%1).</translation>
    </message>
    <message>
        <source>TLS is on, with the self-signed certificate Postern made.</source>
        <translation>TLS ist aktiv, mit dem selbstsignierten Zertifikat, das Postern erstellt hat.</translation>
    </message>
    <message>
        <source>TLS is on, with the certificate in %1.</source>
        <translation>TLS ist aktiv, mit dem Zertifikat in %1.</translation>
    </message>
    <message>
        <source>Auto-ban is on: an address with %1 failed logins or relay attempts within %2 minutes is banned for %3 minutes.</source>
        <translation>Die automatische Sperre ist aktiv: Eine Adresse mit %1 fehlgeschlagenen Anmeldungen oder Relay-Versuchen innerhalb von %2 Minuten wird für %3 Minuten gesperrt.</translation>
    </message>
    <message>
        <source>Passwords are accepted without TLS from anywhere (Security ▸ SMTP Authentication): choose a stricter setting unless old mail programs need it.</source>
        <translation>Passwörter werden von überall ohne TLS angenommen (Sicherheit ▸ SMTP-Authentifizierung): Wählen Sie eine strengere Einstellung, sofern nicht alte E-Mail-Programme dies benötigen.</translation>
    </message>
    <message>
        <source>Auto-ban is off (Security ▸ Auto-ban): addresses that guess passwords are not banned.</source>
        <translation>Die automatische Sperre ist aus (Sicherheit ▸ Automatische Sperre): Adressen, die Passwörter erraten wollen, werden nicht gesperrt.</translation>
    </message>
    <message>
        <source>SMTP after POP is on (Security ▸ SMTP After POP): after a POP3 login, that address may relay for %1 minutes without logging in to SMTP.</source>
        <translation>SMTP nach POP ist aktiv (Sicherheit ▸ SMTP nach POP): Nach einer POP3-Anmeldung darf diese Adresse %1 Minuten lang ohne SMTP-Anmeldung weiterleiten (Relay).</translation>
    </message>
    <message>
        <source>SMTP after POP is off (Security ▸ SMTP After POP): turn it on only for old mail programs that cannot log in to SMTP.</source>
        <translation>SMTP nach POP ist aus (Sicherheit ▸ SMTP nach POP): Schalten Sie es nur für alte E-Mail-Programme ein, die sich nicht bei SMTP anmelden können.</translation>
    </message>
    <message>
        <source>Sender rules (Security ▸ Sender Rules): logged-in users may send only as their own address: %1; relay only for senders in your domains: %2; only for senders with an account: %3.</source>
        <translation>Absenderregeln (Sicherheit ▸ Absenderregeln): Angemeldete Benutzer dürfen nur mit ihrer eigenen Adresse senden: %1; Relay nur für Absender aus Ihren Domains: %2; nur für Absender mit Konto: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Filters (Security ▸ Filters, Attachment Filters): %1 word filters and %2 attachment patterns so far; add what your office should never receive.</source>
        <translation>Filter (Sicherheit ▸ Filter, Anhangfilter): bisher %1 Wortfilter und %2 Anhangmuster; fügen Sie hinzu, was Ihr Büro nie erhalten soll.</translation>
    </message>
    <message>
        <source>Secure now:</source>
        <translation>Bereits gesichert:</translation>
    </message>
    <message>
        <source>For you to decide:</source>
        <translation>Von Ihnen zu entscheiden:</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set Up Postern</source>
        <translation>Postern einrichten</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Servername</translation>
    </message>
    <message>
        <source>The name this server gives itself when it talks to other mail servers, in its greeting and in the Received: lines of every message. Use the name under which the internet finds this machine (the name your domain&apos;s MX record points to), for example mail.example.com. The suggestion below is this computer&apos;s own name.</source>
        <translation>Der Name, mit dem sich dieser Server gegenüber anderen Mailservern vorstellt, in seiner Begrüßung und in den Received:-Zeilen jeder Nachricht. Verwenden Sie den Namen, unter dem dieser Rechner im Internet zu finden ist (den Namen, auf den der MX-Eintrag Ihrer Domain verweist), zum Beispiel mail.example.com. Der Vorschlag unten ist der eigene Name dieses Computers.</translation>
    </message>
    <message>
        <source>Server &amp;name:</source>
        <translation>Server&amp;name:</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>Your mail domain</source>
        <translation>Ihre Mail-Domain</translation>
    </message>
    <message>
        <source>The domain your addresses end in: for alice@example.com that is example.com. This server accepts mail for the addresses in this domain and stores it in their mailboxes. You can add more domains later under Accounts ▸ Domains.</source>
        <translation>Die Domain, auf die Ihre Adressen enden: Bei alice@example.com ist das example.com. Dieser Server nimmt E-Mails für die Adressen in dieser Domain an und speichert sie in deren Postfächern. Weitere Domains können Sie später unter Konten ▸ Domains hinzufügen.</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>First user</source>
        <translation>Erster Benutzer</translation>
    </message>
    <message>
        <source>The first mailbox on this server, for example your own. Its owner collects mail with POP3 and sends mail through this server with this address and password. Mail to postmaster@ in your domain is delivered here too until you decide otherwise. Add more users later under Accounts ▸ Users.</source>
        <translation>Das erste Postfach auf diesem Server, zum Beispiel Ihr eigenes. Sein Inhaber ruft E-Mails mit POP3 ab und sendet E-Mails über diesen Server mit dieser Adresse und diesem Passwort. E-Mails an postmaster@ Ihrer Domain werden ebenfalls hierhin zugestellt, bis Sie etwas anderes festlegen. Weitere Benutzer fügen Sie später unter Konten ▸ Benutzer hinzu.</translation>
    </message>
    <message>
        <source>User &amp;address:</source>
        <translation>Benutzer&amp;adresse:</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>alice</translation>
    </message>
    <message>
        <source>Display na&amp;me (optional):</source>
        <translation>Anzeige&amp;name (optional):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Mail programs and other servers encrypt their connections to this server with TLS, which needs a certificate. Postern has made its own (self-signed) certificate: the connection is encrypted, but mail programs warn that they cannot check who the server is until the user accepts it once. If you have a certificate for the server&apos;s name from a certificate authority, choose its file and its private key file here.</source>
        <translation>E-Mail-Programme und andere Server verschlüsseln ihre Verbindungen zu diesem Server mit TLS, wofür ein Zertifikat nötig ist. Postern hat ein eigenes (selbstsigniertes) Zertifikat erstellt: Die Verbindung ist verschlüsselt, aber E-Mail-Programme warnen, dass sie die Identität des Servers nicht prüfen können, bis der Benutzer das Zertifikat einmal akzeptiert. Wenn Sie ein Zertifikat einer Zertifizierungsstelle für den Namen des Servers haben, wählen Sie hier dessen Datei und die Datei mit dem privaten Schlüssel.</translation>
    </message>
    <message>
        <source>&amp;Keep the self-signed certificate Postern made</source>
        <translation>Selbstsigniertes Zertifikat von Postern &amp;beibehalten</translation>
    </message>
    <message>
        <source>&amp;Use my certificate and key files (PEM):</source>
        <translation>&amp;Eigene Zertifikats- und Schlüsseldateien verwenden (PEM):</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>Zertifikats&amp;datei:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation>Datei mit privatem &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Administration password</source>
        <translation>Verwaltungspasswort</translation>
    </message>
    <message>
        <source>Optional. With an administration password, the settings in this window can be viewed by anyone at this computer but changed only after typing it (File ▸ Administration Mode). Leave both fields empty to go without one; you can set it later under Options.</source>
        <translation>Optional. Mit einem Verwaltungspasswort kann jeder an diesem Computer die Einstellungen in diesem Fenster ansehen, ändern aber nur nach Eingabe des Passworts (Datei ▸ Verwaltungsmodus). Lassen Sie beide Felder leer, um ohne Passwort zu arbeiten; Sie können es später unter Einstellungen festlegen.</translation>
    </message>
    <message>
        <source>Administration &amp;password:</source>
        <translation>Verwaltungs&amp;passwort:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Press Finish to store these choices; they take effect in the running server at once. Below is what this server already does to keep your mail safe, as it is set now, and what is left for you to decide.</source>
        <translation>Klicken Sie auf Fertigstellen, um diese Auswahl zu speichern; sie wirkt sofort im laufenden Server. Unten sehen Sie, was dieser Server mit den aktuellen Einstellungen bereits für die Sicherheit Ihrer E-Mails tut und was Sie noch entscheiden sollten.</translation>
    </message>
    <message>
        <source>Type the first part of the address, for example alice.</source>
        <translation>Geben Sie den ersten Teil der Adresse ein, zum Beispiel alice.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>„%1“ ist keine gültige Adresse: %2</translation>
    </message>
    <message>
        <source>The certificate file &quot;%1&quot; cannot be read.</source>
        <translation>Die Zertifikatsdatei „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The private key file &quot;%1&quot; cannot be read.</source>
        <translation>Die Datei mit dem privaten Schlüssel „%1“ kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>These files cannot be used: %1</source>
        <translation>Diese Dateien können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Reading the server&apos;s settings…</source>
        <translation>Einstellungen des Servers werden gelesen…</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Zertifikatsdatei</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Datei mit privatem Schlüssel</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>This server cannot store that yet (%1). Leave the fields empty to go on.</source>
        <translation>Dieser Server kann das noch nicht speichern (%1). Lassen Sie die Felder leer, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Licence: not chosen yet (see the README).</source>
        <translation>Lizenz: noch nicht festgelegt (siehe README).</translation>
    </message>
    <message>
        <source>The Admin Guide is not installed on this computer. It is docs/admin-guide.md in Postern&apos;s sources and %1 once installed.</source>
        <translation>Das Administrationshandbuch ist auf diesem Computer nicht installiert. Es ist docs/admin-guide.md in den Quellen von Postern und nach der Installation %1.</translation>
    </message>
    <message>
        <source>No program to show the Admin Guide was found. Open %1 with any text viewer.</source>
        <translation>Es wurde kein Programm gefunden, das das Administrationshandbuch anzeigen kann. Öffnen Sie %1 mit einem beliebigen Textbetrachter.</translation>
    </message>
    <message>
        <source>Admin Guide</source>
        <translation>Administrationshandbuch</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Postern %1&lt;/h3&gt;&lt;p&gt;A mail server for small offices: SMTP and POP3 with the security rules an office needs.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Built with Qt %3, running on Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Postern %1&lt;/h3&gt;&lt;p&gt;Ein Mailserver für kleine Büros: SMTP und POP3 mit den Sicherheitsregeln, die ein Büro braucht.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %3, läuft mit Qt %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Postern</source>
        <translation>Über Postern</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Add the entry described above to the list</source>
        <translation>Den oben beschriebenen Eintrag zur Liste hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Replace selected</source>
        <translation>Auswahl &amp;ersetzen</translation>
    </message>
    <message>
        <source>Replace the selected entry with the one described above</source>
        <translation>Den ausgewählten Eintrag durch den oben beschriebenen ersetzen</translation>
    </message>
    <message>
        <source>Re&amp;move selected</source>
        <translation>Auswahl ent&amp;fernen</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Add the entries of a text file, one per line</source>
        <translation>Die Einträge einer Textdatei hinzufügen, einer pro Zeile</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the list to a text file, one entry per line</source>
        <translation>Die Liste in einer Textdatei speichern, ein Eintrag pro Zeile</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change this list.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Liste zu ändern.</translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation>Die Liste konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Wählen Sie einen Eintrag, um seine Details zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation>
            <numerusform>%n Eintrag ausgewählt.</numerusform>
            <numerusform>%n Einträge ausgewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the list; select it to change it.</source>
        <translation>„%1“ ist bereits in der Liste; wählen Sie den Eintrag aus, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Added; press Apply or OK to save the list.</source>
        <translation>Hinzugefügt; klicken Sie auf Übernehmen oder OK, um die Liste zu speichern.</translation>
    </message>
    <message>
        <source>Select the one entry to replace.</source>
        <translation>Wählen Sie genau den einen Eintrag, der ersetzt werden soll.</translation>
    </message>
    <message>
        <source>Replaced; press Apply or OK to save the list.</source>
        <translation>Ersetzt; klicken Sie auf Übernehmen oder OK, um die Liste zu speichern.</translation>
    </message>
    <message>
        <source>Remove entries</source>
        <translation>Einträge entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected entries?</source>
        <translation>
            <numerusform>Den %n ausgewählten Eintrag entfernen?</numerusform>
            <numerusform>Die %n ausgewählten Einträge entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed; press Apply or OK to save the list.</source>
        <translation>Entfernt; klicken Sie auf Übernehmen oder OK, um die Liste zu speichern.</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>Der Server hat eine Änderung abgelehnt: %1</translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation>Einträge importieren</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation>Einträge exportieren</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported; mend these lines and import again:
%1</source>
        <translation>Es wurde nichts importiert; korrigieren Sie diese Zeilen und importieren Sie erneut:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported (%1 already listed); press Apply or OK to save the list.</source>
        <translation>
            <numerusform>%n Eintrag importiert (%1 bereits vorhanden); klicken Sie auf Übernehmen oder OK, um die Liste zu speichern.</numerusform>
            <numerusform>%n Einträge importiert (%1 bereits vorhanden); klicken Sie auf Übernehmen oder OK, um die Liste zu speichern.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Postern log viewer</source>
        <translation>Postern-Protokollanzeige</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>Minimum &amp;level:</source>
        <translation>Mindest&amp;stufe:</translation>
    </message>
    <message>
        <source>Service (smtp, pop3…)</source>
        <translation>Dienst (smtp, pop3…)</translation>
    </message>
    <message>
        <source>Client IP (or prefix like 192.168.1.)</source>
        <translation>Client-IP (oder Präfix wie 192.168.1.)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Text contains…</source>
        <translation>Text enthält…</translation>
    </message>
    <message>
        <source>Show only this &amp;session</source>
        <translation>Nur diese &amp;Sitzung anzeigen</translation>
    </message>
    <message>
        <source>All lines of the selected line&apos;s session, in every service (double-click a line does the same)</source>
        <translation>Alle Zeilen der Sitzung der ausgewählten Zeile, in allen Diensten (ein Doppelklick auf eine Zeile bewirkt dasselbe)</translation>
    </message>
    <message>
        <source>&amp;Back to all lines</source>
        <translation>&amp;Zurück zu allen Zeilen</translation>
    </message>
    <message>
        <source>&amp;Follow newest lines</source>
        <translation>Neuesten Zeilen &amp;folgen</translation>
    </message>
    <message>
        <source>&amp;Jump to newest</source>
        <translation>Zu den neuesten &amp;springen</translation>
    </message>
    <message>
        <source>&amp;Copy lines</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Show only this session</source>
        <translation>Nur diese Sitzung anzeigen</translation>
    </message>
    <message>
        <source>Live: newest lines</source>
        <translation>Live: neueste Zeilen</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (heute)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Select a line that belongs to a session first.</source>
        <translation>Wählen Sie zuerst eine Zeile, die zu einer Sitzung gehört.</translation>
    </message>
    <message>
        <source>Showing only session %1, in every service.</source>
        <translation>Nur Sitzung %1 wird angezeigt, in allen Diensten.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation>
            <numerusform>%n Zeile kopiert.</numerusform>
            <numerusform>%n Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export log lines</source>
        <translation>Protokollzeilen exportieren</translation>
    </message>
    <message>
        <source>Log files (*.log);;All files (*)</source>
        <translation>Protokolldateien (*.log);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1 of %2 lines (reading the file…)</source>
        <translation>%1 von %2 Zeilen (Datei wird gelesen…)</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 von %2 Zeilen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Postern</source>
        <translation>Postern</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Live log</source>
        <translation>Live-Protokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Konten</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Sicherheit</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>Server &amp;starten</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>Server an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Log Viewer</source>
        <translation>&amp;Protokollanzeige</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Domains…</source>
        <translation>&amp;Domains…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Benutzer…</translation>
    </message>
    <message>
        <source>&amp;Aliases…</source>
        <translation>&amp;Aliase…</translation>
    </message>
    <message>
        <source>&amp;SMTP-only Logins…</source>
        <translation>&amp;Nur-SMTP-Anmeldungen…</translation>
    </message>
    <message>
        <source>SMTP &amp;Authentication…</source>
        <translation>SMTP-&amp;Authentifizierung…</translation>
    </message>
    <message>
        <source>SMTP After &amp;POP…</source>
        <translation>SMTP nach &amp;POP…</translation>
    </message>
    <message>
        <source>&amp;Sender Rules…</source>
        <translation>Ab&amp;senderregeln…</translation>
    </message>
    <message>
        <source>&amp;Filters…</source>
        <translation>&amp;Filter…</translation>
    </message>
    <message>
        <source>A&amp;ttachment Filters…</source>
        <translation>A&amp;nhangfilter…</translation>
    </message>
    <message>
        <source>Address &amp;Verification…</source>
        <translation>Adress&amp;prüfung…</translation>
    </message>
    <message>
        <source>&amp;Banned Addresses…</source>
        <translation>&amp;Gesperrte Adressen…</translation>
    </message>
    <message>
        <source>&amp;Trusted IP Addresses…</source>
        <translation>&amp;Vertrauenswürdige IP-Adressen…</translation>
    </message>
    <message>
        <source>Auto-&amp;ban…</source>
        <translation>Automatische Sp&amp;erre…</translation>
    </message>
    <message>
        <source>Send &amp;Limits…</source>
        <translation>Versand&amp;limits…</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Empfangsbereit</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server is running.</source>
        <translation>Der Server läuft.</translation>
    </message>
    <message>
        <source>The server is starting…</source>
        <translation>Der Server wird gestartet…</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>Der Server konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>The server is stopped. Use File &gt; Start server to start it.</source>
        <translation>Der Server ist angehalten. Starten Sie ihn mit Datei &gt; Server starten.</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Enter administration mode…</source>
        <translation>&amp;Verwaltungsmodus aktivieren…</translation>
    </message>
    <message>
        <source>&amp;Leave administration mode</source>
        <translation>Verwaltungsmodus &amp;verlassen</translation>
    </message>
    <message>
        <source>Admin &amp;Guide</source>
        <translation>Administrations&amp;handbuch</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Postern</source>
        <translation>Ü&amp;ber Postern</translation>
    </message>
    <message>
        <source>Implicit TLS</source>
        <translation>Implizites TLS</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Kein Zertifikat</translation>
    </message>
    <message>
        <source>STLS</source>
        <translation>STLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Administration mode</source>
        <translation>Verwaltungsmodus</translation>
    </message>
    <message>
        <source>Attached to the server process PID %1.</source>
        <translation>Mit dem Serverprozess PID %1 verbunden.</translation>
    </message>
    <message>
        <source>Postern (attached to the server process PID %1)</source>
        <translation>Postern (mit dem Serverprozess PID %1 verbunden)</translation>
    </message>
    <message>
        <source>Detached:</source>
        <translation>Getrennt:</translation>
    </message>
    <message>
        <source>Postern (server process gone)</source>
        <translation>Postern (Serverprozess beendet)</translation>
    </message>
    <message>
        <source>The server process has gone away: %1 Restart Postern to attach again or to run the server here.</source>
        <translation>Der Serverprozess ist nicht mehr vorhanden: %1 Starten Sie Postern neu, um sich wieder zu verbinden oder den Server hier auszuführen.</translation>
    </message>
    <message>
        <source>Outbound &amp;Delivery…</source>
        <translation>&amp;Zustellung nach außen…</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
</context>
<context>
    <name>OptionsDialog</name>
    <message>
        <source>Options</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>How the server presents itself and where it listens, its TLS certificate, size and connection limits, DNS servers and how long logs are kept. Changes take effect in the running server as soon as you press OK or Apply.</source>
        <translation>Wie sich der Server vorstellt und wo er auf Verbindungen wartet, sein TLS-Zertifikat, Größen- und Verbindungsbeschränkungen, DNS-Server und wie lange Protokolle aufbewahrt werden. Änderungen wirken im laufenden Server, sobald Sie auf OK oder Übernehmen klicken.</translation>
    </message>
    <message>
        <source>These settings are read-only. Use File &gt; Enter administration mode… to change them.</source>
        <translation>Diese Einstellungen sind schreibgeschützt. Wählen Sie Datei &gt; Verwaltungsmodus aktivieren…, um sie zu ändern.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Hostname:</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>Listen on addresses:</source>
        <translation>Auf Adressen warten:</translation>
    </message>
    <message>
        <source>0.0.0.0,::</source>
        <translation>0.0.0.0,::</translation>
    </message>
    <message>
        <source>SMTP port:</source>
        <translation>SMTP-Port:</translation>
    </message>
    <message>
        <source>Submission port:</source>
        <translation>Submission-Port:</translation>
    </message>
    <message>
        <source>SMTPS port:</source>
        <translation>SMTPS-Port:</translation>
    </message>
    <message>
        <source>POP3 port:</source>
        <translation>POP3-Port:</translation>
    </message>
    <message>
        <source>POP3S port:</source>
        <translation>POP3S-Port:</translation>
    </message>
    <message>
        <source>A port of 0 turns that service off. Clients reach the server on the new ports at once.</source>
        <translation>Port 0 schaltet den jeweiligen Dienst ab. Clients erreichen den Server sofort über die neuen Ports.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>Zertifikatsdatei:</translation>
    </message>
    <message>
        <source>empty: a self-signed certificate Postern makes</source>
        <translation>leer: ein selbstsigniertes Zertifikat, das Postern erstellt</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Schlüsseldatei:</translation>
    </message>
    <message>
        <source>PEM private key, unencrypted</source>
        <translation>Privater PEM-Schlüssel, unverschlüsselt</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Dateien auswählen…</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Beschränkungen</translation>
    </message>
    <message>
        <source>Largest message:</source>
        <translation>Größte Nachricht:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>0 means no limit.</source>
        <translation>0 bedeutet keine Beschränkung.</translation>
    </message>
    <message>
        <source>SMTP connections at once:</source>
        <translation>Gleichzeitige SMTP-Verbindungen:</translation>
    </message>
    <message>
        <source>SMTP connections per client:</source>
        <translation>SMTP-Verbindungen pro Client:</translation>
    </message>
    <message>
        <source>POP3 connections at once:</source>
        <translation>Gleichzeitige POP3-Verbindungen:</translation>
    </message>
    <message>
        <source>POP3 connections per client:</source>
        <translation>POP3-Verbindungen pro Client:</translation>
    </message>
    <message>
        <source>DNS and log</source>
        <translation>DNS und Protokoll</translation>
    </message>
    <message>
        <source>DNS servers:</source>
        <translation>DNS-Server:</translation>
    </message>
    <message>
        <source>empty: the system&apos;s (/etc/resolv.conf)</source>
        <translation>leer: die des Systems (/etc/resolv.conf)</translation>
    </message>
    <message>
        <source>DNS timeout:</source>
        <translation>DNS-Zeitlimit:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Keep log files for:</source>
        <translation>Protokolldateien aufbewahren für:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Postern.</source>
        <translation>Eine neue Sprache wird ab dem nächsten Start von Postern verwendet.</translation>
    </message>
    <message>
        <source>Notify me about auto-bans</source>
        <translation>Über automatische Sperren benachrichtigen</translation>
    </message>
    <message>
        <source>New admin password:</source>
        <translation>Neues Verwaltungspasswort:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Remove the admin password</source>
        <translation>Verwaltungspasswort entfernen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not valid here</source>
        <translation>hier nicht gültig</translation>
    </message>
    <message>
        <source>Choose both the certificate file and its key file, or leave both empty for the self-signed certificate.</source>
        <translation>Wählen Sie sowohl die Zertifikatsdatei als auch die zugehörige Schlüsseldatei, oder lassen Sie beide leer für das selbstsignierte Zertifikat.</translation>
    </message>
    <message>
        <source>The two admin passwords differ. Type the same password twice.</source>
        <translation>Die beiden Verwaltungspasswörter stimmen nicht überein. Geben Sie zweimal dasselbe Passwort ein.</translation>
    </message>
    <message>
        <source>The admin password needs at least %1 characters.</source>
        <translation>Das Verwaltungspasswort muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <source>Saved. The running server uses the new settings now.</source>
        <translation>Gespeichert. Der laufende Server verwendet jetzt die neuen Einstellungen.</translation>
    </message>
    <message>
        <source>The admin password has been removed.</source>
        <translation>Das Verwaltungspasswort wurde entfernt.</translation>
    </message>
    <message>
        <source>Certificate file (PEM)</source>
        <translation>Zertifikatsdatei (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Zertifikate (*.crt *.pem *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Key file of this certificate (PEM)</source>
        <translation>Schlüsseldatei dieses Zertifikats (PEM)</translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>Schlüssel (*.key *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No certificate: %1</source>
        <translation>Kein Zertifikat: %1</translation>
    </message>
    <message>
        <source>self-signed, made by Postern</source>
        <translation>selbstsigniert, von Postern erstellt</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>selbstsigniert</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>ausgestellt von %1</translation>
    </message>
    <message>
        <source>Current certificate (%1)
Subject: %2
Expires: %3 (%4 days left)
SHA-256: %5</source>
        <translation>Aktuelles Zertifikat (%1)
Inhaber: %2
Läuft ab: %3 (noch %4 Tage)
SHA-256: %5</translation>
    </message>
    <message>
        <source>An admin password is set: administration mode asks for it. Type a new one twice to change it.</source>
        <translation>Ein Verwaltungspasswort ist festgelegt: Der Verwaltungsmodus fragt danach. Geben Sie zweimal ein neues ein, um es zu ändern.</translation>
    </message>
    <message>
        <source>No admin password is set: anyone at this desktop can enter administration mode. Type one twice to set it.</source>
        <translation>Es ist kein Verwaltungspasswort festgelegt: Jeder an diesem Arbeitsplatz kann den Verwaltungsmodus aktivieren. Geben Sie zweimal ein Passwort ein, um es festzulegen.</translation>
    </message>
</context>
<context>
    <name>OutboundDialog</name>
    <message>
        <source>Outbound Delivery</source>
        <translation>Zustellung nach außen</translation>
    </message>
    <message>
        <source>How Postern delivers mail for other domains: directly to each domain&apos;s mail server or through your provider&apos;s smart host, with which encryption, and how long it keeps trying.</source>
        <translation>Wie Postern Mail für andere Domains zustellt: direkt an den Mailserver jeder Domain oder über den Smarthost Ihres Providers, mit welcher Verschlüsselung und wie lange es es weiter versucht.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur lesen: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Smart host</source>
        <translation>Smarthost</translation>
    </message>
    <message>
        <source>Most internet providers block connections to port 25 from home and office lines, so mail sent directly to the recipients&apos; servers never leaves. Then enter your provider&apos;s mail server here (for example mail.provider.example:587) with your login there, and Postern hands every message for other domains to it. Leave the server empty to deliver directly to each recipient domain&apos;s mail server (MX).</source>
        <translation>Die meisten Internetprovider sperren Verbindungen zu Port 25 von Privat- und Büroanschlüssen, sodass direkt an die Server der Empfänger gesendete Mail nie ankommt. Tragen Sie dann hier den Mailserver Ihres Providers ein (zum Beispiel mail.provider.example:587) und Ihre Anmeldung dort; Postern übergibt ihm jede Nachricht für andere Domains. Lassen Sie den Server leer, um direkt an den Mailserver (MX) der Empfängerdomain zuzustellen.</translation>
    </message>
    <message>
        <source>Smart host (host:port):</source>
        <translation>Smarthost (Host:Port):</translation>
    </message>
    <message>
        <source>empty: deliver directly (MX)</source>
        <translation>leer: direkt zustellen (MX)</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Anmeldename:</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>leer: keine Anmeldung</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Passwort festlegen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>None (plain text: only on a trusted network)</source>
        <translation>Keins (Klartext: nur in einem vertrauenswürdigen Netz)</translation>
    </message>
    <message>
        <source>Opportunistic (encrypt when offered)</source>
        <translation>Opportunistisch (verschlüsseln, wenn angeboten)</translation>
    </message>
    <message>
        <source>Required (refuse to send unencrypted)</source>
        <translation>Erforderlich (nie unverschlüsselt senden)</translation>
    </message>
    <message>
        <source>Required and verified (check the certificate)</source>
        <translation>Erforderlich und geprüft (Zertifikat prüfen)</translation>
    </message>
    <message>
        <source>Port 465 means TLS from the first byte; other ports use STARTTLS. Keep TLS required so your login and password never cross the network in plain text.</source>
        <translation>Port 465 bedeutet TLS ab dem ersten Byte; andere Ports verwenden STARTTLS. Lassen Sie TLS erforderlich, damit Anmeldename und Passwort nie im Klartext durch das Netz gehen.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>TLS for direct delivery:</source>
        <translation>TLS bei direkter Zustellung:</translation>
    </message>
    <message>
        <source>Opportunistic works with every server and encrypts wherever the other side offers STARTTLS. Required gives up on servers without TLS. Verified also checks each server&apos;s certificate against the trusted authorities, which many mail servers do not pass.</source>
        <translation>Opportunistisch funktioniert mit jedem Server und verschlüsselt überall, wo die Gegenseite STARTTLS anbietet. Erforderlich gibt bei Servern ohne TLS auf. Geprüft kontrolliert zusätzlich das Zertifikat jedes Servers anhand der vertrauenswürdigen Zertifizierungsstellen, woran viele Mailserver scheitern.</translation>
    </message>
    <message>
        <source>Trusted authorities (CA file):</source>
        <translation>Vertrauenswürdige Zertifizierungsstellen (CA-Datei):</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted authorities</source>
        <translation>leer: die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Retry after:</source>
        <translation>Erneut versuchen nach:</translation>
    </message>
    <message>
        <source>Waits between attempts, separated by commas (s, m, h, d); the last one repeats until the message is given up.</source>
        <translation>Wartezeiten zwischen den Versuchen, durch Kommas getrennt (s, m, h, d); die letzte wiederholt sich, bis die Nachricht aufgegeben wird.</translation>
    </message>
    <message>
        <source>Give up after:</source>
        <translation>Aufgeben nach:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Tell the sender of a delay after:</source>
        <translation>Absender über Verzögerung informieren nach:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Connections to one domain at once:</source>
        <translation>Gleichzeitige Verbindungen zu einer Domain:</translation>
    </message>
    <message>
        <source>Outgoing connections at once:</source>
        <translation>Gleichzeitige ausgehende Verbindungen:</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routen</translation>
    </message>
    <message>
        <source>A route sends the mail for one domain to a server of your choice instead of that domain&apos;s MX and the smart host, for instance a partner&apos;s server reached over a VPN.</source>
        <translation>Eine Route schickt die Mail für eine Domain an einen Server Ihrer Wahl statt an den MX dieser Domain und den Smarthost, zum Beispiel an den Server eines Partners, der über ein VPN erreichbar ist.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The settings cannot be read: %1</source>
        <translation>Die Einstellungen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Trusted authorities</source>
        <translation>Vertrauenswürdige Zertifizierungsstellen</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The routes cannot be read: %1</source>
        <translation>Die Routen können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Whether a smart host password is stored cannot be read: %1</source>
        <translation>Ob ein Smarthost-Passwort gespeichert ist, lässt sich nicht feststellen: %1</translation>
    </message>
    <message>
        <source>A smart host password needs a login: fill in the login, or clear the password.</source>
        <translation>Ein Smarthost-Passwort braucht einen Anmeldenamen: Tragen Sie ihn ein oder löschen Sie das Passwort.</translation>
    </message>
    <message>
        <source>The domain %1 has a route already: edit that one.</source>
        <translation>Für die Domain %1 gibt es schon eine Route: Bearbeiten Sie diese.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 (new password)</source>
        <translation>%1 (neues Passwort)</translation>
    </message>
    <message>
        <source>%1 (password stored)</source>
        <translation>%1 (Passwort gespeichert)</translation>
    </message>
    <message>
        <source>A new password is stored on OK or Apply.</source>
        <translation>Ein neues Passwort wird bei OK oder Übernehmen gespeichert.</translation>
    </message>
    <message>
        <source>The stored password is removed on OK or Apply.</source>
        <translation>Das gespeicherte Passwort wird bei OK oder Übernehmen entfernt.</translation>
    </message>
    <message>
        <source>A password is stored.</source>
        <translation>Ein Passwort ist gespeichert.</translation>
    </message>
    <message>
        <source>No password is stored.</source>
        <translation>Kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>This server does not know these settings, so they cannot be changed here: %1</source>
        <translation>Dieser Server kennt diese Einstellungen nicht, daher lassen sie sich hier nicht ändern: %1</translation>
    </message>
</context>
<context>
    <name>OutboundInput</name>
    <message>
        <source>Smart host: write host:port, for example mail.provider.example:587.</source>
        <translation>Smarthost: Schreiben Sie Host:Port, zum Beispiel mail.provider.example:587.</translation>
    </message>
    <message>
        <source>Smart host: &quot;%1&quot; is neither a host name nor an IP address.</source>
        <translation>Smarthost: „%1“ ist weder ein Hostname noch eine IP-Adresse.</translation>
    </message>
    <message>
        <source>Retry after: &quot;%1&quot; is not a wait. Write waits like 5m,15m,1h,4h (s, m, h or d after each number).</source>
        <translation>Erneut versuchen nach: „%1“ ist keine Wartezeit. Schreiben Sie Wartezeiten wie 5m,15m,1h,4h (s, m, h oder d nach jeder Zahl).</translation>
    </message>
</context>
<context>
    <name>PasswordTwiceDialog</name>
    <message>
        <source>Smart Host Password</source>
        <translation>Smarthost-Passwort</translation>
    </message>
    <message>
        <source>The password of the login at the smart host. Postern keeps it in its data directory, readable only by the server, and never shows it again.</source>
        <translation>Das Passwort der Anmeldung beim Smarthost. Postern bewahrt es in seinem Datenverzeichnis auf, nur für den Server lesbar, und zeigt es nie wieder an.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Type the password in both fields.</source>
        <translation>Geben Sie das Passwort in beide Felder ein.</translation>
    </message>
    <message>
        <source>The two typings differ: type the same password in both fields.</source>
        <translation>Die beiden Eingaben unterscheiden sich: Geben Sie in beide Felder dasselbe Passwort ein.</translation>
    </message>
    <message>
        <source>The password contains a control character, which cannot be sent in a login.</source>
        <translation>Das Passwort enthält ein Steuerzeichen, das bei einer Anmeldung nicht gesendet werden kann.</translation>
    </message>
</context>
<context>
    <name>QueueDetailsDialog</name>
    <message>
        <source>Queued Message</source>
        <translation>Wartende Nachricht</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Empfänger:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Letzter Versuch</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Kopfzeilen:</translation>
    </message>
    <message>
        <source>Queued Message %1</source>
        <translation>Wartende Nachricht %1</translation>
    </message>
    <message>
        <source>Sender: %1
Received: %2 (%3 ago)
Size: %4</source>
        <translation>Absender: %1
Empfangen: %2 (vor %3)
Größe: %4</translation>
    </message>
    <message>
        <source>&lt;&gt; (a report)</source>
        <translation>&lt;&gt; (ein Bericht)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
</context>
<context>
    <name>QueueText</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gescheitert</translation>
    </message>
</context>
<context>
    <name>QueueWindow</name>
    <message>
        <source>Outbound Queue</source>
        <translation>Ausgangswarteschlange</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to retry, delete or return messages.</source>
        <translation>Nur lesen: Wechseln Sie in den Verwaltungsmodus, um Nachrichten erneut zu senden, zu löschen oder zurückzuschicken.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>The queue is empty: every message for other servers has been delivered or returned.</source>
        <translation>Die Warteschlange ist leer: Jede Nachricht für andere Server wurde zugestellt oder zurückgeschickt.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Alle erneut versuchen</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Return to sender…</source>
        <translation>An Absender zurück…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>Die Warteschlange kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>&lt;&gt; (a report)</source>
        <translation>&lt;&gt; (ein Bericht)</translation>
    </message>
    <message numerus="yes">
        <source>Outbound Queue (%n)</source>
        <translation>
            <numerusform>Ausgangswarteschlange (%n)</numerusform>
            <numerusform>Ausgangswarteschlange (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Nachrichten löschen</translation>
    </message>
    <message>
        <source>Return to sender</source>
        <translation>An Absender zurückschicken</translation>
    </message>
    <message>
        <source>The message cannot be shown: %1</source>
        <translation>Die Nachricht kann nicht angezeigt werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Messages waiting for delivery to other servers: %n.</source>
        <translation>
            <numerusform>%n Nachricht wartet auf Zustellung an andere Server.</numerusform>
            <numerusform>%n Nachrichten warten auf Zustellung an andere Server.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected messages: %n. Delete them from the queue? They are gone for good: nobody receives them and the senders are not told.</source>
        <translation>
            <numerusform>Die %n ausgewählte Nachricht aus der Warteschlange löschen? Sie ist dann endgültig weg: Niemand erhält sie, und der Absender erfährt es nicht.</numerusform>
            <numerusform>Die %n ausgewählten Nachrichten aus der Warteschlange löschen? Sie sind dann endgültig weg: Niemand erhält sie, und die Absender erfahren es nicht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected messages: %n. Return them to their senders? Delivery stops, and each sender gets a failure report for the recipients that have not received the message.</source>
        <translation>
            <numerusform>Die %n ausgewählte Nachricht an den Absender zurückschicken? Die Zustellung endet, und der Absender erhält einen Fehlerbericht für die Empfänger, die die Nachricht noch nicht erhalten haben.</numerusform>
            <numerusform>Die %n ausgewählten Nachrichten an die Absender zurückschicken? Die Zustellung endet, und jeder Absender erhält einen Fehlerbericht für die Empfänger, die die Nachricht noch nicht erhalten haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recipients to be tried again now: %n.</source>
        <translation>
            <numerusform>Zustellung an %n Empfänger wird jetzt erneut versucht.</numerusform>
            <numerusform>Zustellung an %n Empfänger wird jetzt erneut versucht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RangeListAdapter</name>
    <message>
        <source>Enter an IP address (192.0.2.7) or a CIDR range (192.0.2.0/24, 2001:db8::/32).</source>
        <translation>Geben Sie eine IP-Adresse (192.0.2.7) oder einen CIDR-Bereich (192.0.2.0/24, 2001:db8::/32) ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range: %2</source>
        <translation>„%1“ ist weder eine IP-Adresse noch ein CIDR-Bereich: %2</translation>
    </message>
    <message>
        <source>The comment may not contain tabs or line breaks.</source>
        <translation>Der Kommentar darf keine Tabulatoren oder Zeilenumbrüche enthalten.</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Mail for the domain:</source>
        <translation>Mail für die Domain:</translation>
    </message>
    <message>
        <source>goes to the server:</source>
        <translation>geht an den Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>None (plain text)</source>
        <translation>Keins (Klartext)</translation>
    </message>
    <message>
        <source>Opportunistic (encrypt when offered)</source>
        <translation>Opportunistisch (verschlüsseln, wenn angeboten)</translation>
    </message>
    <message>
        <source>Required (refuse to send unencrypted)</source>
        <translation>Erforderlich (nie unverschlüsselt senden)</translation>
    </message>
    <message>
        <source>Required and verified (check the certificate)</source>
        <translation>Erforderlich und geprüft (Zertifikat prüfen)</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Anmeldename:</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>leer: keine Anmeldung</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>Changing a route stores it anew: type its password again.</source>
        <translation>Eine geänderte Route wird neu gespeichert: Geben Sie ihr Passwort erneut ein.</translation>
    </message>
    <message>
        <source>Edit Route</source>
        <translation>Route bearbeiten</translation>
    </message>
    <message>
        <source>Domain: %1</source>
        <translation>Domain: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>A password needs a login: fill in the login or leave both passwords empty.</source>
        <translation>Ein Passwort braucht einen Anmeldenamen: Tragen Sie ihn ein oder lassen Sie beide Passwortfelder leer.</translation>
    </message>
    <message>
        <source>Type the route&apos;s password again: an edited route is stored anew.</source>
        <translation>Geben Sie das Passwort der Route erneut ein: Eine geänderte Route wird neu gespeichert.</translation>
    </message>
</context>
<context>
    <name>SendLimitsDialog</name>
    <message>
        <source>Send Limits</source>
        <translation>Versandlimits</translation>
    </message>
    <message>
        <source>Send limits stop one account from sending a flood of mail, for instance when its password has been stolen, and keep very large messages off the server. Connection limits are in Options.</source>
        <translation>Versandlimits verhindern, dass ein einzelnes Konto eine Flut von E-Mails versendet, etwa wenn sein Passwort gestohlen wurde, und halten sehr große Nachrichten vom Server fern. Verbindungsbeschränkungen finden Sie unter Einstellungen.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Messages per account per hour:</source>
        <translation>Nachrichten pro Konto und Stunde:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Recipients per message:</source>
        <translation>Empfänger pro Nachricht:</translation>
    </message>
    <message>
        <source>Largest message:</source>
        <translation>Größte Nachricht:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
</context>
<context>
    <name>SenderRulesDialog</name>
    <message>
        <source>Sender Rules</source>
        <translation>Absenderregeln</translation>
    </message>
    <message>
        <source>Sender rules look at the address a message claims to come from. They add a little safety on top of authentication, but a sender&apos;s address is easily forged, so they never replace it.</source>
        <translation>Absenderregeln prüfen die Adresse, von der eine Nachricht angeblich stammt. Sie bieten etwas zusätzliche Sicherheit zur Authentifizierung, aber eine Absenderadresse lässt sich leicht fälschen, daher ersetzen sie die Authentifizierung nie.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Allow relay only if the sender&apos;s domain is local</source>
        <translation>Relay nur erlauben, wenn die Domain des Absenders lokal ist</translation>
    </message>
    <message>
        <source>Allow relay only if the sender has an account</source>
        <translation>Relay nur erlauben, wenn der Absender ein Konto hat</translation>
    </message>
    <message>
        <source>Authenticated users may send only as their own address or their aliases</source>
        <translation>Angemeldete Benutzer dürfen nur mit ihrer eigenen Adresse oder ihren Aliasen senden</translation>
    </message>
</context>
<context>
    <name>SettingsBinder</name>
    <message>
        <source>Enter administration mode to change settings.</source>
        <translation>Aktivieren Sie den Verwaltungsmodus, um Einstellungen zu ändern.</translation>
    </message>
</context>
<context>
    <name>SmtpAfterPopDialog</name>
    <message>
        <source>SMTP After POP</source>
        <translation>SMTP nach POP</translation>
    </message>
    <message>
        <source>With SMTP after POP, a program that has just logged in to collect its mail by POP3 may send mail through this server from the same internet address for a few minutes, without SMTP authentication. Use it only for old mail programs that cannot authenticate: everyone behind the same address shares the permission.</source>
        <translation>Mit SMTP nach POP darf ein Programm, das sich gerade zum Abrufen seiner E-Mails per POP3 angemeldet hat, einige Minuten lang von derselben Internetadresse aus ohne SMTP-Authentifizierung E-Mails über diesen Server senden. Verwenden Sie dies nur für alte E-Mail-Programme, die sich nicht authentifizieren können: Alle hinter derselben Adresse teilen sich diese Berechtigung.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Enable SMTP after POP</source>
        <translation>SMTP nach POP aktivieren</translation>
    </message>
    <message>
        <source>Allow sending for:</source>
        <translation>Senden erlauben für:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
</context>
<context>
    <name>SmtpAuthenticationDialog</name>
    <message>
        <source>SMTP Authentication</source>
        <translation>SMTP-Authentifizierung</translation>
    </message>
    <message>
        <source>Postern passes mail on to other domains (relaying) only for a client that has logged in with SMTP authentication, comes from a trusted address, or collected its mail by POP3 moments before (SMTP after POP). A fresh install is never an open relay: nobody else can send mail through it.</source>
        <translation>Postern leitet E-Mails nur dann an andere Domains weiter (Relay), wenn sich der Client per SMTP-Authentifizierung angemeldet hat, von einer vertrauenswürdigen Adresse kommt oder kurz zuvor seine E-Mails per POP3 abgerufen hat (SMTP nach POP). Eine Neuinstallation ist nie ein offenes Relay: Niemand sonst kann darüber E-Mails senden.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Nur Lesezugriff: Wechseln Sie in den Verwaltungsmodus, um diese Einstellungen zu ändern.</translation>
    </message>
    <message>
        <source>Require authentication for senders from local domains</source>
        <translation>Authentifizierung für Absender aus lokalen Domains verlangen</translation>
    </message>
    <message>
        <source>Use POP3 user names and passwords for SMTP authentication</source>
        <translation>POP3-Benutzernamen und -Passwörter für die SMTP-Authentifizierung verwenden</translation>
    </message>
    <message>
        <source>Passwords without encryption (TLS):</source>
        <translation>Passwörter ohne Verschlüsselung (TLS):</translation>
    </message>
    <message>
        <source>SMTP-only logins…</source>
        <translation>Nur-SMTP-Anmeldungen…</translation>
    </message>
    <message>
        <source>Never: always require TLS first</source>
        <translation>Nie: immer zuerst TLS verlangen</translation>
    </message>
    <message>
        <source>Only from this computer</source>
        <translation>Nur von diesem Computer</translation>
    </message>
    <message>
        <source>From this computer and the office networks</source>
        <translation>Von diesem Computer und den Büronetzwerken</translation>
    </message>
    <message>
        <source>Always (not recommended)</source>
        <translation>Immer (nicht empfohlen)</translation>
    </message>
</context>
<context>
    <name>SmtpLoginsDialog</name>
    <message>
        <source>SMTP-only Logins</source>
        <translation>Nur-SMTP-Anmeldungen</translation>
    </message>
    <message>
        <source>An SMTP-only login lets a device without a mailbox, such as a scanner or a printer, send mail through this server: it authenticates with this name and password. It cannot collect mail with POP3 and nothing is delivered to it. Names are made of letters, digits, dots, hyphens and underscores.</source>
        <translation>Eine Nur-SMTP-Anmeldung erlaubt einem Gerät ohne Postfach, etwa einem Scanner oder Drucker, E-Mails über diesen Server zu senden: Es authentifiziert sich mit diesem Namen und Passwort. Es kann keine E-Mails per POP3 abrufen, und es wird ihm nichts zugestellt. Namen bestehen aus Buchstaben, Ziffern, Punkten, Bindestrichen und Unterstrichen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>scanner-2nd-floor</source>
        <translation>scanner-2-og</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Type the login&apos;s name first.</source>
        <translation>Geben Sie zuerst den Namen der Anmeldung ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login name: use up to %2 letters, digits, dots, hyphens and underscores (no @).</source>
        <translation>„%1“ ist kein gültiger Anmeldename: Verwenden Sie bis zu %2 Buchstaben, Ziffern, Punkte, Bindestriche und Unterstriche (kein @).</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Choose the login to remove first.</source>
        <translation>Wählen Sie zuerst die zu entfernende Anmeldung.</translation>
    </message>
    <message>
        <source>Remove the SMTP-only login %1?

A device using it can no longer send mail through this server until it is given another login.</source>
        <translation>Nur-SMTP-Anmeldung %1 entfernen?

Ein Gerät, das sie verwendet, kann keine E-Mails mehr über diesen Server senden, bis es eine andere Anmeldung erhält.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Connections now:</source>
        <translation>Aktuelle Verbindungen:</translation>
    </message>
    <message>
        <source>Messages received today:</source>
        <translation>Heute empfangene Nachrichten:</translation>
    </message>
    <message>
        <source>Relayed today:</source>
        <translation>Heute weitergeleitet:</translation>
    </message>
    <message>
        <source>Logins today:</source>
        <translation>Anmeldungen heute:</translation>
    </message>
    <message>
        <source>Refused today:</source>
        <translation>Heute abgewiesen:</translation>
    </message>
    <message>
        <source>Addresses banned today:</source>
        <translation>Heute gesperrte Adressen:</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Erfordert Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Beheben…</translation>
    </message>
</context>
<context>
    <name>TlsChoice</name>
    <message>
        <source>None</source>
        <translation>Keins</translation>
    </message>
    <message>
        <source>Opportunistic</source>
        <translation>Opportunistisch</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open Postern</source>
        <translation>Postern öffnen</translation>
    </message>
    <message>
        <source>Log Viewer</source>
        <translation>Protokollanzeige</translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation>Server starten</translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation>Server anhalten</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Postern: running</source>
        <translation>Postern: läuft</translation>
    </message>
    <message>
        <source>Postern: starting</source>
        <translation>Postern: wird gestartet</translation>
    </message>
    <message>
        <source>Postern: could not start</source>
        <translation>Postern: Start fehlgeschlagen</translation>
    </message>
    <message>
        <source>Postern: stopped</source>
        <translation>Postern: angehalten</translation>
    </message>
    <message>
        <source>Connections now: %1
Today: %2 received, %3 relayed, %4 logins
Refused: %5, banned: %6</source>
        <translation>Aktuelle Verbindungen: %1
Heute: %2 empfangen, %3 weitergeleitet, %4 Anmeldungen
Abgewiesen: %5, gesperrt: %6</translation>
    </message>
    <message>
        <source>Postern could not start</source>
        <translation>Postern konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>A service could not start</source>
        <translation>Ein Dienst konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation>Zertifikatsproblem</translation>
    </message>
    <message>
        <source>Auto-ban</source>
        <translation>Automatische Sperre</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) banned by auto-ban.</source>
        <translation>
            <numerusform>%n Adresse durch automatische Sperre gesperrt.</numerusform>
            <numerusform>%n Adressen durch automatische Sperre gesperrt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Postern</source>
        <translation>Postern beenden</translation>
    </message>
    <message>
        <source>Quit Postern? The mail server stops, and mail is no longer received until Postern is started again.</source>
        <translation>Postern beenden? Der Mailserver wird angehalten, und es werden keine E-Mails mehr empfangen, bis Postern wieder gestartet wird.</translation>
    </message>
    <message>
        <source>Close Postern</source>
        <translation>Postern schließen</translation>
    </message>
    <message>
        <source>This desktop has no notification area, so Postern cannot keep running in the background there. Stop the server and quit, or keep it running with the window minimized?</source>
        <translation>Diese Arbeitsumgebung hat keinen Benachrichtigungsbereich, daher kann Postern dort nicht im Hintergrund weiterlaufen. Den Server anhalten und beenden oder mit minimiertem Fenster weiterlaufen lassen?</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>Server anhalten und beenden</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>Postern keeps running</source>
        <translation>Postern läuft weiter</translation>
    </message>
    <message>
        <source>The mail server keeps running in the background. Use this icon to open the window or to quit.</source>
        <translation>Der Mailserver läuft im Hintergrund weiter. Über dieses Symbol können Sie das Fenster öffnen oder das Programm beenden.</translation>
    </message>
</context>
<context>
    <name>TrustedAddressesDialog</name>
    <message>
        <source>Trusted IP Addresses</source>
        <translation>Vertrauenswürdige IP-Adressen</translation>
    </message>
    <message>
        <source>Clients connecting from these addresses or ranges may relay mail to any domain without authenticating (spam filtering still applies). Anyone on a trusted network can send through this server as if they were you, so list only the office&apos;s own networks here; people who travel should use SMTP authentication instead.</source>
        <translation>Clients, die sich von diesen Adressen oder Bereichen aus verbinden, dürfen ohne Authentifizierung E-Mails an jede Domain weiterleiten (Relay); die Spamfilter gelten weiterhin. Jeder in einem vertrauenswürdigen Netzwerk kann über diesen Server senden, als wäre er Sie selbst; tragen Sie hier also nur die eigenen Netzwerke des Büros ein. Wer unterwegs ist, sollte stattdessen SMTP-Authentifizierung verwenden.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Address or &amp;range:</source>
        <translation>Adresse oder &amp;Bereich:</translation>
    </message>
    <message>
        <source>192.168.1.0/24</source>
        <translation>192.168.1.0/24</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <source>office LAN</source>
        <translation>Büro-LAN</translation>
    </message>
    <message>
        <source>Address or range</source>
        <translation>Adresse oder Bereich</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Clients in %1 may relay without authenticating. Comment: %2</source>
        <translation>Clients in %1 dürfen ohne Authentifizierung weiterleiten (Relay). Kommentar: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Each user has a mailbox on this server: mail to the address is stored here and collected with POP3 using the address and password, and the same address and password let the user send mail through this server (SMTP authentication). The quota limits how much mail the mailbox may hold (0 means no limit); a disabled user can neither log in nor receive mail. Choose a user in the list to change it.</source>
        <translation>Jeder Benutzer hat ein Postfach auf diesem Server: E-Mails an die Adresse werden hier gespeichert und per POP3 mit Adresse und Passwort abgerufen, und mit derselben Adresse und demselben Passwort kann der Benutzer E-Mails über diesen Server senden (SMTP-Authentifizierung). Das Kontingent begrenzt, wie viele E-Mails das Postfach aufnehmen darf (0 bedeutet keine Begrenzung); ein deaktivierter Benutzer kann sich weder anmelden noch E-Mails empfangen. Wählen Sie einen Benutzer in der Liste, um ihn zu ändern.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Kontingent</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Passwort &amp;wiederholen:</translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation>&amp;Kontingent:</translation>
    </message>
    <message>
        <source>0 = unlimited; for example 500M or 2G</source>
        <translation>0 = unbegrenzt; zum Beispiel 500M oder 2G</translation>
    </message>
    <message>
        <source>&amp;Enabled (may log in and receive mail)</source>
        <translation>&amp;Aktiviert (darf sich anmelden und E-Mails empfangen)</translation>
    </message>
    <message>
        <source>When changing a user, leave both password fields empty to keep the password.</source>
        <translation>Lassen Sie beim Ändern eines Benutzers beide Passwortfelder leer, um das Passwort beizubehalten.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>A&amp;dd User</source>
        <translation>Benutzer &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Change User</source>
        <translation>Benutzer ä&amp;ndern</translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation>Benutzer ent&amp;fernen</translation>
    </message>
    <message>
        <source>There is no domain yet: add one under Accounts ▸ Domains first.</source>
        <translation>Es gibt noch keine Domain: Fügen Sie zuerst unter Konten ▸ Domains eine hinzu.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Choose the user&apos;s domain (add it under Accounts ▸ Domains first).</source>
        <translation>Wählen Sie die Domain des Benutzers (fügen Sie sie zuerst unter Konten ▸ Domains hinzu).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>„%1“ ist keine gültige Adresse: %2</translation>
    </message>
    <message>
        <source>%1 is already a user.</source>
        <translation>%1 ist bereits ein Benutzer.</translation>
    </message>
    <message>
        <source>Choose the user to change in the list first.</source>
        <translation>Wählen Sie zuerst den zu ändernden Benutzer in der Liste.</translation>
    </message>
    <message>
        <source>Choose the user to remove in the list first.</source>
        <translation>Wählen Sie zuerst den zu entfernenden Benutzer in der Liste.</translation>
    </message>
    <message>
        <source>Remove the user %1?

The user can no longer log in, and mail to %1 is refused from now on (aliases that pointed to it no longer do). The mail already stored in the mailbox is not deleted: it stays on disk in %2, and the user sees it again if you add %1 back.</source>
        <translation>Benutzer %1 entfernen?

Der Benutzer kann sich nicht mehr anmelden, und E-Mails an %1 werden ab sofort abgewiesen (Aliase, die auf ihn verwiesen, tun das nicht mehr). Die bereits im Postfach gespeicherten E-Mails werden nicht gelöscht: Sie bleiben auf der Festplatte in %2, und der Benutzer sieht sie wieder, wenn Sie %1 erneut hinzufügen.</translation>
    </message>
</context>
</TS>
