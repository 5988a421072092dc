<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Read-only: enter administration mode to make changes.</source>
        <translation>Только чтение: чтобы вносить изменения, войдите в режим администрирования.</translation>
    </message>
</context>
<context>
    <name>AccountInput</name>
    <message>
        <source>Type the name first, for example example.com.</source>
        <translation>Сначала введите имя, например example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid domain name.</source>
        <translation>«%1» — недопустимое имя домена.</translation>
    </message>
    <message>
        <source>Type the password, then the same again in the second field.</source>
        <translation>Введите пароль, затем повторите его во втором поле.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the password again in both fields.</source>
        <translation>Пароли не совпадают. Введите пароль ещё раз в оба поля.</translation>
    </message>
    <message>
        <source>The password is too short: use at least %1 characters.</source>
        <translation>Пароль слишком короткий: используйте не менее %1 символов.</translation>
    </message>
    <message>
        <source>The password contains a control character.</source>
        <translation>Пароль содержит управляющий символ.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size: use a number of bytes, or a number with K, M, G or T (for example 500M); 0 means unlimited.</source>
        <translation>«%1» — не размер: укажите число байт или число с K, M, G или T (например, 500M); 0 означает без ограничений.</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>без ограничений</translation>
    </message>
</context>
<context>
    <name>AddressVerificationDialog</name>
    <message>
        <source>Address Verification</source>
        <translation>Проверка адресов</translation>
    </message>
    <message>
        <source>These checks refuse mail whose sender or sending server looks made up. They cut down on spam, but each one costs DNS lookups for every message, and the stricter ones also refuse some honest but badly configured servers.</source>
        <translation>Эти проверки отклоняют почту, отправитель или отправляющий сервер которой выглядят поддельными. Они сокращают спам, но каждая требует DNS-запросов для каждого сообщения, а более строгие отклоняют и некоторые честные, но плохо настроенные серверы.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: чтобы изменить эти параметры, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Verify that the sender&apos;s domain exists</source>
        <translation>Проверять существование домена отправителя</translation>
    </message>
    <message>
        <source>Assume blank MAIL FROM address is valid</source>
        <translation>Считать пустой адрес MAIL FROM допустимым</translation>
    </message>
    <message>
        <source>Bounces and delivery reports are sent with a blank MAIL FROM address; RFC 1123 §5.2.9 and RFC 5321 §4.5.5 require a server to accept them. With this unticked, messages telling you that your own mail could not be delivered are lost.</source>
        <translation>Отчёты о недоставке и уведомления о доставке отправляются с пустым адресом MAIL FROM; RFC 1123 §5.2.9 и RFC 5321 §4.5.5 требуют, чтобы сервер их принимал. Если снять этот флажок, сообщения о том, что ваша собственная почта не доставлена, будут теряться.</translation>
    </message>
    <message>
        <source>Check that HELO/EHLO names a valid host</source>
        <translation>Проверять, что HELO/EHLO содержит допустимое имя узла</translation>
    </message>
    <message>
        <source>Require a reverse DNS name for the client&apos;s address</source>
        <translation>Требовать обратную DNS-запись (PTR) для адреса клиента</translation>
    </message>
    <message>
        <source>DNS servers asked: %1; longest wait %2 ms. Change them in Options.</source>
        <translation>Используемые DNS-серверы: %1; максимальное ожидание %2 мс. Изменить их можно в параметрах.</translation>
    </message>
    <message>
        <source>the system&apos;s (/etc/resolv.conf)</source>
        <translation>системные (/etc/resolv.conf)</translation>
    </message>
</context>
<context>
    <name>AdminPasswordPrompt</name>
    <message>
        <source>Enter administration mode</source>
        <translation>Вход в режим администрирования</translation>
    </message>
    <message>
        <source>Settings can only be changed in administration mode. Type the admin password set in Options to enter it.</source>
        <translation>Параметры можно изменять только в режиме администрирования. Чтобы войти в него, введите пароль администратора, заданный в параметрах.</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Пароль администратора</translation>
    </message>
    <message>
        <source>Wrong password. The attempt has been logged.</source>
        <translation>Неверный пароль. Попытка записана в журнал.</translation>
    </message>
</context>
<context>
    <name>AliasesDialog</name>
    <message>
        <source>Aliases</source>
        <translation>Псевдонимы</translation>
    </message>
    <message>
        <source>An alias is an address in one of your domains without a mailbox of its own: mail to it is delivered to each of its targets instead (for example info@ to two users). A target is a user, another alias, or an address elsewhere, which the mail is then forwarded to. Choose an alias to see its targets; to make a new one, type its address and add its first target.</source>
        <translation>Псевдоним — это адрес в одном из ваших доменов без собственного почтового ящика: почта на него доставляется вместо этого каждому из его получателей (например, info@ — двум пользователям). Получатель — это пользователь, другой псевдоним или внешний адрес, на который почта пересылается. Выберите псевдоним, чтобы увидеть его получателей; чтобы создать новый, введите его адрес и добавьте первого получателя.</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Псевдонимы:</translation>
    </message>
    <message>
        <source>Its targets:</source>
        <translation>Его получатели:</translation>
    </message>
    <message>
        <source>A&amp;lias:</source>
        <translation>&amp;Псевдоним:</translation>
    </message>
    <message>
        <source>info@example.com</source>
        <translation>info@example.com</translation>
    </message>
    <message>
        <source>Remove &amp;Alias</source>
        <translation>&amp;Удалить псевдоним</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>П&amp;олучатель:</translation>
    </message>
    <message>
        <source>alice@example.com</source>
        <translation>alice@example.com</translation>
    </message>
    <message>
        <source>A&amp;dd Target</source>
        <translation>&amp;Добавить получателя</translation>
    </message>
    <message>
        <source>&amp;Remove Target</source>
        <translation>Уд&amp;алить получателя</translation>
    </message>
    <message>
        <source>Type the alias address first, for example info@example.com.</source>
        <translation>Сначала введите адрес псевдонима, например info@example.com.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>«%1» — недопустимый адрес: %2</translation>
    </message>
    <message>
        <source>%1 is not one of your domains: an alias must be in a domain under Accounts ▸ Domains.</source>
        <translation>%1 не входит в ваши домены: псевдоним должен быть в домене из раздела «Учётные записи ▸ Домены».</translation>
    </message>
    <message>
        <source>Type the target address first.</source>
        <translation>Сначала введите адрес получателя.</translation>
    </message>
    <message>
        <source>An alias cannot deliver to itself.</source>
        <translation>Псевдоним не может доставлять почту самому себе.</translation>
    </message>
    <message>
        <source>%1 is already a target of %2.</source>
        <translation>%1 уже является получателем %2.</translation>
    </message>
    <message>
        <source>Choose an alias, then the target to remove.</source>
        <translation>Выберите псевдоним, затем удаляемого получателя.</translation>
    </message>
    <message>
        <source>Choose the alias to remove first.</source>
        <translation>Сначала выберите удаляемый псевдоним.</translation>
    </message>
    <message>
        <source>Remove the alias %1?

Mail to %1 is refused from now on. Nothing stored is deleted: mail it delivered before stays in its targets&apos; mailboxes.</source>
        <translation>Удалить псевдоним %1?

С этого момента почта на %1 будет отклоняться. Сохранённые данные не удаляются: доставленная ранее почта остаётся в почтовых ящиках получателей.</translation>
    </message>
</context>
<context>
    <name>AttachmentFiltersDialog</name>
    <message>
        <source>Attachment Filters</source>
        <translation>Фильтры вложений</translation>
    </message>
    <message>
        <source>Mail carrying an attachment whose file name matches one of these patterns is refused while the sender is still connected. * stands for any run of characters and ? for one; case never matters: *.exe, .E?E, invoice*.js. These filters apply whatever the message size limit is, unlimited included (ArgoSoft ignored them when the size limit was unlimited; Postern does not).</source>
        <translation>Почта с вложением, имя файла которого соответствует одному из этих шаблонов, отклоняется, пока отправитель ещё подключён. * означает любую последовательность символов, ? — один символ; регистр не учитывается: *.exe, .E?E, invoice*.js. Эти фильтры действуют при любом ограничении размера сообщения, в том числе без ограничений (ArgoSoft игнорировал их, если размер не был ограничен; Postern — нет).</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>&amp;Pattern:</source>
        <translation>&amp;Шаблон:</translation>
    </message>
    <message>
        <source>*.exe</source>
        <translation>*.exe</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Шаблон</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation>при применении</translation>
    </message>
    <message>
        <source>Mail with an attachment named like &quot;%1&quot; is refused with 550 5.7.1, whatever the size limit. Added: %2.</source>
        <translation>Почта с вложением, имя которого соответствует «%1», отклоняется с кодом 550 5.7.1 при любом ограничении размера. Добавлено: %2.</translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation>ещё нет (при применении)</translation>
    </message>
</context>
<context>
    <name>AutoBanDialog</name>
    <message>
        <source>Auto-ban</source>
        <translation>Автоблокировка</translation>
    </message>
    <message>
        <source>Auto-ban shuts out addresses that keep failing to log in or keep trying to send mail through this server to other domains: after too many failures within a few minutes the address is put on the Banned Addresses list for a while. The same wrong password repeated counts once.</source>
        <translation>Автоблокировка отсекает адреса, с которых постоянно не удаётся войти или с которых пытаются отправить почту через этот сервер в другие домены: после слишком большого числа неудач за несколько минут адрес на время вносится в список запрещённых адресов. Повтор одного и того же неверного пароля считается одной неудачей.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: чтобы изменить эти параметры, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Enable auto-ban</source>
        <translation>Включить автоблокировку</translation>
    </message>
    <message>
        <source>Ban after this many failures:</source>
        <translation>Блокировать после стольких неудач:</translation>
    </message>
    <message>
        <source>within:</source>
        <translation>за:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Ban for:</source>
        <translation>Блокировать на:</translation>
    </message>
    <message>
        <source>Never ban:</source>
        <translation>Никогда не блокировать:</translation>
    </message>
    <message>
        <source>127.0.0.0/8, ::1/128, 192.168.0.0/16 or none</source>
        <translation>127.0.0.0/8, ::1/128, 192.168.0.0/16 или none</translation>
    </message>
    <message>
        <source>CIDR ranges separated by commas, or &quot;none&quot;.</source>
        <translation>Диапазоны CIDR через запятую или «none».</translation>
    </message>
    <message>
        <source>This list no longer contains this machine (127.0.0.1 and ::1): a program on the server itself that keeps failing to log in could be banned.</source>
        <translation>В этом списке больше нет данного компьютера (127.0.0.1 и ::1): программа на самом сервере, которой постоянно не удаётся войти, может быть заблокирована.</translation>
    </message>
    <message>
        <source>Show banned addresses…</source>
        <translation>Показать запрещённые адреса…</translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; is empty: list the ranges auto-ban must leave alone, or write none.</source>
        <translation>Поле «Никогда не блокировать» пусто: перечислите диапазоны, которые автоблокировка должна пропускать, или напишите none.</translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; is not a list of CIDR ranges: %1</source>
        <translation>Поле «Никогда не блокировать» не является списком диапазонов CIDR: %1</translation>
    </message>
    <message>
        <source>&quot;Never ban&quot; lists %1 twice.</source>
        <translation>В поле «Никогда не блокировать» %1 указан дважды.</translation>
    </message>
</context>
<context>
    <name>BannedAddressesDialog</name>
    <message>
        <source>Banned Addresses</source>
        <translation>Запрещённые адреса</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Address or &amp;range:</source>
        <translation>Адрес или &amp;диапазон:</translation>
    </message>
    <message>
        <source>203.0.113.7 or 203.0.113.0/24</source>
        <translation>203.0.113.7 или 203.0.113.0/24</translation>
    </message>
    <message>
        <source>&amp;Ban for:</source>
        <translation>&amp;Блокировать на:</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>минут</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>часов</translation>
    </message>
    <message>
        <source>days</source>
        <translation>дней</translation>
    </message>
    <message>
        <source>for good</source>
        <translation>навсегда</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>why it is banned</source>
        <translation>причина блокировки</translation>
    </message>
    <message>
        <source>Never banned by auto-ban</source>
        <translation>Никогда не блокируются автоблокировкой</translation>
    </message>
    <message>
        <source>Auto-ban never bans these ranges (setting autoban.never); bans you add here still apply to them</source>
        <translation>Автоблокировка никогда не блокирует эти диапазоны (параметр autoban.never); добавленные здесь блокировки к ним всё равно применяются</translation>
    </message>
    <message>
        <source>Auto-ban &amp;settings…</source>
        <translation>&amp;Параметры автоблокировки…</translation>
    </message>
    <message>
        <source>&amp;Unban selected</source>
        <translation>&amp;Разблокировать выбранные</translation>
    </message>
    <message>
        <source>Address or range</source>
        <translation>Адрес или диапазон</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Истекает</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Comment or reason</source>
        <translation>Комментарий или причина</translation>
    </message>
    <message>
        <source>Banned since</source>
        <translation>Заблокирован с</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) after Apply</source>
        <translation>
            <numerusform>через %n минуту после применения</numerusform>
            <numerusform>через %n минуты после применения</numerusform>
            <numerusform>через %n минут после применения</numerusform>
        </translation>
    </message>
    <message>
        <source>auto-ban</source>
        <translation>автоблокировка</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>вручную</translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation>при применении</translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation>ещё нет (при применении)</translation>
    </message>
    <message>
        <source>%1 was banned by auto-ban: %2. Since %3; expires: %4.</source>
        <translation>%1 заблокирован автоблокировкой: %2. С %3; истекает: %4.</translation>
    </message>
    <message>
        <source>%1 was banned by hand. Comment: %2. Since %3; expires: %4.</source>
        <translation>%1 заблокирован вручную. Комментарий: %2. С %3; истекает: %4.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>The server closes every connection from these addresses and ranges at once, on every service, without a greeting. Bans you add here last as long as you say; auto-ban adds its own (marked &quot;auto-ban&quot;, with the reason and when they end) after repeated failed logins or relay attempts. &quot;Unban selected&quot; takes effect at once; when other changes are waiting, it waits for Apply or OK with them.</source>
        <translation>Сервер сразу закрывает каждое соединение с этих адресов и диапазонов, на всех службах, без приветствия. Добавленные здесь блокировки действуют указанный вами срок; автоблокировка добавляет свои (с пометкой «автоблокировка», причиной и сроком окончания) после повторных неудачных входов или попыток ретрансляции. «Разблокировать выбранные» действует сразу; если есть другие несохранённые изменения, разблокировка сохраняется вместе с ними по кнопке «Применить» или «ОК».</translation>
    </message>
</context>
<context>
    <name>DomainsDialog</name>
    <message>
        <source>Domains</source>
        <translation>Домены</translation>
    </message>
    <message>
        <source>The mail domains this server receives mail for. Mail to an address in one of these domains is delivered to the account or alias of that name here; mail to every other domain is relayed, and only for users who are allowed to relay. Add a domain before you add its users and aliases.</source>
        <translation>Почтовые домены, для которых этот сервер принимает почту. Почта на адрес в одном из этих доменов доставляется одноимённой учётной записи или псевдониму на этом сервере; почта во все остальные домены ретранслируется, и только для пользователей, которым разрешена ретрансляция. Добавьте домен, прежде чем добавлять его пользователей и псевдонимы.</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 уже есть в списке.</translation>
    </message>
    <message>
        <source>Select the domain to remove first.</source>
        <translation>Сначала выберите удаляемый домен.</translation>
    </message>
    <message>
        <source>Remove the domain %1?

Its users and aliases are removed with it, and mail to %1 is no longer accepted. The mail already stored in its users&apos; mailboxes is not deleted: it stays on disk in %2, and the users see it again if you add the domain and the users back.</source>
        <translation>Удалить домен %1?

Вместе с ним удаляются его пользователи и псевдонимы, и почта на %1 больше не принимается. Почта, уже сохранённая в почтовых ящиках его пользователей, не удаляется: она остаётся на диске в %2, и пользователи снова увидят её, если вы снова добавите домен и пользователей.</translation>
    </message>
</context>
<context>
    <name>FiltersDialog</name>
    <message>
        <source>Filters</source>
        <translation>Фильтры</translation>
    </message>
    <message>
        <source>Mail containing one of these texts is refused while the sender is still connected (nothing is bounced later), or with the action &quot;discard&quot;, accepted and quietly thrown away. A text matches in any case and inside words: &quot;the&quot; would also match &quot;theater&quot;, so choose texts that are unusual, such as a spammer&apos;s web address. Postern decodes the message first, so encoded subjects and bodies are matched as a reader sees them.</source>
        <translation>Почта, содержащая один из этих текстов, отклоняется, пока отправитель ещё подключён (потом ничего не возвращается), а при действии «удалить» — принимается и молча удаляется. Текст совпадает без учёта регистра и внутри слов: «the» совпадёт и с «theater», поэтому выбирайте необычные тексты, например веб-адрес спамера. Postern сначала декодирует сообщение, поэтому закодированные темы и тексты сравниваются в том виде, в каком их видит читатель.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>spam-site.example</source>
        <translation>spam-site.example</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Где искать:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Headers (all header lines)</source>
        <translation>Заголовки (все строки заголовка)</translation>
    </message>
    <message>
        <source>Body (the text)</source>
        <translation>Тело (текст)</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Везде</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Действие:</translation>
    </message>
    <message>
        <source>Reject (550 while the sender is connected)</source>
        <translation>Отклонить (550, пока отправитель подключён)</translation>
    </message>
    <message>
        <source>Discard (accept and throw away)</source>
        <translation>Удалить (принять и выбросить)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Look in</source>
        <translation>Где искать</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлено</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>теме</translation>
    </message>
    <message>
        <source>headers</source>
        <translation>заголовках</translation>
    </message>
    <message>
        <source>body</source>
        <translation>теле</translation>
    </message>
    <message>
        <source>everywhere</source>
        <translation>везде</translation>
    </message>
    <message>
        <source>discard</source>
        <translation>удалить</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>отклонить</translation>
    </message>
    <message>
        <source>on Apply</source>
        <translation>при применении</translation>
    </message>
    <message>
        <source>accepted and thrown away</source>
        <translation>принимается и удаляется</translation>
    </message>
    <message>
        <source>refused with 550 5.7.1 while the sender is connected</source>
        <translation>отклоняется с кодом 550 5.7.1, пока отправитель подключён</translation>
    </message>
    <message>
        <source>Mail with &quot;%1&quot; in its %2 is %3. Added: %4.</source>
        <translation>Почта с «%1» в %2: %3. Добавлено: %4.</translation>
    </message>
    <message>
        <source>not yet (on Apply)</source>
        <translation>ещё нет (при применении)</translation>
    </message>
</context>
<context>
    <name>FirstRunSummary</name>
    <message>
        <source>Mail to other domains is relayed only for a client that logs in (SMTP AUTH) or comes from a trusted address; everyone else may only deliver mail to your own domains.</source>
        <translation>Почта в другие домены ретранслируется только для клиента, который выполнил вход (SMTP AUTH) или подключается с доверенного адреса; все остальные могут доставлять почту только в ваши домены.</translation>
    </message>
    <message>
        <source>Users log in to send with the same address and password as for POP3.</source>
        <translation>Для отправки пользователи входят с тем же адресом и паролем, что и для POP3.</translation>
    </message>
    <message>
        <source>A client that has not logged in may not send mail as one of your own addresses.</source>
        <translation>Клиент, не выполнивший вход, не может отправлять почту от имени одного из ваших адресов.</translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections.</source>
        <translation>Пароли принимаются только по соединениям, зашифрованным TLS.</translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections, except from this computer itself.</source>
        <translation>Пароли принимаются только по соединениям, зашифрованным TLS, кроме соединений с самого этого компьютера.</translation>
    </message>
    <message>
        <source>Passwords are accepted only over TLS-encrypted connections, except from your office networks (%1).</source>
        <translation>Пароли принимаются только по соединениям, зашифрованным TLS, кроме соединений из ваших офисных сетей (%1).</translation>
    </message>
    <message>
        <source>TLS is on, with the self-signed certificate Postern made.</source>
        <translation>TLS включён с самоподписанным сертификатом, созданным Postern.</translation>
    </message>
    <message>
        <source>TLS is on, with the certificate in %1.</source>
        <translation>TLS включён с сертификатом из %1.</translation>
    </message>
    <message>
        <source>Auto-ban is on: an address with %1 failed logins or relay attempts within %2 minutes is banned for %3 minutes.</source>
        <translation>Автоблокировка включена: адрес, с которого за %2 мин было %1 неудачных входов или попыток ретрансляции, блокируется на %3 мин.</translation>
    </message>
    <message>
        <source>Passwords are accepted without TLS from anywhere (Security ▸ SMTP Authentication): choose a stricter setting unless old mail programs need it.</source>
        <translation>Пароли принимаются без TLS откуда угодно (Безопасность ▸ SMTP-аутентификация): выберите более строгий вариант, если он не нужен старым почтовым программам.</translation>
    </message>
    <message>
        <source>Auto-ban is off (Security ▸ Auto-ban): addresses that guess passwords are not banned.</source>
        <translation>Автоблокировка выключена (Безопасность ▸ Автоблокировка): адреса, подбирающие пароли, не блокируются.</translation>
    </message>
    <message>
        <source>SMTP after POP is on (Security ▸ SMTP After POP): after a POP3 login, that address may relay for %1 minutes without logging in to SMTP.</source>
        <translation>SMTP после POP включён (Безопасность ▸ SMTP после POP): после входа по POP3 с этого адреса можно ретранслировать почту в течение %1 мин без входа в SMTP.</translation>
    </message>
    <message>
        <source>SMTP after POP is off (Security ▸ SMTP After POP): turn it on only for old mail programs that cannot log in to SMTP.</source>
        <translation>SMTP после POP выключен (Безопасность ▸ SMTP после POP): включайте его только для старых почтовых программ, которые не умеют входить в SMTP.</translation>
    </message>
    <message>
        <source>Sender rules (Security ▸ Sender Rules): logged-in users may send only as their own address: %1; relay only for senders in your domains: %2; only for senders with an account: %3.</source>
        <translation>Правила отправителей (Безопасность ▸ Правила отправителей): вошедшие пользователи могут отправлять только от своего адреса: %1; ретрансляция только для отправителей из ваших доменов: %2; только для отправителей с учётной записью: %3.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Filters (Security ▸ Filters, Attachment Filters): %1 word filters and %2 attachment patterns so far; add what your office should never receive.</source>
        <translation>Фильтры (Безопасность ▸ Фильтры, Фильтры вложений): пока %1 фильтров по словам и %2 шаблонов вложений; добавьте то, что ваш офис никогда не должен получать.</translation>
    </message>
    <message>
        <source>Secure now:</source>
        <translation>Защищено сейчас:</translation>
    </message>
    <message>
        <source>For you to decide:</source>
        <translation>Решать вам:</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set Up Postern</source>
        <translation>Настройка Postern</translation>
    </message>
    <message>
        <source>Server name</source>
        <translation>Имя сервера</translation>
    </message>
    <message>
        <source>The name this server gives itself when it talks to other mail servers, in its greeting and in the Received: lines of every message. Use the name under which the internet finds this machine (the name your domain&apos;s MX record points to), for example mail.example.com. The suggestion below is this computer&apos;s own name.</source>
        <translation>Имя, которым этот сервер называет себя при общении с другими почтовыми серверами: в приветствии и в строках Received: каждого сообщения. Используйте имя, под которым этот компьютер виден из интернета (имя, на которое указывает MX-запись вашего домена), например mail.example.com. Ниже предложено собственное имя этого компьютера.</translation>
    </message>
    <message>
        <source>Server &amp;name:</source>
        <translation>&amp;Имя сервера:</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>Your mail domain</source>
        <translation>Ваш почтовый домен</translation>
    </message>
    <message>
        <source>The domain your addresses end in: for alice@example.com that is example.com. This server accepts mail for the addresses in this domain and stores it in their mailboxes. You can add more domains later under Accounts ▸ Domains.</source>
        <translation>Домен, которым заканчиваются ваши адреса: для alice@example.com это example.com. Этот сервер принимает почту для адресов этого домена и сохраняет её в их почтовых ящиках. Другие домены можно добавить позже в разделе «Учётные записи ▸ Домены».</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Домен:</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>First user</source>
        <translation>Первый пользователь</translation>
    </message>
    <message>
        <source>The first mailbox on this server, for example your own. Its owner collects mail with POP3 and sends mail through this server with this address and password. Mail to postmaster@ in your domain is delivered here too until you decide otherwise. Add more users later under Accounts ▸ Users.</source>
        <translation>Первый почтовый ящик на этом сервере, например ваш собственный. Его владелец получает почту по POP3 и отправляет почту через этот сервер с этим адресом и паролем. Почта на postmaster@ вашего домена тоже доставляется сюда, пока вы не решите иначе. Других пользователей можно добавить позже в разделе «Учётные записи ▸ Пользователи».</translation>
    </message>
    <message>
        <source>User &amp;address:</source>
        <translation>&amp;Адрес пользователя:</translation>
    </message>
    <message>
        <source>alice</source>
        <translation>alice</translation>
    </message>
    <message>
        <source>Display na&amp;me (optional):</source>
        <translation>Отображаемое &amp;имя (необязательно):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Пароль ещё &amp;раз:</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>Mail programs and other servers encrypt their connections to this server with TLS, which needs a certificate. Postern has made its own (self-signed) certificate: the connection is encrypted, but mail programs warn that they cannot check who the server is until the user accepts it once. If you have a certificate for the server&apos;s name from a certificate authority, choose its file and its private key file here.</source>
        <translation>Почтовые программы и другие серверы шифруют соединения с этим сервером с помощью TLS, для чего нужен сертификат. Postern создал собственный (самоподписанный) сертификат: соединение шифруется, но почтовые программы предупреждают, что не могут проверить подлинность сервера, пока пользователь один раз не примет сертификат. Если у вас есть сертификат центра сертификации для имени сервера, выберите здесь его файл и файл закрытого ключа.</translation>
    </message>
    <message>
        <source>&amp;Keep the self-signed certificate Postern made</source>
        <translation>&amp;Оставить самоподписанный сертификат, созданный Postern</translation>
    </message>
    <message>
        <source>&amp;Use my certificate and key files (PEM):</source>
        <translation>&amp;Использовать мои файлы сертификата и ключа (PEM):</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>&amp;Файл сертификата:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Private &amp;key file:</source>
        <translation>Файл закрытого &amp;ключа:</translation>
    </message>
    <message>
        <source>Administration password</source>
        <translation>Пароль администратора</translation>
    </message>
    <message>
        <source>Optional. With an administration password, the settings in this window can be viewed by anyone at this computer but changed only after typing it (File ▸ Administration Mode). Leave both fields empty to go without one; you can set it later under Options.</source>
        <translation>Необязательно. Если задан пароль администратора, параметры в этом окне может просматривать любой за этим компьютером, а изменять — только после ввода пароля (Файл ▸ Режим администрирования). Оставьте оба поля пустыми, чтобы обойтись без пароля; задать его можно позже в параметрах.</translation>
    </message>
    <message>
        <source>Administration &amp;password:</source>
        <translation>&amp;Пароль администратора:</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Press Finish to store these choices; they take effect in the running server at once. Below is what this server already does to keep your mail safe, as it is set now, and what is left for you to decide.</source>
        <translation>Нажмите «Готово», чтобы сохранить выбранные параметры; они сразу вступят в силу на работающем сервере. Ниже указано, что этот сервер уже делает для защиты вашей почты при текущих настройках, и что осталось решить вам.</translation>
    </message>
    <message>
        <source>Type the first part of the address, for example alice.</source>
        <translation>Введите первую часть адреса, например alice.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>«%1» — недопустимый адрес: %2</translation>
    </message>
    <message>
        <source>The certificate file &quot;%1&quot; cannot be read.</source>
        <translation>Не удаётся прочитать файл сертификата «%1».</translation>
    </message>
    <message>
        <source>The private key file &quot;%1&quot; cannot be read.</source>
        <translation>Не удаётся прочитать файл закрытого ключа «%1».</translation>
    </message>
    <message>
        <source>These files cannot be used: %1</source>
        <translation>Эти файлы нельзя использовать: %1</translation>
    </message>
    <message>
        <source>Reading the server&apos;s settings…</source>
        <translation>Чтение параметров сервера…</translation>
    </message>
    <message>
        <source>Certificate file</source>
        <translation>Файл сертификата</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>Файл закрытого ключа</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>Файлы PEM (*.pem *.crt *.key);;Все файлы (*)</translation>
    </message>
    <message>
        <source>This server cannot store that yet (%1). Leave the fields empty to go on.</source>
        <translation>Этот сервер пока не может это сохранить (%1). Оставьте поля пустыми, чтобы продолжить.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Licence: not chosen yet (see the README).</source>
        <translation>Лицензия: ещё не выбрана (см. README).</translation>
    </message>
    <message>
        <source>The Admin Guide is not installed on this computer. It is docs/admin-guide.md in Postern&apos;s sources and %1 once installed.</source>
        <translation>Руководство администратора не установлено на этом компьютере. В исходных кодах Postern это docs/admin-guide.md, а после установки — %1.</translation>
    </message>
    <message>
        <source>No program to show the Admin Guide was found. Open %1 with any text viewer.</source>
        <translation>Не найдена программа для просмотра руководства администратора. Откройте %1 в любой программе просмотра текста.</translation>
    </message>
    <message>
        <source>Admin Guide</source>
        <translation>Руководство администратора</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Postern %1&lt;/h3&gt;&lt;p&gt;A mail server for small offices: SMTP and POP3 with the security rules an office needs.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Built with Qt %3, running on Qt %4.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Postern %1&lt;/h3&gt;&lt;p&gt;Почтовый сервер для небольших офисов: SMTP и POP3 с правилами безопасности, которые нужны офису.&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Собран с Qt %3, работает на Qt %4.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Postern</source>
        <translation>О программе Postern</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Add the entry described above to the list</source>
        <translation>Добавить описанную выше запись в список</translation>
    </message>
    <message>
        <source>&amp;Replace selected</source>
        <translation>&amp;Заменить выбранную</translation>
    </message>
    <message>
        <source>Replace the selected entry with the one described above</source>
        <translation>Заменить выбранную запись описанной выше</translation>
    </message>
    <message>
        <source>Re&amp;move selected</source>
        <translation>&amp;Удалить выбранные</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Импорт…</translation>
    </message>
    <message>
        <source>Add the entries of a text file, one per line</source>
        <translation>Добавить записи из текстового файла, по одной в строке</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Save the list to a text file, one entry per line</source>
        <translation>Сохранить список в текстовый файл, по одной записи в строке</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change this list.</source>
        <translation>Только чтение: чтобы изменить этот список, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Could not read the list: %1</source>
        <translation>Не удалось прочитать список: %1</translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Выберите запись, чтобы увидеть подробности.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries selected.</source>
        <translation>
            <numerusform>Выбрана %n запись.</numerusform>
            <numerusform>Выбрано %n записи.</numerusform>
            <numerusform>Выбрано %n записей.</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already in the list; select it to change it.</source>
        <translation>«%1» уже есть в списке; выберите эту запись, чтобы изменить её.</translation>
    </message>
    <message>
        <source>Added; press Apply or OK to save the list.</source>
        <translation>Добавлено; нажмите «Применить» или «ОК», чтобы сохранить список.</translation>
    </message>
    <message>
        <source>Select the one entry to replace.</source>
        <translation>Выберите одну запись для замены.</translation>
    </message>
    <message>
        <source>Replaced; press Apply or OK to save the list.</source>
        <translation>Заменено; нажмите «Применить» или «ОК», чтобы сохранить список.</translation>
    </message>
    <message>
        <source>Remove entries</source>
        <translation>Удаление записей</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n selected entries?</source>
        <translation>
            <numerusform>Удалить %n выбранную запись?</numerusform>
            <numerusform>Удалить %n выбранные записи?</numerusform>
            <numerusform>Удалить %n выбранных записей?</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed; press Apply or OK to save the list.</source>
        <translation>Удалено; нажмите «Применить» или «ОК», чтобы сохранить список.</translation>
    </message>
    <message>
        <source>The server refused a change: %1</source>
        <translation>Сервер отклонил изменение: %1</translation>
    </message>
    <message>
        <source>Import entries</source>
        <translation>Импорт записей</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Текстовые файлы (*.txt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export entries</source>
        <translation>Экспорт записей</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>строка %1: %2</translation>
    </message>
    <message>
        <source>Nothing was imported; mend these lines and import again:
%1</source>
        <translation>Ничего не импортировано; исправьте эти строки и повторите импорт:
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries imported (%1 already listed); press Apply or OK to save the list.</source>
        <translation>
            <numerusform>Импортирована %n запись (%1 уже в списке); нажмите «Применить» или «ОК», чтобы сохранить список.</numerusform>
            <numerusform>Импортировано %n записи (%1 уже в списке); нажмите «Применить» или «ОК», чтобы сохранить список.</numerusform>
            <numerusform>Импортировано %n записей (%1 уже в списке); нажмите «Применить» или «ОК», чтобы сохранить список.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported to %1.</source>
        <translation>
            <numerusform>%n запись экспортирована в %1.</numerusform>
            <numerusform>%n записи экспортированы в %1.</numerusform>
            <numerusform>%n записей экспортировано в %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Не удалось записать %1: %2</translation>
    </message>
</context>
<context>
    <name>LogModel</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Уровень</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Сеанс</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Postern log viewer</source>
        <translation>Просмотр журнала Postern</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
    <message>
        <source>Minimum &amp;level:</source>
        <translation>Минимальный &amp;уровень:</translation>
    </message>
    <message>
        <source>Service (smtp, pop3…)</source>
        <translation>Служба (smtp, pop3…)</translation>
    </message>
    <message>
        <source>Client IP (or prefix like 192.168.1.)</source>
        <translation>IP клиента (или префикс, например 192.168.1.)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <source>Text contains…</source>
        <translation>Текст содержит…</translation>
    </message>
    <message>
        <source>Show only this &amp;session</source>
        <translation>Показать только этот &amp;сеанс</translation>
    </message>
    <message>
        <source>All lines of the selected line&apos;s session, in every service (double-click a line does the same)</source>
        <translation>Все строки сеанса выбранной строки во всех службах (то же самое делает двойной щелчок по строке)</translation>
    </message>
    <message>
        <source>&amp;Back to all lines</source>
        <translation>&amp;Назад ко всем строкам</translation>
    </message>
    <message>
        <source>&amp;Follow newest lines</source>
        <translation>&amp;Отслеживать новые строки</translation>
    </message>
    <message>
        <source>&amp;Jump to newest</source>
        <translation>&amp;Перейти к новым</translation>
    </message>
    <message>
        <source>&amp;Copy lines</source>
        <translation>&amp;Копировать строки</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Экспорт…</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Отладка</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Информация</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Show only this session</source>
        <translation>Показать только этот сеанс</translation>
    </message>
    <message>
        <source>Live: newest lines</source>
        <translation>В реальном времени: новые строки</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1 (сегодня)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Не удаётся открыть %1: %2</translation>
    </message>
    <message>
        <source>Select a line that belongs to a session first.</source>
        <translation>Сначала выберите строку, относящуюся к сеансу.</translation>
    </message>
    <message>
        <source>Showing only session %1, in every service.</source>
        <translation>Показан только сеанс %1 во всех службах.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n line(s).</source>
        <translation>
            <numerusform>Скопирована %n строка.</numerusform>
            <numerusform>Скопировано %n строки.</numerusform>
            <numerusform>Скопировано %n строк.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export log lines</source>
        <translation>Экспорт строк журнала</translation>
    </message>
    <message>
        <source>Log files (*.log);;All files (*)</source>
        <translation>Файлы журнала (*.log);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
    <message>
        <source>%1 of %2 lines (reading the file…)</source>
        <translation>%1 из %2 строк (чтение файла…)</translation>
    </message>
    <message>
        <source>%1 of %2 lines</source>
        <translation>%1 из %2 строк</translation>
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
        <translation>Запуск…</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Службы</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Порт</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Live log</source>
        <translation>Журнал в реальном времени</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Учётные записи</translation>
    </message>
    <message>
        <source>&amp;Security</source>
        <translation>&amp;Безопасность</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Параметры</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Start server</source>
        <translation>&amp;Запустить сервер</translation>
    </message>
    <message>
        <source>S&amp;top server</source>
        <translation>&amp;Остановить сервер</translation>
    </message>
    <message>
        <source>&amp;Log Viewer</source>
        <translation>&amp;Просмотр журнала</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>&amp;Domains…</source>
        <translation>&amp;Домены…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Пользователи…</translation>
    </message>
    <message>
        <source>&amp;Aliases…</source>
        <translation>П&amp;севдонимы…</translation>
    </message>
    <message>
        <source>&amp;SMTP-only Logins…</source>
        <translation>&amp;Учётные записи только для SMTP…</translation>
    </message>
    <message>
        <source>SMTP &amp;Authentication…</source>
        <translation>SMTP-&amp;аутентификация…</translation>
    </message>
    <message>
        <source>SMTP After &amp;POP…</source>
        <translation>SMTP после &amp;POP…</translation>
    </message>
    <message>
        <source>&amp;Sender Rules…</source>
        <translation>П&amp;равила отправителей…</translation>
    </message>
    <message>
        <source>&amp;Filters…</source>
        <translation>&amp;Фильтры…</translation>
    </message>
    <message>
        <source>A&amp;ttachment Filters…</source>
        <translation>Фильтры &amp;вложений…</translation>
    </message>
    <message>
        <source>Address &amp;Verification…</source>
        <translation>Пр&amp;оверка адресов…</translation>
    </message>
    <message>
        <source>&amp;Banned Addresses…</source>
        <translation>&amp;Запрещённые адреса…</translation>
    </message>
    <message>
        <source>&amp;Trusted IP Addresses…</source>
        <translation>&amp;Доверенные IP-адреса…</translation>
    </message>
    <message>
        <source>Auto-&amp;ban…</source>
        <translation>Авто&amp;блокировка…</translation>
    </message>
    <message>
        <source>Send &amp;Limits…</source>
        <translation>О&amp;граничения отправки…</translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation>&amp;Параметры…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Вы&amp;ход</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Прослушивается</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <source>The server is running.</source>
        <translation>Сервер работает.</translation>
    </message>
    <message>
        <source>The server is starting…</source>
        <translation>Сервер запускается…</translation>
    </message>
    <message>
        <source>The server could not start: %1</source>
        <translation>Не удалось запустить сервер: %1</translation>
    </message>
    <message>
        <source>The server is stopped. Use File &gt; Start server to start it.</source>
        <translation>Сервер остановлен. Чтобы запустить его, выберите «Файл &gt; Запустить сервер».</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Enter administration mode…</source>
        <translation>&amp;Войти в режим администрирования…</translation>
    </message>
    <message>
        <source>&amp;Leave administration mode</source>
        <translation>В&amp;ыйти из режима администрирования</translation>
    </message>
    <message>
        <source>Admin &amp;Guide</source>
        <translation>&amp;Руководство администратора</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>&amp;About Postern</source>
        <translation>&amp;О программе Postern</translation>
    </message>
    <message>
        <source>Implicit TLS</source>
        <translation>Неявный TLS</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>Нет сертификата</translation>
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
        <translation>Нет</translation>
    </message>
    <message>
        <source>Administration mode</source>
        <translation>Режим администрирования</translation>
    </message>
    <message>
        <source>Attached to the server process PID %1.</source>
        <translation>Подключено к процессу сервера с PID %1.</translation>
    </message>
    <message>
        <source>Postern (attached to the server process PID %1)</source>
        <translation>Postern (подключено к процессу сервера с PID %1)</translation>
    </message>
    <message>
        <source>Detached:</source>
        <translation>Отключено:</translation>
    </message>
    <message>
        <source>Postern (server process gone)</source>
        <translation>Postern (процесс сервера завершён)</translation>
    </message>
    <message>
        <source>The server process has gone away: %1 Restart Postern to attach again or to run the server here.</source>
        <translation>Процесс сервера завершился: %1 Перезапустите Postern, чтобы подключиться снова или запустить сервер здесь.</translation>
    </message>
    <message>
        <source>Outbound &amp;Delivery…</source>
        <translation>&amp;Исходящая доставка…</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>&amp;Очередь</translation>
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
        <translation>Параметры</translation>
    </message>
    <message>
        <source>How the server presents itself and where it listens, its TLS certificate, size and connection limits, DNS servers and how long logs are kept. Changes take effect in the running server as soon as you press OK or Apply.</source>
        <translation>Как сервер представляется и на каких адресах принимает соединения, его сертификат TLS, ограничения размера и соединений, DNS-серверы и срок хранения журналов. Изменения вступают в силу на работающем сервере, как только вы нажмёте «ОК» или «Применить».</translation>
    </message>
    <message>
        <source>These settings are read-only. Use File &gt; Enter administration mode… to change them.</source>
        <translation>Эти параметры доступны только для чтения. Чтобы изменить их, выберите «Файл &gt; Войти в режим администрирования…».</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>Имя узла:</translation>
    </message>
    <message>
        <source>mail.example.com</source>
        <translation>mail.example.com</translation>
    </message>
    <message>
        <source>Listen on addresses:</source>
        <translation>Принимать соединения на адресах:</translation>
    </message>
    <message>
        <source>0.0.0.0,::</source>
        <translation>0.0.0.0,::</translation>
    </message>
    <message>
        <source>SMTP port:</source>
        <translation>Порт SMTP:</translation>
    </message>
    <message>
        <source>Submission port:</source>
        <translation>Порт Submission:</translation>
    </message>
    <message>
        <source>SMTPS port:</source>
        <translation>Порт SMTPS:</translation>
    </message>
    <message>
        <source>POP3 port:</source>
        <translation>Порт POP3:</translation>
    </message>
    <message>
        <source>POP3S port:</source>
        <translation>Порт POP3S:</translation>
    </message>
    <message>
        <source>A port of 0 turns that service off. Clients reach the server on the new ports at once.</source>
        <translation>Порт 0 отключает соответствующую службу. Клиенты сразу могут подключаться к серверу по новым портам.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Сертификат</translation>
    </message>
    <message>
        <source>Certificate file:</source>
        <translation>Файл сертификата:</translation>
    </message>
    <message>
        <source>empty: a self-signed certificate Postern makes</source>
        <translation>пусто: самоподписанный сертификат, созданный Postern</translation>
    </message>
    <message>
        <source>Key file:</source>
        <translation>Файл ключа:</translation>
    </message>
    <message>
        <source>PEM private key, unencrypted</source>
        <translation>закрытый ключ PEM, без шифрования</translation>
    </message>
    <message>
        <source>Choose files…</source>
        <translation>Выбрать файлы…</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Ограничения</translation>
    </message>
    <message>
        <source>Largest message:</source>
        <translation>Наибольшее сообщение:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> МБ</translation>
    </message>
    <message>
        <source>0 means no limit.</source>
        <translation>0 означает без ограничений.</translation>
    </message>
    <message>
        <source>SMTP connections at once:</source>
        <translation>Одновременных соединений SMTP:</translation>
    </message>
    <message>
        <source>SMTP connections per client:</source>
        <translation>Соединений SMTP на клиента:</translation>
    </message>
    <message>
        <source>POP3 connections at once:</source>
        <translation>Одновременных соединений POP3:</translation>
    </message>
    <message>
        <source>POP3 connections per client:</source>
        <translation>Соединений POP3 на клиента:</translation>
    </message>
    <message>
        <source>DNS and log</source>
        <translation>DNS и журнал</translation>
    </message>
    <message>
        <source>DNS servers:</source>
        <translation>DNS-серверы:</translation>
    </message>
    <message>
        <source>empty: the system&apos;s (/etc/resolv.conf)</source>
        <translation>пусто: системные (/etc/resolv.conf)</translation>
    </message>
    <message>
        <source>DNS timeout:</source>
        <translation>Тайм-аут DNS:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> мс</translation>
    </message>
    <message>
        <source>Keep log files for:</source>
        <translation>Хранить файлы журнала:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Интерфейс</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>A new language is used from the next start of Postern.</source>
        <translation>Новый язык будет использоваться при следующем запуске Postern.</translation>
    </message>
    <message>
        <source>Notify me about auto-bans</source>
        <translation>Уведомлять об автоблокировках</translation>
    </message>
    <message>
        <source>New admin password:</source>
        <translation>Новый пароль администратора:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Повторите его:</translation>
    </message>
    <message>
        <source>Remove the admin password</source>
        <translation>Удалить пароль администратора</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Системный по умолчанию</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not valid here</source>
        <translation>здесь недопустимо</translation>
    </message>
    <message>
        <source>Choose both the certificate file and its key file, or leave both empty for the self-signed certificate.</source>
        <translation>Выберите и файл сертификата, и файл его ключа, или оставьте оба поля пустыми для самоподписанного сертификата.</translation>
    </message>
    <message>
        <source>The two admin passwords differ. Type the same password twice.</source>
        <translation>Пароли администратора не совпадают. Введите один и тот же пароль дважды.</translation>
    </message>
    <message>
        <source>The admin password needs at least %1 characters.</source>
        <translation>Пароль администратора должен содержать не менее %1 символов.</translation>
    </message>
    <message>
        <source>Saved. The running server uses the new settings now.</source>
        <translation>Сохранено. Работающий сервер уже использует новые параметры.</translation>
    </message>
    <message>
        <source>The admin password has been removed.</source>
        <translation>Пароль администратора удалён.</translation>
    </message>
    <message>
        <source>Certificate file (PEM)</source>
        <translation>Файл сертификата (PEM)</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Сертификаты (*.crt *.pem *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Key file of this certificate (PEM)</source>
        <translation>Файл ключа этого сертификата (PEM)</translation>
    </message>
    <message>
        <source>Keys (*.key *.pem);;All files (*)</source>
        <translation>Ключи (*.key *.pem);;Все файлы (*)</translation>
    </message>
    <message>
        <source>No certificate: %1</source>
        <translation>Нет сертификата: %1</translation>
    </message>
    <message>
        <source>self-signed, made by Postern</source>
        <translation>самоподписанный, создан Postern</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>самоподписанный</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>выдан %1</translation>
    </message>
    <message>
        <source>Current certificate (%1)
Subject: %2
Expires: %3 (%4 days left)
SHA-256: %5</source>
        <translation>Текущий сертификат (%1)
Субъект: %2
Истекает: %3 (осталось дней: %4)
SHA-256: %5</translation>
    </message>
    <message>
        <source>An admin password is set: administration mode asks for it. Type a new one twice to change it.</source>
        <translation>Пароль администратора задан: режим администрирования запрашивает его. Чтобы изменить пароль, введите новый дважды.</translation>
    </message>
    <message>
        <source>No admin password is set: anyone at this desktop can enter administration mode. Type one twice to set it.</source>
        <translation>Пароль администратора не задан: любой за этим компьютером может войти в режим администрирования. Чтобы задать пароль, введите его дважды.</translation>
    </message>
</context>
<context>
    <name>OutboundDialog</name>
    <message>
        <source>Outbound Delivery</source>
        <translation>Исходящая доставка</translation>
    </message>
    <message>
        <source>How Postern delivers mail for other domains: directly to each domain&apos;s mail server or through your provider&apos;s smart host, with which encryption, and how long it keeps trying.</source>
        <translation>Как Postern доставляет почту для других доменов: напрямую на почтовый сервер каждого домена или через смарт-хост вашего провайдера, с каким шифрованием и как долго он пытается.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: войдите в режим администрирования, чтобы изменить эти настройки.</translation>
    </message>
    <message>
        <source>Smart host</source>
        <translation>Смарт-хост</translation>
    </message>
    <message>
        <source>Most internet providers block connections to port 25 from home and office lines, so mail sent directly to the recipients&apos; servers never leaves. Then enter your provider&apos;s mail server here (for example mail.provider.example:587) with your login there, and Postern hands every message for other domains to it. Leave the server empty to deliver directly to each recipient domain&apos;s mail server (MX).</source>
        <translation>Большинство интернет-провайдеров блокируют соединения с портом 25 с домашних и офисных линий, и почта, отправленная напрямую на серверы получателей, не уходит. Тогда укажите здесь почтовый сервер провайдера (например, mail.provider.example:587) и вашу учётную запись на нём, и Postern будет передавать ему каждое письмо для других доменов. Оставьте сервер пустым, чтобы доставлять напрямую на почтовый сервер (MX) домена получателя.</translation>
    </message>
    <message>
        <source>Smart host (host:port):</source>
        <translation>Смарт-хост (хост:порт):</translation>
    </message>
    <message>
        <source>empty: deliver directly (MX)</source>
        <translation>пусто: доставлять напрямую (MX)</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>пусто: без входа</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Set password…</source>
        <translation>Задать пароль…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>None (plain text: only on a trusted network)</source>
        <translation>Нет (открытый текст: только в доверенной сети)</translation>
    </message>
    <message>
        <source>Opportunistic (encrypt when offered)</source>
        <translation>По возможности (шифровать, если предложено)</translation>
    </message>
    <message>
        <source>Required (refuse to send unencrypted)</source>
        <translation>Обязательно (не отправлять без шифрования)</translation>
    </message>
    <message>
        <source>Required and verified (check the certificate)</source>
        <translation>Обязательно с проверкой (проверять сертификат)</translation>
    </message>
    <message>
        <source>Port 465 means TLS from the first byte; other ports use STARTTLS. Keep TLS required so your login and password never cross the network in plain text.</source>
        <translation>Порт 465 означает TLS с первого байта; другие порты используют STARTTLS. Оставьте TLS обязательным, чтобы логин и пароль никогда не передавались по сети открытым текстом.</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Доставка</translation>
    </message>
    <message>
        <source>TLS for direct delivery:</source>
        <translation>TLS при прямой доставке:</translation>
    </message>
    <message>
        <source>Opportunistic works with every server and encrypts wherever the other side offers STARTTLS. Required gives up on servers without TLS. Verified also checks each server&apos;s certificate against the trusted authorities, which many mail servers do not pass.</source>
        <translation>«По возможности» работает с любым сервером и шифрует везде, где другая сторона предлагает STARTTLS. «Обязательно» отказывается от серверов без TLS. «С проверкой» также проверяет сертификат каждого сервера по доверенным центрам сертификации, чего многие почтовые серверы не проходят.</translation>
    </message>
    <message>
        <source>Trusted authorities (CA file):</source>
        <translation>Доверенные центры сертификации (файл CA):</translation>
    </message>
    <message>
        <source>empty: the system&apos;s trusted authorities</source>
        <translation>пусто: доверенные центры сертификации системы</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Retry after:</source>
        <translation>Повторять через:</translation>
    </message>
    <message>
        <source>Waits between attempts, separated by commas (s, m, h, d); the last one repeats until the message is given up.</source>
        <translation>Паузы между попытками через запятую (s, m, h, d); последняя повторяется, пока от письма не откажутся.</translation>
    </message>
    <message>
        <source>Give up after:</source>
        <translation>Прекратить попытки через:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ч</translation>
    </message>
    <message>
        <source>Tell the sender of a delay after:</source>
        <translation>Сообщить отправителю о задержке через:</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>Connections to one domain at once:</source>
        <translation>Одновременных соединений с одним доменом:</translation>
    </message>
    <message>
        <source>Outgoing connections at once:</source>
        <translation>Одновременных исходящих соединений:</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <source>A route sends the mail for one domain to a server of your choice instead of that domain&apos;s MX and the smart host, for instance a partner&apos;s server reached over a VPN.</source>
        <translation>Маршрут направляет почту для одного домена на выбранный вами сервер вместо MX этого домена и смарт-хоста, например на сервер партнёра, доступный через VPN.</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Домен</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>The settings cannot be read: %1</source>
        <translation>Не удаётся прочитать настройки: %1</translation>
    </message>
    <message>
        <source>Trusted authorities</source>
        <translation>Доверенные центры сертификации</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The routes cannot be read: %1</source>
        <translation>Не удаётся прочитать маршруты: %1</translation>
    </message>
    <message>
        <source>Whether a smart host password is stored cannot be read: %1</source>
        <translation>Не удаётся узнать, сохранён ли пароль смарт-хоста: %1</translation>
    </message>
    <message>
        <source>A smart host password needs a login: fill in the login, or clear the password.</source>
        <translation>Паролю смарт-хоста нужен логин: укажите логин или удалите пароль.</translation>
    </message>
    <message>
        <source>The domain %1 has a route already: edit that one.</source>
        <translation>Для домена %1 уже есть маршрут: измените его.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>%1 (new password)</source>
        <translation>%1 (новый пароль)</translation>
    </message>
    <message>
        <source>%1 (password stored)</source>
        <translation>%1 (пароль сохранён)</translation>
    </message>
    <message>
        <source>A new password is stored on OK or Apply.</source>
        <translation>Новый пароль будет сохранён по OK или «Применить».</translation>
    </message>
    <message>
        <source>The stored password is removed on OK or Apply.</source>
        <translation>Сохранённый пароль будет удалён по OK или «Применить».</translation>
    </message>
    <message>
        <source>A password is stored.</source>
        <translation>Пароль сохранён.</translation>
    </message>
    <message>
        <source>No password is stored.</source>
        <translation>Пароль не сохранён.</translation>
    </message>
    <message>
        <source>This server does not know these settings, so they cannot be changed here: %1</source>
        <translation>Этот сервер не знает этих настроек, поэтому их здесь нельзя изменить: %1</translation>
    </message>
</context>
<context>
    <name>OutboundInput</name>
    <message>
        <source>Smart host: write host:port, for example mail.provider.example:587.</source>
        <translation>Смарт-хост: укажите хост:порт, например mail.provider.example:587.</translation>
    </message>
    <message>
        <source>Smart host: &quot;%1&quot; is neither a host name nor an IP address.</source>
        <translation>Смарт-хост: «%1» — не имя хоста и не IP-адрес.</translation>
    </message>
    <message>
        <source>Retry after: &quot;%1&quot; is not a wait. Write waits like 5m,15m,1h,4h (s, m, h or d after each number).</source>
        <translation>Повторять через: «%1» — не пауза. Пишите паузы так: 5m,15m,1h,4h (s, m, h или d после каждого числа).</translation>
    </message>
</context>
<context>
    <name>PasswordTwiceDialog</name>
    <message>
        <source>Smart Host Password</source>
        <translation>Пароль смарт-хоста</translation>
    </message>
    <message>
        <source>The password of the login at the smart host. Postern keeps it in its data directory, readable only by the server, and never shows it again.</source>
        <translation>Пароль учётной записи на смарт-хосте. Postern хранит его в своём каталоге данных, доступным для чтения только серверу, и больше никогда его не показывает.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Type the password in both fields.</source>
        <translation>Введите пароль в оба поля.</translation>
    </message>
    <message>
        <source>The two typings differ: type the same password in both fields.</source>
        <translation>Введённые пароли различаются: введите один и тот же пароль в оба поля.</translation>
    </message>
    <message>
        <source>The password contains a control character, which cannot be sent in a login.</source>
        <translation>Пароль содержит управляющий символ, который нельзя передать при входе.</translation>
    </message>
</context>
<context>
    <name>QueueDetailsDialog</name>
    <message>
        <source>Queued Message</source>
        <translation>Письмо в очереди</translation>
    </message>
    <message>
        <source>Recipients:</source>
        <translation>Получатели:</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Попытки</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Последняя попытка</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Заголовки:</translation>
    </message>
    <message>
        <source>Queued Message %1</source>
        <translation>Письмо в очереди %1</translation>
    </message>
    <message>
        <source>Sender: %1
Received: %2 (%3 ago)
Size: %4</source>
        <translation>Отправитель: %1
Получено: %2 (%3 назад)
Размер: %4</translation>
    </message>
    <message>
        <source>&lt;&gt; (a report)</source>
        <translation>&lt;&gt; (отчёт)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>QueueText</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 д %2 ч</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 ч %2 мин</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 мин</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>не доставлено</translation>
    </message>
</context>
<context>
    <name>QueueWindow</name>
    <message>
        <source>Outbound Queue</source>
        <translation>Очередь исходящих</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to retry, delete or return messages.</source>
        <translation>Только чтение: войдите в режим администрирования, чтобы повторять, удалять или возвращать письма.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Возраст</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Отправитель</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Получатели</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Следующая попытка</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <source>The queue is empty: every message for other servers has been delivered or returned.</source>
        <translation>Очередь пуста: каждое письмо для других серверов доставлено или возвращено.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Подробности…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>Повторить все</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Return to sender…</source>
        <translation>Вернуть отправителю…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The queue cannot be read: %1</source>
        <translation>Не удаётся прочитать очередь: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>&lt;&gt; (a report)</source>
        <translation>&lt;&gt; (отчёт)</translation>
    </message>
    <message numerus="yes">
        <source>Outbound Queue (%n)</source>
        <translation>
            <numerusform>Очередь исходящих (%n)</numerusform>
            <numerusform>Очередь исходящих (%n)</numerusform>
            <numerusform>Очередь исходящих (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete messages</source>
        <translation>Удаление писем</translation>
    </message>
    <message>
        <source>Return to sender</source>
        <translation>Вернуть отправителю</translation>
    </message>
    <message>
        <source>The message cannot be shown: %1</source>
        <translation>Не удаётся показать письмо: %1</translation>
    </message>
    <message numerus="yes">
        <source>Messages waiting for delivery to other servers: %n.</source>
        <translation>
            <numerusform>%n письмо ожидает доставки на другие серверы.</numerusform>
            <numerusform>%n письма ожидают доставки на другие серверы.</numerusform>
            <numerusform>%n писем ожидают доставки на другие серверы.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected messages: %n. Delete them from the queue? They are gone for good: nobody receives them and the senders are not told.</source>
        <translation>
            <numerusform>Удалить %n выбранное письмо из очереди? Оно пропадёт навсегда: его никто не получит, и отправителю об этом не сообщат.</numerusform>
            <numerusform>Удалить %n выбранных письма из очереди? Они пропадут навсегда: их никто не получит, и отправителям об этом не сообщат.</numerusform>
            <numerusform>Удалить %n выбранных писем из очереди? Они пропадут навсегда: их никто не получит, и отправителям об этом не сообщат.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected messages: %n. Return them to their senders? Delivery stops, and each sender gets a failure report for the recipients that have not received the message.</source>
        <translation>
            <numerusform>Вернуть %n выбранное письмо отправителю? Доставка прекратится, и отправитель получит отчёт о неудаче для получателей, которым письмо ещё не доставлено.</numerusform>
            <numerusform>Вернуть %n выбранных письма отправителям? Доставка прекратится, и каждый отправитель получит отчёт о неудаче для получателей, которым письмо ещё не доставлено.</numerusform>
            <numerusform>Вернуть %n выбранных писем отправителям? Доставка прекратится, и каждый отправитель получит отчёт о неудаче для получателей, которым письмо ещё не доставлено.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recipients to be tried again now: %n.</source>
        <translation>
            <numerusform>Доставка %n получателю будет сейчас повторена.</numerusform>
            <numerusform>Доставка %n получателям будет сейчас повторена.</numerusform>
            <numerusform>Доставка %n получателям будет сейчас повторена.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RangeListAdapter</name>
    <message>
        <source>Enter an IP address (192.0.2.7) or a CIDR range (192.0.2.0/24, 2001:db8::/32).</source>
        <translation>Введите IP-адрес (192.0.2.7) или диапазон CIDR (192.0.2.0/24, 2001:db8::/32).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or CIDR range: %2</source>
        <translation>«%1» — не IP-адрес и не диапазон CIDR: %2</translation>
    </message>
    <message>
        <source>The comment may not contain tabs or line breaks.</source>
        <translation>Комментарий не может содержать табуляции и переводы строк.</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <source>Mail for the domain:</source>
        <translation>Почта для домена:</translation>
    </message>
    <message>
        <source>goes to the server:</source>
        <translation>идёт на сервер:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Порт:</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>None (plain text)</source>
        <translation>Нет (открытый текст)</translation>
    </message>
    <message>
        <source>Opportunistic (encrypt when offered)</source>
        <translation>По возможности (шифровать, если предложено)</translation>
    </message>
    <message>
        <source>Required (refuse to send unencrypted)</source>
        <translation>Обязательно (не отправлять без шифрования)</translation>
    </message>
    <message>
        <source>Required and verified (check the certificate)</source>
        <translation>Обязательно с проверкой (проверять сертификат)</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Логин:</translation>
    </message>
    <message>
        <source>empty: no login</source>
        <translation>пусто: без входа</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Пароль ещё раз:</translation>
    </message>
    <message>
        <source>Changing a route stores it anew: type its password again.</source>
        <translation>Изменённый маршрут сохраняется заново: введите его пароль ещё раз.</translation>
    </message>
    <message>
        <source>Edit Route</source>
        <translation>Изменение маршрута</translation>
    </message>
    <message>
        <source>Domain: %1</source>
        <translation>Домен: %1</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>A password needs a login: fill in the login or leave both passwords empty.</source>
        <translation>Паролю нужен логин: укажите логин или оставьте оба поля пароля пустыми.</translation>
    </message>
    <message>
        <source>Type the route&apos;s password again: an edited route is stored anew.</source>
        <translation>Введите пароль маршрута ещё раз: изменённый маршрут сохраняется заново.</translation>
    </message>
</context>
<context>
    <name>SendLimitsDialog</name>
    <message>
        <source>Send Limits</source>
        <translation>Ограничения отправки</translation>
    </message>
    <message>
        <source>Send limits stop one account from sending a flood of mail, for instance when its password has been stolen, and keep very large messages off the server. Connection limits are in Options.</source>
        <translation>Ограничения отправки не дают одной учётной записи разослать поток почты, например если её пароль украден, и не пропускают на сервер очень большие сообщения. Ограничения соединений находятся в параметрах.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: чтобы изменить эти параметры, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Messages per account per hour:</source>
        <translation>Сообщений в час на учётную запись:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Без ограничений</translation>
    </message>
    <message>
        <source>Recipients per message:</source>
        <translation>Получателей на сообщение:</translation>
    </message>
    <message>
        <source>Largest message:</source>
        <translation>Наибольшее сообщение:</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> МБ</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Без ограничений</translation>
    </message>
</context>
<context>
    <name>SenderRulesDialog</name>
    <message>
        <source>Sender Rules</source>
        <translation>Правила отправителей</translation>
    </message>
    <message>
        <source>Sender rules look at the address a message claims to come from. They add a little safety on top of authentication, but a sender&apos;s address is easily forged, so they never replace it.</source>
        <translation>Правила отправителей проверяют адрес, от имени которого якобы отправлено сообщение. Они немного повышают безопасность в дополнение к аутентификации, но адрес отправителя легко подделать, поэтому они никогда её не заменяют.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: чтобы изменить эти параметры, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Allow relay only if the sender&apos;s domain is local</source>
        <translation>Разрешать ретрансляцию, только если домен отправителя локальный</translation>
    </message>
    <message>
        <source>Allow relay only if the sender has an account</source>
        <translation>Разрешать ретрансляцию, только если у отправителя есть учётная запись</translation>
    </message>
    <message>
        <source>Authenticated users may send only as their own address or their aliases</source>
        <translation>Прошедшие аутентификацию пользователи могут отправлять только от своего адреса или своих псевдонимов</translation>
    </message>
</context>
<context>
    <name>SettingsBinder</name>
    <message>
        <source>Enter administration mode to change settings.</source>
        <translation>Чтобы изменить параметры, войдите в режим администрирования.</translation>
    </message>
</context>
<context>
    <name>SmtpAfterPopDialog</name>
    <message>
        <source>SMTP After POP</source>
        <translation>SMTP после POP</translation>
    </message>
    <message>
        <source>With SMTP after POP, a program that has just logged in to collect its mail by POP3 may send mail through this server from the same internet address for a few minutes, without SMTP authentication. Use it only for old mail programs that cannot authenticate: everyone behind the same address shares the permission.</source>
        <translation>При SMTP после POP программа, которая только что вошла по POP3 для получения почты, может в течение нескольких минут отправлять почту через этот сервер с того же интернет-адреса без SMTP-аутентификации. Используйте это только для старых почтовых программ, не поддерживающих аутентификацию: разрешение получают все, кто находится за тем же адресом.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: чтобы изменить эти параметры, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Enable SMTP after POP</source>
        <translation>Включить SMTP после POP</translation>
    </message>
    <message>
        <source>Allow sending for:</source>
        <translation>Разрешать отправку в течение:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
</context>
<context>
    <name>SmtpAuthenticationDialog</name>
    <message>
        <source>SMTP Authentication</source>
        <translation>SMTP-аутентификация</translation>
    </message>
    <message>
        <source>Postern passes mail on to other domains (relaying) only for a client that has logged in with SMTP authentication, comes from a trusted address, or collected its mail by POP3 moments before (SMTP after POP). A fresh install is never an open relay: nobody else can send mail through it.</source>
        <translation>Postern передаёт почту в другие домены (ретрансляция) только клиенту, который вошёл с SMTP-аутентификацией, подключается с доверенного адреса или только что получил свою почту по POP3 (SMTP после POP). Новая установка никогда не является открытым релеем: никто посторонний не может отправлять через неё почту.</translation>
    </message>
    <message>
        <source>Read-only: enter administration mode to change these settings.</source>
        <translation>Только чтение: чтобы изменить эти параметры, войдите в режим администрирования.</translation>
    </message>
    <message>
        <source>Require authentication for senders from local domains</source>
        <translation>Требовать аутентификацию для отправителей из локальных доменов</translation>
    </message>
    <message>
        <source>Use POP3 user names and passwords for SMTP authentication</source>
        <translation>Использовать имена и пароли POP3 для SMTP-аутентификации</translation>
    </message>
    <message>
        <source>Passwords without encryption (TLS):</source>
        <translation>Пароли без шифрования (TLS):</translation>
    </message>
    <message>
        <source>SMTP-only logins…</source>
        <translation>Учётные записи только для SMTP…</translation>
    </message>
    <message>
        <source>Never: always require TLS first</source>
        <translation>Никогда: всегда сначала требовать TLS</translation>
    </message>
    <message>
        <source>Only from this computer</source>
        <translation>Только с этого компьютера</translation>
    </message>
    <message>
        <source>From this computer and the office networks</source>
        <translation>С этого компьютера и из офисных сетей</translation>
    </message>
    <message>
        <source>Always (not recommended)</source>
        <translation>Всегда (не рекомендуется)</translation>
    </message>
</context>
<context>
    <name>SmtpLoginsDialog</name>
    <message>
        <source>SMTP-only Logins</source>
        <translation>Учётные записи только для SMTP</translation>
    </message>
    <message>
        <source>An SMTP-only login lets a device without a mailbox, such as a scanner or a printer, send mail through this server: it authenticates with this name and password. It cannot collect mail with POP3 and nothing is delivered to it. Names are made of letters, digits, dots, hyphens and underscores.</source>
        <translation>Учётная запись только для SMTP позволяет устройству без почтового ящика, например сканеру или принтеру, отправлять почту через этот сервер: оно проходит аутентификацию с этим именем и паролем. Оно не может получать почту по POP3, и ему ничего не доставляется. Имена состоят из букв, цифр, точек, дефисов и знаков подчёркивания.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>scanner-2nd-floor</source>
        <translation>scanner-2nd-floor</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Пароль ещё &amp;раз:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Type the login&apos;s name first.</source>
        <translation>Сначала введите имя учётной записи.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid login name: use up to %2 letters, digits, dots, hyphens and underscores (no @).</source>
        <translation>«%1» — недопустимое имя учётной записи: используйте не более %2 букв, цифр, точек, дефисов и знаков подчёркивания (без @).</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 уже есть в списке.</translation>
    </message>
    <message>
        <source>Choose the login to remove first.</source>
        <translation>Сначала выберите удаляемую учётную запись.</translation>
    </message>
    <message>
        <source>Remove the SMTP-only login %1?

A device using it can no longer send mail through this server until it is given another login.</source>
        <translation>Удалить учётную запись только для SMTP %1?

Устройство, использующее её, больше не сможет отправлять почту через этот сервер, пока ему не будет назначена другая учётная запись.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Connections now:</source>
        <translation>Соединений сейчас:</translation>
    </message>
    <message>
        <source>Messages received today:</source>
        <translation>Получено сообщений сегодня:</translation>
    </message>
    <message>
        <source>Relayed today:</source>
        <translation>Ретранслировано сегодня:</translation>
    </message>
    <message>
        <source>Logins today:</source>
        <translation>Входов сегодня:</translation>
    </message>
    <message>
        <source>Refused today:</source>
        <translation>Отклонено сегодня:</translation>
    </message>
    <message>
        <source>Addresses banned today:</source>
        <translation>Заблокировано адресов сегодня:</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Требует внимания</translation>
    </message>
    <message>
        <source>Fix…</source>
        <translation>Исправить…</translation>
    </message>
</context>
<context>
    <name>TlsChoice</name>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Opportunistic</source>
        <translation>По возможности</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Обязательно</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>С проверкой</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open Postern</source>
        <translation>Открыть Postern</translation>
    </message>
    <message>
        <source>Log Viewer</source>
        <translation>Просмотр журнала</translation>
    </message>
    <message>
        <source>Start Server</source>
        <translation>Запустить сервер</translation>
    </message>
    <message>
        <source>Stop Server</source>
        <translation>Остановить сервер</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Postern: running</source>
        <translation>Postern: работает</translation>
    </message>
    <message>
        <source>Postern: starting</source>
        <translation>Postern: запускается</translation>
    </message>
    <message>
        <source>Postern: could not start</source>
        <translation>Postern: не удалось запустить</translation>
    </message>
    <message>
        <source>Postern: stopped</source>
        <translation>Postern: остановлен</translation>
    </message>
    <message>
        <source>Connections now: %1
Today: %2 received, %3 relayed, %4 logins
Refused: %5, banned: %6</source>
        <translation>Соединений сейчас: %1
Сегодня: получено %2, ретранслировано %3, входов %4
Отклонено: %5, заблокировано: %6</translation>
    </message>
    <message>
        <source>Postern could not start</source>
        <translation>Не удалось запустить Postern</translation>
    </message>
    <message>
        <source>A service could not start</source>
        <translation>Не удалось запустить службу</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 на %2: %3</translation>
    </message>
    <message>
        <source>Certificate problem</source>
        <translation>Проблема с сертификатом</translation>
    </message>
    <message>
        <source>Auto-ban</source>
        <translation>Автоблокировка</translation>
    </message>
    <message numerus="yes">
        <source>%n address(es) banned by auto-ban.</source>
        <translation>
            <numerusform>Автоблокировкой заблокирован %n адрес.</numerusform>
            <numerusform>Автоблокировкой заблокировано %n адреса.</numerusform>
            <numerusform>Автоблокировкой заблокировано %n адресов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Postern</source>
        <translation>Выход из Postern</translation>
    </message>
    <message>
        <source>Quit Postern? The mail server stops, and mail is no longer received until Postern is started again.</source>
        <translation>Выйти из Postern? Почтовый сервер остановится, и почта не будет приниматься, пока Postern не будет запущен снова.</translation>
    </message>
    <message>
        <source>Close Postern</source>
        <translation>Закрытие Postern</translation>
    </message>
    <message>
        <source>This desktop has no notification area, so Postern cannot keep running in the background there. Stop the server and quit, or keep it running with the window minimized?</source>
        <translation>В этой среде рабочего стола нет области уведомлений, поэтому Postern не может работать в ней в фоновом режиме. Остановить сервер и выйти или оставить его работать со свёрнутым окном?</translation>
    </message>
    <message>
        <source>Stop server and quit</source>
        <translation>Остановить сервер и выйти</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Продолжить работу</translation>
    </message>
    <message>
        <source>Postern keeps running</source>
        <translation>Postern продолжает работать</translation>
    </message>
    <message>
        <source>The mail server keeps running in the background. Use this icon to open the window or to quit.</source>
        <translation>Почтовый сервер продолжает работать в фоновом режиме. С помощью этого значка можно открыть окно или выйти.</translation>
    </message>
</context>
<context>
    <name>TrustedAddressesDialog</name>
    <message>
        <source>Trusted IP Addresses</source>
        <translation>Доверенные IP-адреса</translation>
    </message>
    <message>
        <source>Clients connecting from these addresses or ranges may relay mail to any domain without authenticating (spam filtering still applies). Anyone on a trusted network can send through this server as if they were you, so list only the office&apos;s own networks here; people who travel should use SMTP authentication instead.</source>
        <translation>Клиенты, подключающиеся с этих адресов или диапазонов, могут ретранслировать почту в любой домен без аутентификации (фильтрация спама всё равно применяется). Любой в доверенной сети может отправлять почту через этот сервер как будто от вашего имени, поэтому указывайте здесь только собственные сети офиса; сотрудникам в разъездах следует использовать SMTP-аутентификацию.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Address or &amp;range:</source>
        <translation>Адрес или &amp;диапазон:</translation>
    </message>
    <message>
        <source>192.168.1.0/24</source>
        <translation>192.168.1.0/24</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Комментарий:</translation>
    </message>
    <message>
        <source>office LAN</source>
        <translation>офисная ЛВС</translation>
    </message>
    <message>
        <source>Address or range</source>
        <translation>Адрес или диапазон</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>Clients in %1 may relay without authenticating. Comment: %2</source>
        <translation>Клиенты из %1 могут ретранслировать почту без аутентификации. Комментарий: %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Пользователи</translation>
    </message>
    <message>
        <source>Each user has a mailbox on this server: mail to the address is stored here and collected with POP3 using the address and password, and the same address and password let the user send mail through this server (SMTP authentication). The quota limits how much mail the mailbox may hold (0 means no limit); a disabled user can neither log in nor receive mail. Choose a user in the list to change it.</source>
        <translation>У каждого пользователя есть почтовый ящик на этом сервере: почта на его адрес сохраняется здесь и забирается по POP3 с помощью адреса и пароля, а те же адрес и пароль позволяют пользователю отправлять почту через этот сервер (SMTP-аутентификация). Квота ограничивает объём почты в почтовом ящике (0 — без ограничений); отключённый пользователь не может ни входить, ни получать почту. Чтобы изменить пользователя, выберите его в списке.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Квота</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Включён</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Отображаемое имя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>Password a&amp;gain:</source>
        <translation>Пароль ещё &amp;раз:</translation>
    </message>
    <message>
        <source>&amp;Quota:</source>
        <translation>&amp;Квота:</translation>
    </message>
    <message>
        <source>0 = unlimited; for example 500M or 2G</source>
        <translation>0 = без ограничений; например, 500M или 2G</translation>
    </message>
    <message>
        <source>&amp;Enabled (may log in and receive mail)</source>
        <translation>&amp;Включён (может входить и получать почту)</translation>
    </message>
    <message>
        <source>When changing a user, leave both password fields empty to keep the password.</source>
        <translation>При изменении пользователя оставьте оба поля пароля пустыми, чтобы сохранить прежний пароль.</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Новый</translation>
    </message>
    <message>
        <source>A&amp;dd User</source>
        <translation>&amp;Добавить пользователя</translation>
    </message>
    <message>
        <source>&amp;Change User</source>
        <translation>&amp;Изменить пользователя</translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation>&amp;Удалить пользователя</translation>
    </message>
    <message>
        <source>There is no domain yet: add one under Accounts ▸ Domains first.</source>
        <translation>Доменов пока нет: сначала добавьте домен в разделе «Учётные записи ▸ Домены».</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Choose the user&apos;s domain (add it under Accounts ▸ Domains first).</source>
        <translation>Выберите домен пользователя (сначала добавьте его в разделе «Учётные записи ▸ Домены»).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid address: %2</source>
        <translation>«%1» — недопустимый адрес: %2</translation>
    </message>
    <message>
        <source>%1 is already a user.</source>
        <translation>%1 уже является пользователем.</translation>
    </message>
    <message>
        <source>Choose the user to change in the list first.</source>
        <translation>Сначала выберите в списке изменяемого пользователя.</translation>
    </message>
    <message>
        <source>Choose the user to remove in the list first.</source>
        <translation>Сначала выберите в списке удаляемого пользователя.</translation>
    </message>
    <message>
        <source>Remove the user %1?

The user can no longer log in, and mail to %1 is refused from now on (aliases that pointed to it no longer do). The mail already stored in the mailbox is not deleted: it stays on disk in %2, and the user sees it again if you add %1 back.</source>
        <translation>Удалить пользователя %1?

Пользователь больше не сможет входить, и с этого момента почта на %1 будет отклоняться (псевдонимы, указывавшие на него, перестанут это делать). Почта, уже сохранённая в почтовом ящике, не удаляется: она остаётся на диске в %2, и пользователь снова увидит её, если вы снова добавите %1.</translation>
    </message>
</context>
</TS>
