<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name></name>
    <message>
        <location filename="../../ui/window/refresh.py" line="175"/>
        <location filename="../../ui/conversation.py" line="66"/>
        <source>Open</source>
        <extracomment>Extra safe HTML per timeline entry (a capability&apos;s rendering of its messages). Bytes or an image for a resource the timeline refers to; None: nothing (no network).</extracomment>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="71"/>
        <location filename="../../ui/conversation.py" line="66"/>
        <source>Pending</source>
        <translation>Ожидает клиента</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <location filename="../../ui/reports/window.py" line="89"/>
        <source>{0} h</source>
        <extracomment>how dates and times are written, as QLocale patterns (day and month names in the window&apos;s language, 24-hour clock)</extracomment>
        <translation>{0} ч</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>{0} h {1} min</source>
        <translation>{0} ч {1} мин</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55"/>
        <source>{0} min {1:02d} s</source>
        <translation>{0} мин {1:02d} с</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56"/>
        <location filename="../../ui/reports/window.py" line="88"/>
        <location filename="../../ui/reports/window.py" line="95"/>
        <source>{0} min</source>
        <extracomment>The folder the last export went to (this computer only). Weeks offered in the week list.</extracomment>
        <translation>{0} мин</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="95"/>
        <source>{0} h {1:02d} min</source>
        <translation>{0} ч {1:02d} мин</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="143"/>
        <source>Open folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="146"/>
        <source>Hide this message</source>
        <translation>Скрыть это сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="188"/>
        <source>Reports — SupportDesk</source>
        <translation>Отчёты — SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="210"/>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="211"/>
        <source>Billing</source>
        <translation>Биллинг</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="238"/>
        <source>ISO week</source>
        <translation>Неделя ISO</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="239"/>
        <source>Date range</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="249"/>
        <source>Previous week (Alt+Left)</source>
        <translation>Предыдущая неделя (Alt+Влево)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="258"/>
        <source>Next week (Alt+Right)</source>
        <translation>Следующая неделя (Alt+Вправо)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="276"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="293"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="298"/>
        <source>PDF, A4 pages…</source>
        <translation>PDF, страницы A4…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="299"/>
        <source>PDF, Letter pages…</source>
        <translation>PDF, страницы Letter…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="300"/>
        <source>CSV files…</source>
        <translation>Файлы CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="301"/>
        <source>CSV files for Excel (UTF-8 with BOM)…</source>
        <translation>Файлы CSV для Excel (UTF-8 с BOM)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="302"/>
        <source>HTML page…</source>
        <translation>Страница HTML…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="309"/>
        <source>Schedule…</source>
        <translation>Расписание…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="310"/>
        <source>Write last week&apos;s summary to a folder every week</source>
        <translation>Каждую неделю записывать сводку за прошлую неделю в папку</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="624"/>
        <location filename="../../ui/models.py" line="72"/>
        <location filename="../../ui/conversation.py" line="67"/>
        <source>Solved</source>
        <translation>Решено</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="623"/>
        <source>Opened</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="625"/>
        <source>Reopened</source>
        <translation>Открыто повторно</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="348"/>
        <source>Backlog start → end</source>
        <translation>Очередь: начало → конец</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="348"/>
        <source>SLA first response met</source>
        <translation>Первый ответ в срок SLA</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="349"/>
        <source>First response (median)</source>
        <translation>Первый ответ (медиана)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="350"/>
        <source>Resolution (median)</source>
        <translation>Решение (медиана)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="350"/>
        <source>Escalations</source>
        <translation>Эскалации</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="351"/>
        <source>On-call pages</source>
        <translation>Вызовы дежурных</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="351"/>
        <source>Auto-ack ETAs met</source>
        <translation>Обещанные сроки соблюдены</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="359"/>
        <source>This week against the previous four</source>
        <translation>Эта неделя в сравнении с четырьмя предыдущими</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="360"/>
        <source>conversations</source>
        <translation>обращения</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="361"/>
        <source>Median business hours by channel</source>
        <translation>Медиана рабочих часов по каналам</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="361"/>
        <location filename="../../ui/reports/window.py" line="414"/>
        <source>hours</source>
        <translation>часы</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="367"/>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="372"/>
        <source>Still waiting</source>
        <translation>Ещё ждут</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="372"/>
        <source>By channel</source>
        <translation>По каналам</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="373"/>
        <source>By agent</source>
        <translation>По агентам</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="373"/>
        <source>By customer</source>
        <translation>По клиентам</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="374"/>
        <source>SLA by channel</source>
        <translation>SLA по каналам</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="374"/>
        <source>Previous weeks</source>
        <translation>Предыдущие недели</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="382"/>
        <source>Double-click a conversation to open it in the main window</source>
        <translation>Дважды щёлкните обращение, чтобы открыть его в главном окне</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="406"/>
        <source>Billable work</source>
        <translation>Оплачиваемая работа</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="406"/>
        <location filename="../../ui/reports/window.py" line="661"/>
        <source>Not billable</source>
        <translation>Неоплачиваемая</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="407"/>
        <source>Vendor support (apart)</source>
        <translation>Поддержка поставщиков (отдельно)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="407"/>
        <source>Incidents used</source>
        <translation>Использовано инцидентов</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="408"/>
        <source>Expired unused</source>
        <translation>Истекло неиспользованным</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="414"/>
        <source>Time by customer (top 8)</source>
        <translation>Время по клиентам (первые 8)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="417"/>
        <source>No time was logged in this period.</source>
        <translation>За этот период время не записывалось.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="421"/>
        <source>Time by customer</source>
        <translation>Время по клиентам</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="422"/>
        <source>Contracts and balances</source>
        <translation>Договоры и остатки</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="478"/>
        <source>(so far)</source>
        <translation>(пока)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="556"/>
        <source>Writing…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="557"/>
        <source>Computing…</source>
        <translation>Расчёт…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="577"/>
        <source>The report could not be computed: {0}</source>
        <translation>Не удалось рассчитать отчёт: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="590"/>
        <source>Week {0}</source>
        <translation>Неделя {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="591"/>
        <source>{0} to {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="595"/>
        <source>times in business hours</source>
        <translation>время в рабочих часах</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="597"/>
        <source>new conversations</source>
        <translation>новые обращения</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="598"/>
        <source>%n resolutions timed</source>
        <translation>
            <numerusform>%n решение с замером времени</numerusform>
            <numerusform>%n решения с замером времени</numerusform>
            <numerusform>%n решений с замером времени</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="606"/>
        <source>p90 {0} · %n replies</source>
        <translation>
            <numerusform>p90 {0} · %n ответ</numerusform>
            <numerusform>p90 {0} · %n ответа</numerusform>
            <numerusform>p90 {0} · %n ответов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="610"/>
        <source>p90 {0} · %n solved</source>
        <translation>
            <numerusform>p90 {0} · %n решено</numerusform>
            <numerusform>p90 {0} · %n решено</numerusform>
            <numerusform>p90 {0} · %n решено</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="646"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n клиент</numerusform>
            <numerusform>%n клиента</numerusform>
            <numerusform>%n клиентов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="747"/>
        <source>Wrote %n CSV files to {0}</source>
        <translation>
            <numerusform>Записан %n файл CSV в {0}</numerusform>
            <numerusform>Записано %n файла CSV в {0}</numerusform>
            <numerusform>Записано %n файлов CSV в {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="599"/>
        <source>solved, then opened again</source>
        <translation>решены, затем открыты снова</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="601"/>
        <source>open or pending</source>
        <translation>открытые или ожидающие</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="603"/>
        <source>{0} of {1} on time</source>
        <translation>{0} из {1} в срок</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="612"/>
        <source>raised in this period</source>
        <translation>за этот период</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="613"/>
        <source>urgent, out of hours</source>
        <translation>срочные, вне рабочих часов</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="615"/>
        <source>no acknowledgements sent</source>
        <translation>автоответы не отправлялись</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="619"/>
        <source>{0} missed · {1} not yet due</source>
        <translation>{0} пропущено · {1} ещё не наступило</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="642"/>
        <source>Time and billing, {0} to {1}</source>
        <translation>Время и биллинг, {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="648"/>
        <source>work not billed</source>
        <translation>работа без оплаты</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="650"/>
        <source>with suppliers, for customers</source>
        <translation>у поставщиков, для клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="652"/>
        <source>from incident contracts</source>
        <translation>по договорам за инциденты</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="655"/>
        <source>contracts ended with a balance</source>
        <translation>договоры закончились с остатком</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="656"/>
        <source>nothing lapsed</source>
        <translation>ничего не сгорело</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="662"/>
        <source>Vendor support</source>
        <translation>Поддержка поставщика</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="697"/>
        <source>Folder for the CSV files (a folder named {0} is made in it)</source>
        <translation>Папка для файлов CSV (в ней создаётся папка {0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="704"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="704"/>
        <source>Web pages (*.html)</source>
        <translation>Веб-страницы (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="706"/>
        <source>Export the report</source>
        <translation>Экспортировать отчёт</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="748"/>
        <source>Wrote {0}</source>
        <translation>Записано: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="757"/>
        <source>The report could not be written: {0}</source>
        <translation>Не удалось записать отчёт: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="112"/>
        <location filename="../../ui/conversation.py" line="92"/>
        <source>Conversations</source>
        <translation>Обращения</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="113"/>
        <source>No customer</source>
        <translation>Без клиента</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="78"/>
        <location filename="../../ui/models.py" line="533"/>
        <location filename="../../ui/conversation.py" line="120"/>
        <source>Email</source>
        <extracomment>grows with every reset, so a page read on a worker can tell it came too late rows before this one have their items (see ``_fill_later``) a short word put before a row&apos;s subject (&quot;Draft&quot;), by conversation id (hook)</extracomment>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="78"/>
        <location filename="../../ui/models.py" line="533"/>
        <location filename="../../ui/conversation.py" line="120"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="163"/>
        <location filename="../../ui/models.py" line="78"/>
        <location filename="../../ui/models.py" line="533"/>
        <location filename="../../ui/conversation.py" line="120"/>
        <source>Chat</source>
        <translation>Чат</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="123"/>
        <source>Language: {0}</source>
        <translation>Язык: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="169"/>
        <source>Status (S). Pending means waiting on the customer.</source>
        <extracomment>the conversation shown changed (its id, or None); not sent on a refresh of the same a note was stored and the note box emptied agent id -&gt; name, for the timeline&apos;s escalation items</extracomment>
        <translation>Статус (S). «Ожидает клиента» — ждём ответа клиента.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="173"/>
        <source>Priority (P)</source>
        <translation>Приоритет (P)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="175"/>
        <source>Assignee (A)</source>
        <translation>Исполнитель (A)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="193"/>
        <source>+ Tag</source>
        <translation>+ Метка</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="194"/>
        <source>Add a tag (T)</source>
        <translation>Добавить метку (T)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="70"/>
        <source>Team server</source>
        <translation>Сервер команды</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="73"/>
        <source>Share this inbox with your team: your work syncs in the background with the server your team runs. Everything keeps working offline.</source>
        <translation>Общие входящие для всей команды: ваша работа синхронизируется в фоне с сервером вашей команды. Всё продолжает работать и без сети.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="85"/>
        <source>your user name on the server</source>
        <translation>ваше имя пользователя на сервере</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="88"/>
        <source>not stored; only used to sign in</source>
        <translation>не сохраняется; нужен только для входа</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="91"/>
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="92"/>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="102"/>
        <location filename="../../ui/sync/dialogs.py" line="159"/>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="105"/>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="106"/>
        <source>Forget this device&apos;s sign-in; local work is kept</source>
        <translation>Забыть вход на этом устройстве; локальная работа сохранится</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="132"/>
        <source>This profile holds a generated demo workspace, which never syncs with a team server (its made-up data would mix with real work). Start SupportDesk with a new, empty profile (--profile FOLDER) to connect to your team.</source>
        <translation>В этом профиле — сгенерированное демо-пространство, оно никогда не синхронизируется с сервером команды (вымышленные данные смешались бы с настоящей работой). Чтобы подключиться к команде, запустите SupportDesk с новым пустым профилем (--profile ПАПКА).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="146"/>
        <source>Not connected to a team server.</source>
        <translation>Нет подключения к серверу команды.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="148"/>
        <source>Signed in to {0} as {1} (team {2}).</source>
        <translation>Выполнен вход на {0} как {1} (команда {2}).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="151"/>
        <source>Signed out of {0}. Sign in again to sync.</source>
        <translation>Выполнен выход из {0}. Войдите снова, чтобы синхронизировать.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="290"/>
        <location filename="../../ui/sync/dialogs.py" line="159"/>
        <source>Sign in again</source>
        <translation>Войти снова</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="178"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>Введите адрес сервера, имя пользователя и пароль.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="186"/>
        <source>Signing in…</source>
        <translation>Вход…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="197"/>
        <source>Signing in failed: {0}</source>
        <translation>Не удалось войти: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="205"/>
        <source>Signing out…</source>
        <translation>Выход…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="223"/>
        <source>Conversation</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_preview.py" line="62"/>
        <location filename="../../ui/sync/dialogs.py" line="224"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="225"/>
        <source>Customer contact</source>
        <translation>Контакт клиента</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="34"/>
        <source>A rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="37"/>
        <source>{0} set {1}</source>
        <translation>{0}: статус «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="39"/>
        <source>{0} set priority {1}</source>
        <translation>{0}: приоритет «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="42"/>
        <source>{0} unassigned the conversation</source>
        <translation>{0}: назначение обращения снято</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="43"/>
        <source>{0} assigned {1}</source>
        <translation>{0}: исполнитель — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="46"/>
        <source>{0} added #{1}</source>
        <translation>{0}: добавлена метка #{1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="48"/>
        <source>{0} removed #{1}</source>
        <translation>{0}: снята метка #{1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="50"/>
        <source>{0} moved a message to another conversation (split)</source>
        <translation>{0}: сообщение перенесено в другое обращение (отделение)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="52"/>
        <source>{0} moved a message here (merge)</source>
        <translation>{0}: сообщение перенесено сюда (объединение)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="56"/>
        <source>Rule “{0}” applied</source>
        <translation>Применено правило «{0}»</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="56"/>
        <source>A rule applied</source>
        <translation>Применено правило</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="57"/>
        <source>{0} applied rule “{1}”</source>
        <translation>{0}: применено правило «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="58"/>
        <source>{0} applied a rule</source>
        <translation>{0}: применено правило</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="59"/>
        <source>{0} set the SLA policy “{1}”</source>
        <translation>{0}: политика SLA «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="60"/>
        <source>{0} changed the SLA policy</source>
        <translation>{0}: политика SLA изменена</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="80"/>
        <source>Agent activity</source>
        <translation>Действия агентов</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="83"/>
        <location filename="../../ui/kb/history.py" line="91"/>
        <location filename="../../ui/sync/dialogs.py" line="225"/>
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="85"/>
        <source>What the agent changed</source>
        <translation>Что изменил агент</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="128"/>
        <source>Show history lines</source>
        <translation>Показывать строки истории</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="131"/>
        <source>Status, priority, assignee, tag and other changes in the timeline</source>
        <translation>Смена статуса, приоритета, исполнителя, метки и другие изменения в ленте</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="135"/>
        <source>Agent activity…</source>
        <translation>Действия агентов…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="136"/>
        <source>What each agent changed (for the owner)</source>
        <translation>Что изменил каждый агент (для владельца)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="155"/>
        <source>{0} mentioned {1}</source>
        <translation>{0}: упоминание {1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="171"/>
        <source>Only the team&apos;s owner can see each agent&apos;s activity.</source>
        <translation>Действия каждого агента видит только владелец команды.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="226"/>
        <source>Attachment</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="226"/>
        <source>Mailbox</source>
        <translation>Почтовый ящик</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="233"/>
        <source>Whole change</source>
        <translation>Изменение целиком</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="235"/>
        <source>Tag #{0}</source>
        <translation>Метка #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="109"/>
        <source>Search conversations, customers and phone numbers; Enter shows the results</source>
        <translation>Поиск по обращениям, клиентам и номерам телефонов; Enter показывает результаты</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="110"/>
        <source>Views</source>
        <translation>Представления</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="111"/>
        <source>Inbox views, channels and tags, each with its number of conversations</source>
        <translation>Представления входящих, каналы и метки, у каждого — число обращений</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="113"/>
        <source>The conversations of the chosen view; J and K move, R replies, N writes a note</source>
        <translation>Обращения выбранного представления; J и K — перемещение, R — ответ, N — заметка</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="114"/>
        <source>Columns of the conversation list</source>
        <translation>Столбцы списка обращений</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="115"/>
        <source>Click to sort; right-click to choose the columns</source>
        <translation>Щелчок — сортировка; правый щелчок — выбор столбцов</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="116"/>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <location filename="../../ui/conversation.py" line="200"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="116"/>
        <source>The conversation&apos;s status</source>
        <translation>Статус обращения</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="117"/>
        <location filename="../../ui/layout.py" line="77"/>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <location filename="../../ui/models.py" line="179"/>
        <location filename="../../ui/conversation.py" line="203"/>
        <source>Priority</source>
        <translation>Приоритет</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="117"/>
        <source>The conversation&apos;s priority</source>
        <translation>Приоритет обращения</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="118"/>
        <location filename="../../ui/layout.py" line="77"/>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <location filename="../../ui/models.py" line="179"/>
        <location filename="../../ui/conversation.py" line="206"/>
        <source>Assignee</source>
        <translation>Исполнитель</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="118"/>
        <source>Who works on the conversation</source>
        <translation>Кто работает над обращением</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="119"/>
        <source>Conversation timeline</source>
        <translation>Лента обращения</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="120"/>
        <source>Messages, calls, notes and changes of the conversation, oldest first</source>
        <translation>Сообщения, звонки, заметки и изменения обращения, сначала старые</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="121"/>
        <source>Internal note</source>
        <translation>Внутренняя заметка</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="122"/>
        <source>A note for the team, not sent to the customer; Ctrl+Enter saves it</source>
        <translation>Заметка для команды, клиенту не отправляется; Ctrl+Enter — сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="123"/>
        <source>Saves the internal note</source>
        <translation>Сохраняет внутреннюю заметку</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="124"/>
        <source>Customer&apos;s conversations</source>
        <translation>Обращения клиента</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="125"/>
        <source>Other conversations of this customer; Enter opens one</source>
        <translation>Другие обращения этого клиента; Enter открывает выбранное</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="526"/>
        <source>Organisation</source>
        <translation>Организация</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="47"/>
        <source>Public (help site)</source>
        <translation>Публичная (сайт помощи)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="47"/>
        <source>Internal (team only)</source>
        <translation>Внутренняя (только команда)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="69"/>
        <source>Search articles (folded like conversations)</source>
        <extracomment>a &quot;Turn into article&quot; draft not saved yet: the conversation it came from</extracomment>
        <translation>Поиск статей (как поиск обращений)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="77"/>
        <source>New article</source>
        <translation>Новая статья</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="79"/>
        <source>Publish help site…</source>
        <translation>Опубликовать сайт помощи…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="100"/>
        <source>comma-separated, e.g. billing, refund</source>
        <translation>через запятую, например: оплата, возврат</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="105"/>
        <source>Published on the help site</source>
        <translation>Опубликована на сайте помощи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="121"/>
        <location filename="../../ui/kb/editor.py" line="220"/>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="123"/>
        <source>Insert image…</source>
        <translation>Вставить изображение…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="131"/>
        <source>Revert to this version</source>
        <translation>Вернуть эту версию</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="95"/>
        <location filename="../../ui/kb/editor.py" line="136"/>
        <location filename="../../ui/language.py" line="65"/>
        <location filename="../../ui/language.py" line="188"/>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="119"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="201"/>
        <source>Language</source>
        <extracomment>(setting value, name in its own language); &quot;&quot; follows the system</extracomment>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="71"/>
        <source>Search articles</source>
        <translation>Поиск статей</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="75"/>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="102"/>
        <location filename="../../ui/kb/editor.py" line="138"/>
        <source>Visibility</source>
        <translation>Видимость</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="109"/>
        <source>Article text</source>
        <translation>Текст статьи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="129"/>
        <source>Versions of this article</source>
        <translation>Версии этой статьи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="154"/>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="182"/>
        <source>published</source>
        <translation>опубликована</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="220"/>
        <source>Withdraw</source>
        <translation>Снять с публикации</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="233"/>
        <source>A new article: it stays internal until you make it public and publish it.</source>
        <translation>Новая статья: она остаётся внутренней, пока вы не сделаете её публичной и не опубликуете.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="236"/>
        <source>Version {0}, by {1}. Used {2} times; linked to {3} conversations.</source>
        <translation>Версия {0}, автор: {1}. Использований: {2}; связанных обращений: {3}.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="250"/>
        <source>Drafted from the conversation: edit it, then save. Nothing is published until you click Publish.</source>
        <translation>Черновик из обращения: отредактируйте и сохраните. Ничего не публикуется, пока вы не нажмёте «Опубликовать».</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="272"/>
        <source>{0} is larger than 1 MB; use a smaller image.</source>
        <translation>{0} больше 1 МБ; выберите изображение поменьше.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="278"/>
        <source>{0} is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>{0} — не изображение PNG, JPEG, GIF или WebP.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="281"/>
        <source>{0} could not be read as an image.</source>
        <translation>Не удалось прочитать {0} как изображение.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="287"/>
        <source>Insert an image</source>
        <translation>Вставить изображение</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="288"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="313"/>
        <source>An article needs a title.</source>
        <translation>У статьи должно быть название.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="333"/>
        <source>Delete the article</source>
        <translation>Удалить статью</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="334"/>
        <source>Delete “{0}”? Its history is kept.</source>
        <translation>Удалить «{0}»? История статьи сохранится.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="344"/>
        <source>Choose a version in the history first.</source>
        <translation>Сначала выберите версию в истории.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="351"/>
        <source>Publish the help site to</source>
        <translation>Опубликовать сайт помощи в</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="100"/>
        <source>Team language and phone country</source>
        <translation>Язык команды и страна для телефонов</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="111"/>
        <source>Phone numbers typed without a country code are read as numbers in this country, unless the customer&apos;s country is known.</source>
        <translation>Номера, введённые без кода страны, читаются как номера этой страны, если страна клиента неизвестна.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="114"/>
        <source>Chosen from the team&apos;s time zone until you save another.</source>
        <translation>Выбрано по часовому поясу команды, пока вы не сохраните другое.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="118"/>
        <source>Reports and acknowledgements in</source>
        <translation>Язык отчётов и автоответов</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="119"/>
        <source>Phone numbers without a country code</source>
        <translation>Номера без кода страны</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="154"/>
        <source>Team language and phone country saved.</source>
        <translation>Язык команды и страна для телефонов сохранены.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="200"/>
        <source>Team language and phone country…</source>
        <translation>Язык команды и страна для телефонов…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <source>Unread</source>
        <translation>Непрочитанные</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="240"/>
        <location filename="../../ui/chatimport_dialog.py" line="225"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="248"/>
        <source>your change</source>
        <translation>ваше изменение</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="250"/>
        <source>refused by the server: {0}</source>
        <translation>отклонено сервером: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="252"/>
        <source>tag on</source>
        <translation>метка добавлена</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="252"/>
        <source>tag off</source>
        <translation>метка снята</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="254"/>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="256"/>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="54"/>
        <source>Priority: {0}</source>
        <translation>Приоритет: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="55"/>
        <source>Status: {0}</source>
        <translation>Статус: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="56"/>
        <source>Assignee: {0}</source>
        <translation>Исполнитель: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="57"/>
        <source>Tags: {0}</source>
        <translation>Метки: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="58"/>
        <location filename="../../ui/sync/dialogs.py" line="258"/>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="58"/>
        <location filename="../../ui/sync/dialogs.py" line="258"/>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="58"/>
        <source>Page the on-call person: {0}</source>
        <translation>Вызвать дежурного: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="62"/>
        <source>No rule would fire.</source>
        <translation>Ни одно правило не сработает.</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="64"/>
        <source>no change</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="65"/>
        <source>Rule &apos;{0}&apos;: {1}</source>
        <translation>Правило «{0}»: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="76"/>
        <source>Rules</source>
        <translation>Правила</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="89"/>
        <source>Up</source>
        <translation>Вверх</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="90"/>
        <source>Down</source>
        <translation>Вниз</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="91"/>
        <location filename="../../ui/rules/dialog.py" line="257"/>
        <source>New rule</source>
        <translation>Новое правило</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="107"/>
        <source>all conditions hold</source>
        <translation>выполнены все условия</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="108"/>
        <source>any condition holds</source>
        <translation>выполнено любое условие</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="110"/>
        <source>each new message</source>
        <translation>каждое новое сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="111"/>
        <source>on schedule</source>
        <translation>по расписанию</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="112"/>
        <source>both</source>
        <translation>и то и другое</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="114"/>
        <source>subject contains urgent
header:x-priority is 1</source>
        <translation>subject contains срочно
header:x-priority is 1</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="116"/>
        <source>set_priority urgent
add_tag vip
stop</source>
        <translation>set_priority urgent
add_tag метка
stop</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="122"/>
        <source>Save rule</source>
        <translation>Сохранить правило</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="128"/>
        <source>Runs on</source>
        <translation>Срабатывает на</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="129"/>
        <source>Conditions</source>
        <translation>Условия</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="130"/>
        <source>Then</source>
        <translation>Тогда</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="136"/>
        <source>Paste a whole message (headers and body) here</source>
        <translation>Вставьте сюда сообщение целиком (заголовки и текст)</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="137"/>
        <source>Test rules on the pasted message</source>
        <translation>Проверить правила на вставленном сообщении</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="138"/>
        <source>Test rules on the open conversation</source>
        <translation>Проверить правила на открытом обращении</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="145"/>
        <source>Test rules on…</source>
        <translation>Проверить правила на…</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="175"/>
        <source>{0} (fired {1})</source>
        <translation>{0} (срабатываний: {1})</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="204"/>
        <source>Never fired</source>
        <translation>Ещё не срабатывало</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="206"/>
        <source>Fired {0} times, last {1}</source>
        <translation>Срабатываний: {0}, последнее {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="291"/>
        <source>Open a conversation first.</source>
        <translation>Сначала откройте обращение.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="275"/>
        <location filename="../../ui/sync/dialogs.py" line="276"/>
        <source>this computer</source>
        <translation>этот компьютер</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="275"/>
        <location filename="../../ui/sync/dialogs.py" line="276"/>
        <source>another device</source>
        <translation>другое устройство</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="277"/>
        <source>lost: {0}, {1}; kept: {2}, {3}</source>
        <translation>потеряно: {0}, {1}; сохранено: {2}, {3}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="289"/>
        <source>Sync conflicts</source>
        <translation>Конфликты синхронизации</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="292"/>
        <source>When two people changed the same thing, the later change was kept. The changes that lost are listed here; restore one to make it the current value again (it then syncs to everyone), or dismiss it.</source>
        <translation>Когда два человека меняли одно и то же, сохранялось более позднее изменение. Проигравшие изменения перечислены здесь: восстановите одно, чтобы снова сделать его текущим значением (оно синхронизируется у всех), или отклоните его.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Lost value</source>
        <translation>Потерянное значение</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Kept value</source>
        <translation>Сохранённое значение</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Who and when</source>
        <translation>Кто и когда</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="314"/>
        <source>No conflicts: nothing anyone typed was overwritten.</source>
        <translation>Конфликтов нет: ничего из введённого не перезаписано.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="320"/>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="321"/>
        <source>Make the lost value the current one again</source>
        <translation>Снова сделать потерянное значение текущим</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="323"/>
        <source>Dismiss</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="324"/>
        <source>Keep the current value and remove this line</source>
        <translation>Оставить текущее значение и убрать эту строку</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="384"/>
        <source>This one cannot be put back with one click; copy what you need from it, then dismiss it.</source>
        <translation>Это нельзя вернуть одним щелчком: скопируйте нужное, затем отклоните.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="396"/>
        <source>Restored; it syncs to the team with the next sync.</source>
        <translation>Восстановлено; попадёт к команде при следующей синхронизации.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="405"/>
        <source>Dismissed.</source>
        <translation>Отклонено.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="227"/>
        <source>Write an internal note for the team (N). Ctrl+Enter saves it.</source>
        <extracomment>compact history lines for the timeline (issue 18), plain text at their moment</extracomment>
        <translation>Внутренняя заметка для команды (N). Ctrl+Enter — сохранить.</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="123"/>
        <location filename="../../ui/conversation.py" line="230"/>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="172"/>
        <location filename="../../ui/window/commands.py" line="96"/>
        <location filename="../../ui/window/commands.py" line="213"/>
        <location filename="../../ui/models.py" line="69"/>
        <location filename="../../ui/conversation.py" line="273"/>
        <source>Unassigned</source>
        <translation>Не назначено</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="289"/>
        <source>No conversation selected</source>
        <translation>Обращение не выбрано</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="293"/>
        <source>Pick a conversation on the left, or press J and K to move through them.</source>
        <translation>Выберите обращение слева или листайте клавишами J и K.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="303"/>
        <source>(no subject)</source>
        <translation>(без темы)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="340"/>
        <source>Remove the tag {0}</source>
        <translation>Снять метку {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="46"/>
        <source>Resolved on the call</source>
        <translation>Решено во время звонка</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47"/>
        <source>Follow-up needed</source>
        <translation>Нужен повторный контакт</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>Left a voicemail</source>
        <translation>Оставлено голосовое сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="49"/>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50"/>
        <source>Escalated</source>
        <translation>Передано выше</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="51"/>
        <source>Other</source>
        <translation>Другое</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75"/>
        <source>Log a phone call</source>
        <translation>Записать звонок</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="85"/>
        <source>+44 20 7946 0958</source>
        <translation>+7 495 123-45-67</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92"/>
        <source>Caller&apos;s name (filled in for known numbers)</source>
        <translation>Имя звонящего (для известных номеров заполняется само)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94"/>
        <source>Inbound</source>
        <translation>Входящий</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95"/>
        <source>Outbound</source>
        <translation>Исходящий</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105"/>
        <source>Start timer</source>
        <translation>Старт</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="205"/>
        <source>read as a number in {0}, the customer&apos;s country</source>
        <translation>прочитан как номер: {0}, страна клиента</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="206"/>
        <source>read as a number in {0}, the team&apos;s country</source>
        <translation>прочитан как номер: {0}, страна команды</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="207"/>
        <source>read as a number in {0}, from the team&apos;s time zone</source>
        <translation>прочитан как номер: {0}, по часовому поясу команды</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>read as a number in {0}</source>
        <translation>прочитан как номер: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="304"/>
        <source>Save the note, or send the mail being written</source>
        <translation>Сохранить заметку или отправить письмо</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="306"/>
        <source>Insert a canned answer into the mail being written</source>
        <translation>Вставить шаблон ответа в письмо</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="307"/>
        <source>Leave the search and go back to the view</source>
        <translation>Выйти из поиска и вернуться к списку</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="90"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="109"/>
        <source>SLA policy and business hours</source>
        <translation>Политика SLA и рабочие часы</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="110"/>
        <source>SLA policy for contracts</source>
        <translation>Политика SLA для договоров</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="114"/>
        <source>Signs automatic acknowledgements</source>
        <translation>Подпись автоответов</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="126"/>
        <source>For example: mon-fri 09:00-17:00; or mon-fri 08:00-12:00, 13:00-17:00; sat 10:00-14:00</source>
        <translation>Например: mon-fri 09:00-17:00; или mon-fri 08:00-12:00, 13:00-17:00; sat 10:00-14:00</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="133"/>
        <source>One date per line, e.g. 2026-12-25</source>
        <translation>По одной дате в строке, например 2026-12-25</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="137"/>
        <location filename="../../ui/workflow/editors.py" line="141"/>
        <location filename="../../ui/workflow/dialogs.py" line="188"/>
        <location filename="../../ui/workflow/dialogs.py" line="200"/>
        <location filename="../../ui/dialogs.py" line="112"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="145"/>
        <source>all active agents</source>
        <translation>все активные агенты</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="152"/>
        <source>Team and business hours</source>
        <translation>Команда и рабочие часы</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="154"/>
        <source>Team name</source>
        <translation>Название команды</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="155"/>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="156"/>
        <location filename="../../ui/workflow/editors.py" line="194"/>
        <source>Business hours</source>
        <translation>Рабочие часы</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="158"/>
        <source>Holidays</source>
        <translation>Праздники</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="160"/>
        <source>Due soon, ETAs and timers</source>
        <translation>Скорые сроки, ожидаемое время ответа и таймеры</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="162"/>
        <source>“Due soon” before the due time</source>
        <translation>«Скоро срок» до наступления срока за</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="163"/>
        <source>Handling time per conversation</source>
        <translation>Время обработки одного обращения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="164"/>
        <source>Agents answering at once</source>
        <translation>Агентов отвечают одновременно</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="165"/>
        <source>Warn about a timer running for</source>
        <translation>Предупреждать о таймере, идущем дольше</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <source>Next response</source>
        <translation>Следующий ответ</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="183"/>
        <source>Targets in business hours (0 = no target)</source>
        <translation>Цели в рабочих часах (0 — без цели)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="186"/>
        <source>Policy name</source>
        <translation>Название политики</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="190"/>
        <source>empty: the team&apos;s hours ({0})</source>
        <translation>пусто: часы команды ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="192"/>
        <source>For example: mon-sun 00:00-24:00 for round the clock</source>
        <translation>Например: mon-sun 00:00-24:00 для круглосуточной работы</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="212"/>
        <source>Times count in the team&apos;s zone, {0}.</source>
        <translation>Время считается в поясе команды, {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="241"/>
        <source>Read as: {0} ({1} h a week)</source>
        <translation>Понято как: {0} ({1} ч в неделю)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="246"/>
        <location filename="../../ui/workflow/editors.py" line="255"/>
        <source>Business hours: {0}</source>
        <translation>Рабочие часы: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="250"/>
        <source>Give the policy a name.</source>
        <translation>Дайте политике название.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="265"/>
        <source>Holidays: {0}</source>
        <translation>Праздники: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="317"/>
        <source>On-call rota</source>
        <translation>График дежурств</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="323"/>
        <source>On call now: {0}</source>
        <translation>Сейчас дежурит: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="56"/>
        <location filename="../../ui/workflow/editors.py" line="323"/>
        <source>nobody</source>
        <translation>никто</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="325"/>
        <source>Times are in the team&apos;s zone, {0}. A shift that ends at or before its start runs overnight.</source>
        <translation>Время — в поясе команды, {0}. Смена, которая заканчивается не позже своего начала, идёт через полночь.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="337"/>
        <source>Add shift</source>
        <translation>Добавить смену</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="340"/>
        <source>Remove shift</source>
        <translation>Удалить смену</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="354"/>
        <source>Add override</source>
        <translation>Добавить замену</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="356"/>
        <source>Remove override</source>
        <translation>Удалить замену</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="370"/>
        <source>Every week</source>
        <translation>Каждую неделю</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="378"/>
        <source>Overrides (swaps, holidays)</source>
        <translation>Замены (обмены, отпуска)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="457"/>
        <source>Row {0}: {1}</source>
        <translation>Строка {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="473"/>
        <source>Override {0} ends before it starts.</source>
        <translation>Замена {0} заканчивается раньше, чем начинается.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="120"/>
        <source>or type it:</source>
        <translation>или введите:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134"/>
        <source>What was said, what was agreed</source>
        <translation>Что обсудили, о чём договорились</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Follow up on</source>
        <translation>Связаться снова</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="148"/>
        <source>A new phone conversation</source>
        <translation>Новое обращение по телефону</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="150"/>
        <source>This conversation: {0}</source>
        <translation>Это обращение: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="159"/>
        <source>Phone number</source>
        <translation>Номер телефона</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="161"/>
        <source>Caller</source>
        <translation>Звонящий</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164"/>
        <source>Outcome</source>
        <translation>Итог</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="240"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="317"/>
        <location filename="../../ui/dialogs.py" line="165"/>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>Add to</source>
        <translation>Добавить в</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="185"/>
        <source>Not a complete number yet</source>
        <translation>Номер ещё не полный</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="193"/>
        <source>{0} · known customer: {1}</source>
        <translation>{0} · известный клиент: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>{0} · new customer</source>
        <translation>{0} · новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="215"/>
        <source>Stop timer</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="221"/>
        <source>Resume timer</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="271"/>
        <source>Add a tag</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="273"/>
        <source>e.g. billing</source>
        <translation>например, оплата</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="283"/>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="244"/>
        <location filename="../../ui/dialogs.py" line="301"/>
        <source>Keyboard shortcuts</source>
        <translation>Сочетания клавиш</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="310"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="310"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="54"/>
        <source>Demo workspace · not synced</source>
        <extracomment>changes waiting to be shown that touch more rows than this (a sync&apos;s pages) are shown with one reload, read on a worker thread, instead of moving rows one by one</extracomment>
        <translation>Демо-пространство · без синхронизации</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="55"/>
        <source>This profile holds generated demo data; it is never sent to a team server.</source>
        <translation>В этом профиле — сгенерированные демо-данные; они никогда не отправляются на сервер команды.</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="58"/>
        <source>Offline · not connected to a team server</source>
        <translation>Офлайн · нет подключения к серверу команды</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="61"/>
        <source>Everything works offline. Connect a team server to share this inbox.</source>
        <translation>Всё работает без сети. Подключите сервер команды, чтобы работать с входящими вместе.</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="63"/>
        <location filename="../../ui/sync/controller.py" line="355"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="65"/>
        <location filename="../../ui/sync/controller.py" line="368"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="65"/>
        <location filename="../../ui/sync/controller.py" line="372"/>
        <source>Offline</source>
        <translation>Офлайн</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="65"/>
        <location filename="../../ui/sync/controller.py" line="368"/>
        <location filename="../../ui/sync/controller.py" line="370"/>
        <location filename="../../ui/sync/controller.py" line="372"/>
        <source>synced {0}</source>
        <translation>синхронизировано {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="165"/>
        <source>The conversation was deleted.</source>
        <translation>Обращение удалено.</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="170"/>
        <source>assigned to {0}</source>
        <translation>назначено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="174"/>
        <source>{0} “{1}” moved: {2}</source>
        <translation>{0} «{1}» перемещено: {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/refresh.py" line="60"/>
        <source>%Ln changes kept locally</source>
        <translation>
            <numerusform>%Ln изменение хранится локально</numerusform>
            <numerusform>%Ln изменения хранятся локально</numerusform>
            <numerusform>%Ln изменений хранятся локально</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/refresh.py" line="69"/>
        <location filename="../../ui/sync/controller.py" line="346"/>
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln изменение ждёт отправки</numerusform>
            <numerusform>%Ln изменения ждут отправки</numerusform>
            <numerusform>%Ln изменений ждут отправки</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="70"/>
        <location filename="../../ui/sync/controller.py" line="347"/>
        <source>Team server: {0}</source>
        <translation>Сервер команды: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173"/>
        <source>Search conversations, customers, phone numbers (/)</source>
        <extracomment>tables touched by waiting changes once they are too many to follow one by one what capabilities stop before the window (and then the store) closes; run last-added first (a hook, not an event filter: a filter on the window would be called from Qt for every event the window gets) who takes files dropped on the window: each returns what to do, or None</extracomment>
        <translation>Поиск по обращениям, клиентам, телефонам (/)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="215"/>
        <source>Next conversation</source>
        <extracomment>words for the sync state; the sync capability replaces it with live ones</extracomment>
        <translation>Следующее обращение</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="216"/>
        <source>Previous conversation</source>
        <translation>Предыдущее обращение</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="217"/>
        <source>Select the next conversation too</source>
        <translation>Выделить также следующее обращение</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="219"/>
        <source>Select the previous conversation too</source>
        <translation>Выделить также предыдущее обращение</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="221"/>
        <source>Select all conversations</source>
        <translation>Выделить все обращения</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="227"/>
        <source>Pin the conversation in the pane</source>
        <translation>Закрепить обращение в панели</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="230"/>
        <location filename="../../ui/window/commands.py" line="55"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="231"/>
        <source>Merge the selected conversations into one</source>
        <translation>Объединить выбранные обращения в одно</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="233"/>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="234"/>
        <location filename="../../ui/accessibility.py" line="108"/>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="235"/>
        <source>Write a note</source>
        <translation>Написать заметку</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="236"/>
        <location filename="../../ui/workspace.py" line="210"/>
        <source>Log a call…</source>
        <translation>Записать звонок…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="238"/>
        <source>Assign to…</source>
        <translation>Назначить…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="239"/>
        <source>Assign to me</source>
        <translation>Назначить мне</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="240"/>
        <source>Set status…</source>
        <translation>Изменить статус…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="241"/>
        <source>Set priority…</source>
        <translation>Изменить приоритет…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="242"/>
        <source>Add a tag…</source>
        <translation>Добавить метку…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="243"/>
        <source>Mark as unread</source>
        <translation>Отметить как непрочитанное</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="246"/>
        <source>Toggle dark theme</source>
        <translation>Тёмная тема вкл./выкл.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="247"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="255"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="260"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Обращение</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="268"/>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="279"/>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="281"/>
        <location filename="../../ui/language.py" line="193"/>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="281"/>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="282"/>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="290"/>
        <source>&amp;Tools</source>
        <translation>С&amp;ервис</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="291"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="293"/>
        <location filename="../../ui/window/chrome.py" line="96"/>
        <source>About SupportDesk</source>
        <translation>О программе SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="297"/>
        <source>Main</source>
        <translation>Основное</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigation.py" line="49"/>
        <location filename="../../ui/workflow/controller.py" line="548"/>
        <location filename="../../ui/models.py" line="136"/>
        <source>{0}: %Ln conversations</source>
        <translation>
            <numerusform>{0}: %Ln обращение</numerusform>
            <numerusform>{0}: %Ln обращения</numerusform>
            <numerusform>{0}: %Ln обращений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/navigation.py" line="162"/>
        <source>Pane pinned to this conversation.</source>
        <translation>Панель закреплена за этим обращением.</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigation.py" line="163"/>
        <source>Pane follows the selected row.</source>
        <translation>Панель следует за выбранной строкой.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigation.py" line="215"/>
        <source>%n conversations match “{0}”</source>
        <translation>
            <numerusform>По запросу «{0}» найдено %n обращение</numerusform>
            <numerusform>По запросу «{0}» найдено %n обращения</numerusform>
            <numerusform>По запросу «{0}» найдено %n обращений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="70"/>
        <source>Knowledge base…</source>
        <translation>База знаний…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="72"/>
        <source>Articles: write, search, publish the help site</source>
        <translation>Статьи: написание, поиск, публикация сайта помощи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="76"/>
        <location filename="../../ui/kb/pane.py" line="61"/>
        <source>Turn into article…</source>
        <translation>Сделать статьёй…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="133"/>
        <source>Only published articles have a public link.</source>
        <translation>Публичная ссылка есть только у опубликованных статей.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="158"/>
        <source>Help site address</source>
        <translation>Адрес сайта помощи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="159"/>
        <source>Where is the help site published (e.g. https://help.example.com)?</source>
        <translation>Где опубликован сайт помощи (например, https://help.example.com)?</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="194"/>
        <location filename="../../ui/window/commands.py" line="31"/>
        <location filename="../../ui/window/commands.py" line="37"/>
        <location filename="../../ui/mail/controller.py" line="662"/>
        <location filename="../../ui/workflow/controller.py" line="254"/>
        <source>Select a conversation first.</source>
        <translation>Сначала выберите обращение.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="199"/>
        <source>Question</source>
        <translation>Вопрос</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="199"/>
        <source>Answer</source>
        <translation>Ответ</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="267"/>
        <source>{0} articles published to {1}: {2} files written, {3} removed.</source>
        <translation>Статей опубликовано в {1}: {0}; файлов записано: {2}, удалено: {3}.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="51"/>
        <source>Nothing to change.</source>
        <translation>Нечего менять.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="62"/>
        <source>Nothing to undo.</source>
        <translation>Нечего отменять.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="67"/>
        <source>Undone: {0}</source>
        <translation>Отменено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="79"/>
        <source>Set to {0}</source>
        <translation>Статус «{0}»</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="80"/>
        <source>{0} conversations set to {1}</source>
        <translation>Статус «{1}» для обращений: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="88"/>
        <source>Priority set to {0}</source>
        <translation>Приоритет «{0}»</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="89"/>
        <source>Priority of {0} conversations set to {1}</source>
        <translation>Приоритет «{1}» для обращений: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="96"/>
        <source>Assigned to {0}</source>
        <translation>Назначено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="97"/>
        <location filename="../../ui/window/commands.py" line="118"/>
        <source>{0} conversations: {1}</source>
        <translation>Обращений: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="115"/>
        <source>Tagged #{0}</source>
        <translation>Добавлена метка #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="115"/>
        <source>Tag #{0} removed</source>
        <translation>Метка #{0} снята</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="133"/>
        <source>Select two or more conversations to merge (Shift+J, Ctrl+click).</source>
        <translation>Выберите два или больше обращений для объединения (Shift+J, Ctrl+щелчок).</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="138"/>
        <source>{0} conversations merged into one</source>
        <translation>Обращений объединено в одно: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="193"/>
        <source>Call logged.</source>
        <translation>Звонок записан.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="201"/>
        <source>Me</source>
        <translation>Я</translation>
    </message>
    <message>
        <location filename="../../ui/window/chrome.py" line="97"/>
        <source>SupportDesk {0}
One offline-first inbox for email, chat and phone.</source>
        <translation>SupportDesk {0}
Единые входящие для почты, чата и телефона, работающие без сети.</translation>
    </message>
    <message>
        <location filename="../../ui/window/chrome.py" line="105"/>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="68"/>
        <source>My open</source>
        <translation>Мои открытые</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="70"/>
        <source>All open</source>
        <translation>Все открытые</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="75"/>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="144"/>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="148"/>
        <source>Channels</source>
        <translation>Каналы</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="99"/>
        <location filename="../../ui/kb/editor.py" line="137"/>
        <location filename="../../ui/models.py" line="151"/>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="76"/>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="78"/>
        <location filename="../../ui/models.py" line="180"/>
        <source>Due</source>
        <translation>Срок</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="176"/>
        <source>Dialog</source>
        <translation>Диалоговое окно</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="200"/>
        <source>Right-click to choose the columns</source>
        <translation>Правый щелчок — выбор столбцов</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="201"/>
        <source>Columns…</source>
        <translation>Столбцы…</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="281"/>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="76"/>
        <location filename="../../ui/sync/dialogs.py" line="224"/>
        <location filename="../../ui/sync/dialogs.py" line="238"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="526"/>
        <location filename="../../ui/models.py" line="179"/>
        <location filename="../../ui/chatimport_dialog.py" line="254"/>
        <source>Customer</source>
        <extracomment>screens narrower than this get a maximised first window the most a first window takes on a big screen the narrowest the main window may be made each column&apos;s width (Subject stretches and needs at least ``SUBJECT_MIN``) room kept for what the estimate of the list&apos;s width cannot see (frames, rounding) the narrowest the customer column gets when the list is narrow columns given up first when the list is narrow columns the rep may hide (Subject always shows)
----------
rows whose items a reset builds at once (more than a window shows); the rest follow ``FILL_SLICE`` at a time in later turns of the event loop</extracomment>
        <translation>Клиент</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="49"/>
        <location filename="../../ui/mail/controller.py" line="242"/>
        <location filename="../../ui/mail/view.py" line="109"/>
        <location filename="../../ui/workflow/panel.py" line="81"/>
        <source>Reply</source>
        <extracomment>Opens the canned-answer picker for the composer&apos;s body (Ctrl+Shift+K).</extracomment>
        <translation>Ответить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="50"/>
        <location filename="../../ui/mail/controller.py" line="244"/>
        <source>Reply to all</source>
        <translation>Ответить всем</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="51"/>
        <location filename="../../ui/mail/controller.py" line="246"/>
        <location filename="../../ui/mail/view.py" line="111"/>
        <source>Forward</source>
        <translation>Переслать</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="52"/>
        <source>New mail</source>
        <translation>Новое письмо</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="97"/>
        <source>name@example.com, another@example.org</source>
        <extracomment>``(draft) -&gt; may it be sent?``; it shows its own reason when not ``() -&gt; may it close?`` asked on Cancel, Escape and closing (keep or discard a draft)</extracomment>
        <translation>name@example.com, another@example.org</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="108"/>
        <location filename="../../ui/chatimport_preview.py" line="62"/>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <location filename="../../ui/reports/window.py" line="274"/>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="109"/>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="110"/>
        <source>Cc</source>
        <translation>Копия</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="112"/>
        <source>Bcc</source>
        <translation>Скрытая копия</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="113"/>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <location filename="../../ui/sync/dialogs.py" line="238"/>
        <location filename="../../ui/models.py" line="179"/>
        <source>Subject</source>
        <translation>Тема</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="118"/>
        <source>Attach files…</source>
        <translation>Прикрепить файлы…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="120"/>
        <source>Remove file</source>
        <translation>Убрать файл</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="124"/>
        <source>Canned answer…</source>
        <translation>Шаблон ответа…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="127"/>
        <source>Insert a canned answer at the cursor ({0})</source>
        <translation>Вставить шаблон ответа в позицию курсора ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="136"/>
        <source>Saved in the conversation when you press Send; it waits in the outbox until the mail server can be reached.</source>
        <translation>Сохраняется в обращении при нажатии «Отправить»; ждёт в исходящих, пока почтовый сервер недоступен.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="141"/>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="143"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Отправить (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="136"/>
        <source>Backups</source>
        <extracomment>how often the automatic backup checks whether one is due, and the first check progress reaches the window at most this often</extracomment>
        <translation>Резервные копии</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="138"/>
        <source>Back up automatically every day while SupportDesk runs</source>
        <translation>Создавать резервную копию каждый день, пока SupportDesk работает</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="142"/>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="149"/>
        <source>Keeps the newest backup of each of the last 7 days and 4 weeks before them. Passwords and sign-in tokens are never in a backup: they stay in the system keyring.</source>
        <translation>Хранится самая новая копия за каждый из последних 7 дней и за 4 недели до них. Пароли и токены входа никогда не попадают в резервную копию: они остаются в связке ключей системы.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="156"/>
        <source>Last automatic backup: {when}</source>
        <translation>Последняя автоматическая копия: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="158"/>
        <source>No automatic backup yet.</source>
        <translation>Автоматических копий пока нет.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="168"/>
        <source>Folder for backups</source>
        <translation>Папка для резервных копий</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="196"/>
        <source>Back up now…</source>
        <extracomment>called with a restored profile&apos;s folder to open it (a new SupportDesk window)</extracomment>
        <translation>Создать резервную копию…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="198"/>
        <source>Restore from backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="200"/>
        <source>Backup settings…</source>
        <translation>Настройки резервного копирования…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="233"/>
        <source>Back up to</source>
        <translation>Сохранить резервную копию в</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="234"/>
        <source>SupportDesk backups (*.sdbackup)</source>
        <translation>Резервные копии SupportDesk (*.sdbackup)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="239"/>
        <location filename="../../ui/backup.py" line="323"/>
        <source>Backing up…</source>
        <translation>Резервное копирование…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="243"/>
        <source>Backed up to {path} ({size} MB).</source>
        <translation>Резервная копия сохранена в {path} ({size} МБ).</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="267"/>
        <source>Restore from backup</source>
        <translation>Восстановить из резервной копии</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="268"/>
        <source>SupportDesk backups (*.sdbackup);;All files (*)</source>
        <translation>Резервные копии SupportDesk (*.sdbackup);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="272"/>
        <source>A new, empty folder for the restored profile</source>
        <translation>Новая пустая папка для восстановленного профиля</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="283"/>
        <source>Checking and restoring the backup…</source>
        <translation>Проверка и восстановление резервной копии…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="286"/>
        <source>The backup was restored into {path}.</source>
        <translation>Резервная копия восстановлена в {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="288"/>
        <source>It was signed in to a team server: sign in again there and it syncs as a new device.</source>
        <translation>В нём был выполнен вход на сервер команды: войдите туда снова, и профиль синхронизируется как новое устройство.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="290"/>
        <source>Restored</source>
        <translation>Восстановлено</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="291"/>
        <source>Open it now?</source>
        <translation>Открыть его сейчас?</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="310"/>
        <location filename="../../ui/mail/composer.py" line="145"/>
        <location filename="../../ui/mail/signin.py" line="108"/>
        <location filename="../../ui/chatimport_dialog.py" line="308"/>
        <location filename="../../ui/chatimport_dialog.py" line="372"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="311"/>
        <location filename="../../ui/backup.py" line="354"/>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="194"/>
        <source>{0} is larger than {1}; most mail servers refuse that.</source>
        <translation>{0} больше {1}; большинство почтовых серверов такое не примет.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="275"/>
        <location filename="../../ui/mail/composer.py" line="199"/>
        <source>{0} could not be read ({1}).</source>
        <translation>Не удалось прочитать {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="221"/>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="260"/>
        <source>Add at least one recipient.</source>
        <translation>Добавьте хотя бы одного получателя.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="263"/>
        <source>Give the mail a subject.</source>
        <translation>Укажите тему письма.</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="78"/>
        <location filename="../../ui/sync/dialogs.py" line="224"/>
        <location filename="../../ui/models.py" line="179"/>
        <source>Activity</source>
        <translation>Активность</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="199"/>
        <source>Low</source>
        <translation>Низкий</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="199"/>
        <source>Normal</source>
        <translation>Обычный</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="199"/>
        <source>High</source>
        <translation>Высокий</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="200"/>
        <source>Urgent</source>
        <translation>Срочный</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="129"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="133"/>
        <source>Attached:</source>
        <translation>Вложения:</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="146"/>
        <source>Inbound call</source>
        <translation>Входящий звонок</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="146"/>
        <source>Outbound call</source>
        <translation>Исходящий звонок</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="34"/>
        <location filename="../../ui/kb/history.py" line="155"/>
        <location filename="../../ui/timeline.py" line="214"/>
        <source>Someone</source>
        <translation>Кто-то</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="218"/>
        <source>billable</source>
        <translation>оплачиваемое</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="218"/>
        <source>not billable</source>
        <translation>неоплачиваемое</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="220"/>
        <source>a vendor</source>
        <translation>поставщик</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="225"/>
        <source>({0} on the phone)</source>
        <translation>({0} по телефону)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="246"/>
        <source>Handed back to {0}</source>
        <translation>Возвращено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="246"/>
        <source>De-escalated</source>
        <translation>Возвращено с эскалации</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/timeline.py" line="288"/>
        <source>%Ln earlier entries are not shown.</source>
        <translation>
            <numerusform>%Ln более ранняя запись не показана.</numerusform>
            <numerusform>%Ln более ранние записи не показаны.</numerusform>
            <numerusform>%Ln более ранних записей не показано.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chatimport.py" line="103"/>
        <location filename="../../ui/workspace.py" line="208"/>
        <source>Import chat export…</source>
        <translation>Импорт экспорта чата…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport.py" line="105"/>
        <source>Import a WhatsApp, Telegram, Slack, Discord, Messenger, website-chat or CSV export</source>
        <translation>Импортировать экспорт WhatsApp, Telegram, Slack, Discord, Messenger, чата сайта или CSV</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="143"/>
        <source>Stop</source>
        <translation>Стоп</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="144"/>
        <source>Stop fetching; what was fetched stays</source>
        <translation>Остановить получение; полученное останется</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="148"/>
        <source>Enter password…</source>
        <translation>Ввести пароль…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="213"/>
        <location filename="../../ui/mail/controller.py" line="454"/>
        <source>Mail: {0}</source>
        <translation>Почта: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="240"/>
        <source>New mail…</source>
        <translation>Новое письмо…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="247"/>
        <source>Mailboxes…</source>
        <translation>Почтовые ящики…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="248"/>
        <source>Outbox…</source>
        <translation>Исходящие…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="249"/>
        <source>Fetch mail now</source>
        <translation>Получить почту сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="251"/>
        <source>Import mail from files…</source>
        <translation>Импорт почты из файлов…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/controller.py" line="338"/>
        <source>%n mails sent.</source>
        <translation>
            <numerusform>Отправлено %n письмо.</numerusform>
            <numerusform>Отправлено %n письма.</numerusform>
            <numerusform>Отправлено %n писем.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/controller.py" line="352"/>
        <source>%n mails were being sent when SupportDesk stopped; see the outbox.</source>
        <translation>
            <numerusform>%n письмо отправлялось, когда SupportDesk закрылся; см. исходящие.</numerusform>
            <numerusform>%n письма отправлялись, когда SupportDesk закрылся; см. исходящие.</numerusform>
            <numerusform>%n писем отправлялись, когда SupportDesk закрылся; см. исходящие.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="382"/>
        <source>This mailbox now connects to other servers ({0}). Type the password again only if you trust them; the stored one is not sent there.</source>
        <translation>Этот почтовый ящик теперь подключается к другим серверам ({0}). Введите пароль ещё раз, только если доверяете им: сохранённый пароль туда не отправляется.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="430"/>
        <source>connecting</source>
        <translation>подключение</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="432"/>
        <source>fetching {0} of {1}</source>
        <translation>получение {0} из {1}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="436"/>
        <source>password needed</source>
        <translation>нужен пароль</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="439"/>
        <source>Sign in again (Tools → Mailboxes)</source>
        <translation>Войдите снова (Сервис → Почтовые ящики)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="444"/>
        <source>fetching paused (Fetch mail now resumes)</source>
        <translation>получение приостановлено («Получить почту сейчас» продолжит)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="446"/>
        <source>up to date</source>
        <translation>всё получено</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="451"/>
        <source>{0} waiting to send</source>
        <translation>{0} ждут отправки</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="453"/>
        <source>{0} not sent</source>
        <translation>{0} не отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="590"/>
        <source>That file is not on this computer.</source>
        <translation>Этого файла нет на этом компьютере.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="603"/>
        <source>Open a program?</source>
        <translation>Открыть программу?</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="604"/>
        <source>{0} can run code on this computer. Open it only if you expected it from this sender.</source>
        <translation>{0} может запустить код на этом компьютере. Открывайте, только если ждали этот файл от отправителя.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="625"/>
        <source>Save attachment</source>
        <translation>Сохранить вложение</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="640"/>
        <source>This message has no original to save.</source>
        <translation>У этого сообщения нет оригинала для сохранения.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="645"/>
        <source>Save original</source>
        <translation>Сохранить оригинал</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="646"/>
        <source>Mail files (*.eml)</source>
        <translation>Файлы писем (*.eml)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="668"/>
        <source>Add a support mailbox first (Tools → Mailboxes…).</source>
        <translation>Сначала добавьте почтовый ящик поддержки (Сервис → Почтовые ящики…).</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="706"/>
        <source>Saved in the conversation; it goes out as soon as the server can be reached.</source>
        <translation>Сохранено в обращении; уйдёт, как только сервер станет доступен.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="732"/>
        <source>Split the message</source>
        <translation>Отделить сообщение</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="733"/>
        <source>Start a new conversation with this message? Later replies to it will go there too.</source>
        <translation>Начать с этого сообщения новое обращение? Последующие ответы на него тоже попадут туда.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="28"/>
        <source>Import mail (.eml or mbox)</source>
        <translation>Импорт почты (.eml или mbox)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="29"/>
        <source>Mail files (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation>Файлы писем (*.eml *.mbox *.mbx);;Все файлы (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/importing.py" line="43"/>
        <source>%Ln messages added, {0} already there.</source>
        <translation>
            <numerusform>Добавлено %Ln сообщение, {0} уже было.</numerusform>
            <numerusform>Добавлено %Ln сообщения, {0} уже было.</numerusform>
            <numerusform>Добавлено %Ln сообщений, {0} уже было.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="46"/>
        <source>Not imported:</source>
        <translation>Не импортировано:</translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="51"/>
        <location filename="../../ui/chatimport_dialog.py" line="305"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="41"/>
        <source>Server name not found (DNS)</source>
        <translation>Имя сервера не найдено (DNS)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="42"/>
        <source>Connection refused or unreachable</source>
        <translation>Соединение отклонено или недоступно</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="43"/>
        <source>No answer from the server</source>
        <translation>Сервер не отвечает</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="44"/>
        <source>Secure connection failed</source>
        <translation>Не удалось установить защищённое соединение</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="45"/>
        <source>Certificate not trusted</source>
        <translation>Сертификат не доверенный</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="46"/>
        <source>STARTTLS not offered</source>
        <translation>STARTTLS не предлагается</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="47"/>
        <source>Sign-in refused</source>
        <translation>Вход отклонён</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="48"/>
        <source>The server refused a request</source>
        <translation>Сервер отклонил запрос</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="49"/>
        <source>Token renewal</source>
        <translation>Обновление токена</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="50"/>
        <source>Consent missing</source>
        <translation>Нет согласия</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="51"/>
        <source>OAuth2 sign-in not offered</source>
        <translation>Вход через OAuth2 не предлагается</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="52"/>
        <location filename="../../ui/mail/outbox.py" line="37"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="89"/>
        <source>Mailboxes</source>
        <translation>Почтовые ящики</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="99"/>
        <source>Add mailbox</source>
        <translation>Добавить ящик</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="101"/>
        <location filename="../../ui/rules/dialog.py" line="92"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="111"/>
        <source>Support</source>
        <translation>Поддержка</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="115"/>
        <source>Acme Support (shown as the sender)</source>
        <translation>Поддержка Acme (имя отправителя)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="117"/>
        <source>Usually the email address</source>
        <translation>Обычно адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="120"/>
        <source>Remember the password in the system keyring</source>
        <translation>Запомнить пароль в связке ключей системы</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="127"/>
        <location filename="../../ui/rules/dialog.py" line="126"/>
        <location filename="../../ui/sync/dialogs.py" line="238"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="310"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="128"/>
        <source>Email address</source>
        <translation>Адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="129"/>
        <source>Sender name</source>
        <translation>Имя отправителя</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="130"/>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="131"/>
        <location filename="../../ui/sync/dialogs.py" line="93"/>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="134"/>
        <source>Sign in with Google</source>
        <translation>Войти через Google</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="135"/>
        <source>Sign in with Microsoft</source>
        <translation>Войти через Microsoft</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="136"/>
        <source>Other OAuth2 provider…</source>
        <translation>Другой провайдер OAuth2…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="141"/>
        <source>Or</source>
        <translation>Или</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="167"/>
        <source>Incoming (IMAP)</source>
        <translation>Входящая (IMAP)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="169"/>
        <source>Outgoing (SMTP)</source>
        <translation>Исходящая (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="173"/>
        <source>Found automatically</source>
        <translation>Определяется автоматически</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="175"/>
        <source>The system&apos;s certificate authorities</source>
        <translation>Центры сертификации системы</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="176"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="32"/>
        <source>Chats quiet for more than</source>
        <extracomment>the most days the box offers (ten years)</extracomment>
        <translation>Чаты без сообщений дольше</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="36"/>
        <source>never (all open)</source>
        <translation>никогда (все открыты)</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="37"/>
        <location filename="../../ui/mail/settings.py" line="184"/>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="40"/>
        <source>are imported as solved history, with no SLA clock.</source>
        <translation>импортируются как решённая история, без отсчёта SLA.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="43"/>
        <source>Days after which a chat is history</source>
        <translation>Через сколько дней чат считается историей</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="45"/>
        <source>Chats whose last message is older than this are imported as solved; 0 imports every chat as open work</source>
        <translation>Чаты, последнее сообщение которых старше этого срока, импортируются как решённые; 0 — все чаты импортируются как открытые</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="185"/>
        <source>Fetch and send mail for this mailbox</source>
        <translation>Получать и отправлять почту этого ящика</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="188"/>
        <source>Acknowledge new conversations automatically with an expected answer time</source>
        <translation>Автоматически подтверждать новые обращения с ожидаемым временем ответа</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="191"/>
        <source>Each new customer conversation gets one reply, in the customer&apos;s language, saying when a person will answer: worked out from the SLA, business hours and the queue. Auto-replies, mailing lists and mail from before this is switched on never get one.

Check the promise first: supportdesk sla preview --priority normal --received 2026-11-20T16:00</source>
        <translation>Каждое новое обращение клиента получает один ответ на языке клиента о том, когда ответит человек: срок рассчитывается по SLA, рабочим часам и очереди. Автоответы, рассылки и письма, пришедшие до включения, его не получают.

Сначала проверьте обещание: supportdesk sla preview --priority normal --received 2026-11-20T16:00</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="200"/>
        <source>Below replies and new mail; {customer_name}, {ticket}, {agent} work as in canned answers</source>
        <translation>Под ответами и новыми письмами; {customer_name}, {ticket}, {agent} работают как в шаблонах ответов</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="202"/>
        <source>Send plain text only (no formatting)</source>
        <translation>Отправлять только простой текст (без форматирования)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="208"/>
        <source>Other folders to fetch, e.g. Archive, Support/VIP</source>
        <translation>Другие папки для получения, например Archive, Support/VIP</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="210"/>
        <source>Also fetch</source>
        <translation>Также получать</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="211"/>
        <source>Signature</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="213"/>
        <source>Attachments up to</source>
        <translation>Вложения до</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="214"/>
        <source>Sent folder</source>
        <translation>Папка «Отправленные»</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="215"/>
        <source>Trusted certificate</source>
        <translation>Доверенный сертификат</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="216"/>
        <source>First fetch reaches back</source>
        <translation>Первое получение — за</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="220"/>
        <source>Test connection</source>
        <translation>Проверить соединение</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="119"/>
        <location filename="../../ui/mail/settings.py" line="222"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="192"/>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="225"/>
        <location filename="../../ui/mail/outbox.py" line="85"/>
        <location filename="../../ui/sync/dialogs.py" line="108"/>
        <location filename="../../ui/chatimport_dialog.py" line="372"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="237"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="237"/>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="238"/>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="268"/>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="280"/>
        <source>Certificate authority (PEM)</source>
        <translation>Центр сертификации (PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="280"/>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Сертификаты (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="312"/>
        <location filename="../../ui/mail/settings.py" line="460"/>
        <source>Stored; type to change it</source>
        <translation>Сохранён; введите, чтобы изменить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="313"/>
        <source>Needed to fetch and send</source>
        <translation>Нужен для получения и отправки</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="346"/>
        <source>Signs in with OAuth2; no password is used.</source>
        <translation>Вход через OAuth2; пароль не используется.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="398"/>
        <source>Type the password first.</source>
        <translation>Сначала введите пароль.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="401"/>
        <source>Testing… signing in to {0} and {1}.</source>
        <translation>Проверка… вход на {0} и {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="461"/>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="46"/>
        <source>The original of this message has not reached this computer yet; it arrives with the next sync.</source>
        <translation>Оригинал этого сообщения ещё не дошёл до этого компьютера; он придёт со следующей синхронизацией.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/view.py" line="53"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n байт</numerusform>
            <numerusform>%n байта</numerusform>
            <numerusform>%n байт</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="55"/>
        <source>{0} KB</source>
        <translation>{0} КБ</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="56"/>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} МБ</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="66"/>
        <source>Sent {0}</source>
        <translation>Отправлено {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="70"/>
        <source>the copy for the Sent folder is not filed yet</source>
        <translation>копия для папки «Отправленные» ещё не сохранена</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="73"/>
        <source>Not sent: {0}</source>
        <translation>Не отправлено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="73"/>
        <source>unknown reason</source>
        <translation>причина неизвестна</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="74"/>
        <source>Send again</source>
        <translation>Отправить снова</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="76"/>
        <source>Not sent: deleted from the outbox.</source>
        <translation>Не отправлено: удалено из исходящих.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="78"/>
        <source>Sending now…</source>
        <translation>Отправляется…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="79"/>
        <source>Waiting in the outbox</source>
        <translation>Ждёт в исходящих</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="81"/>
        <source>try {0} failed, next try at {1}</source>
        <translation>попытка {0} не удалась, следующая в {1}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="87"/>
        <source>goes out as soon as the server can be reached</source>
        <translation>уйдёт, как только сервер станет доступен</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="88"/>
        <source>Send now</source>
        <translation>Отправить сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="94"/>
        <source>To: {0}</source>
        <translation>Кому: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="96"/>
        <source>Cc: {0}</source>
        <translation>Копия: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="98"/>
        <location filename="../../ui/timeline.py" line="114"/>
        <source>(and {0} more)</source>
        <extracomment>Activity kinds drawn in the timeline as items of their own (the rest stay in the history). What rules and pages did (issue 16): one quiet line each, from the entry&apos;s own words. replaces the escaped plain-text body (e.g. sanitised HTML mail) action links after the header line (Reply, Forward, Split ...) after the body (files, blocked images, send state); replaces the file list</extracomment>
        <translation>(и ещё {0})</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="110"/>
        <source>Reply all</source>
        <translation>Ответить всем</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="112"/>
        <source>Split</source>
        <translation>Отделить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="113"/>
        <source>Move…</source>
        <translation>Переместить…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="117"/>
        <source>Show formatted</source>
        <translation>С форматированием</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="119"/>
        <source>Show as text</source>
        <translation>Как текст</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/view.py" line="131"/>
        <source>%n remote images were blocked to protect your privacy.</source>
        <translation>
            <numerusform>%n внешнее изображение заблокировано для защиты вашей приватности.</numerusform>
            <numerusform>%n внешних изображения заблокированы для защиты вашей приватности.</numerusform>
            <numerusform>%n внешних изображений заблокировано для защиты вашей приватности.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="133"/>
        <source>Show images from {0}</source>
        <translation>Показывать изображения от {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="139"/>
        <source>Images from {0} are shown.</source>
        <translation>Изображения от {0} показываются.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="140"/>
        <source>Block them again</source>
        <translation>Снова блокировать</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="160"/>
        <source>Original message:</source>
        <translation>Исходное сообщение:</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="161"/>
        <source>Save as .eml…</source>
        <translation>Сохранить как .eml…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="33"/>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="33"/>
        <source>Waiting to retry</source>
        <translation>Ждёт повтора</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="35"/>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="36"/>
        <source>Sent</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="45"/>
        <source>next try {0}</source>
        <translation>следующая попытка {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="58"/>
        <source>Outbox</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <location filename="../../ui/rules/dialog.py" line="127"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="79"/>
        <source>Send again now</source>
        <translation>Отправить снова сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="81"/>
        <source>Delete from outbox</source>
        <translation>Удалить из исходящих</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="83"/>
        <location filename="../../ui/sync/dialogs.py" line="326"/>
        <source>Open conversation</source>
        <translation>Открыть обращение</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="122"/>
        <source>Nothing waits to be sent.</source>
        <translation>Ничего не ждёт отправки.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="125"/>
        <source>{0} waiting, {1} failed. Waiting mail goes out by itself when the server can be reached; failed mail needs you to fix the cause and send it again.</source>
        <translation>Ожидает: {0}, с ошибкой: {1}. Ожидающие письма уйдут сами, когда сервер станет доступен; для писем с ошибкой устраните причину и отправьте снова.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="41"/>
        <source>Mailbox password</source>
        <translation>Пароль почтового ящика</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="44"/>
        <source>SupportDesk needs the password of {0} ({1}) to fetch and send mail.</source>
        <translation>SupportDesk нужен пароль {0} ({1}) для получения и отправки почты.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="55"/>
        <source>Password for {0}</source>
        <translation>Пароль для {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="56"/>
        <source>Remember it in the system keyring</source>
        <translation>Запомнить в связке ключей системы</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="62"/>
        <source>Without the keyring, SupportDesk asks again next time.</source>
        <translation>Без связки ключей SupportDesk спросит снова в следующий раз.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="97"/>
        <source>Move the message to…</source>
        <translation>Переместить сообщение в…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="102"/>
        <source>Choose the conversation this message belongs to. The customer&apos;s other conversations are listed; type to search all.</source>
        <translation>Выберите обращение, к которому относится сообщение. Показаны другие обращения клиента; начните вводить, чтобы искать по всем.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="107"/>
        <source>Search by subject, customer or ticket number</source>
        <translation>Поиск по теме, клиенту или номеру обращения</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="115"/>
        <source>Move here</source>
        <translation>Переместить сюда</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="247"/>
        <location filename="../../ui/sync/controller.py" line="313"/>
        <location filename="../../ui/workspace.py" line="212"/>
        <source>Team server…</source>
        <extracomment>a local change is pushed this long after it was made (more changes ride along) a sync at least this often while signed in, to receive the team&apos;s work pauses before retrying after failures (the last one repeats) the first sync after the window opens presence is renewed this often (the server forgets an entry after 60 s) rows per page in the app: a page of this size is parsed in a few milliseconds, and the window does not reload per page, so bigger pages only cost the garbage collector more while a sync runs, the window shows what it brought at most this often the status bar&apos;s progress words change at most this often (seconds) a request that gets no answer in this long fails (and is retried later) emitted (on the GUI thread) whenever what the status bar says may have changed a sync finished: its result, or None when it failed a sync or sign-in is running on the worker None: not known yet; False: signed out (no tokens); True: tokens in the keyring None until the first attempt; then whether the server answered last time how far the running sync has come (None: not known, or no sync running)</extracomment>
        <translation>Сервер команды…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="249"/>
        <location filename="../../ui/sync/controller.py" line="306"/>
        <source>Sync now</source>
        <translation>Синхронизировать сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="253"/>
        <source>Sync conflicts…</source>
        <translation>Конфликты синхронизации…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="308"/>
        <source>Conflicts…</source>
        <translation>Конфликты…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="310"/>
        <source>Conflicts ({0})…</source>
        <translation>Конфликты ({0})…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="349"/>
        <source>Signed in as {0}</source>
        <translation>Вход выполнен: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="350"/>
        <source>Signed out (was {0})</source>
        <translation>Выход выполнен (был {0})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="352"/>
        <source>Signed out of the team server</source>
        <translation>Выполнен выход с сервера команды</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="353"/>
        <source>Sign in again from Tools → Team server…</source>
        <translation>Войдите снова: Сервис → Сервер команды…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="386"/>
        <source>Fetching the team&apos;s inbox… %Ln items</source>
        <translation>
            <numerusform>Загрузка входящих команды… %Ln запись</numerusform>
            <numerusform>Загрузка входящих команды… %Ln записи</numerusform>
            <numerusform>Загрузка входящих команды… %Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="389"/>
        <source>Syncing… %Ln changes received</source>
        <translation>
            <numerusform>Синхронизация… получено %Ln изменение</numerusform>
            <numerusform>Синхронизация… получено %Ln изменения</numerusform>
            <numerusform>Синхронизация… получено %Ln изменений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="380"/>
        <location filename="../../ui/sync/controller.py" line="390"/>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="365"/>
        <source>Trying again in {0} s.</source>
        <translation>Новая попытка через {0} с.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="357"/>
        <source>%n sync conflicts to look at</source>
        <translation>
            <numerusform>%n конфликт синхронизации требует внимания</numerusform>
            <numerusform>%n конфликта синхронизации требуют внимания</numerusform>
            <numerusform>%n конфликтов синхронизации требуют внимания</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="370"/>
        <source>Sync problem</source>
        <translation>Проблема синхронизации</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="374"/>
        <source>conflicts: {0}</source>
        <translation>конфликты: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="383"/>
        <source>Fetching the team&apos;s inbox… {0}%</source>
        <translation>Загрузка входящих команды… {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="387"/>
        <source>Fetching the team&apos;s inbox…</source>
        <translation>Загрузка входящих команды…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="716"/>
        <source>{0} is replying</source>
        <translation>{0} отвечает</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="716"/>
        <source>{0} is viewing</source>
        <translation>{0} просматривает</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="723"/>
        <source>Other agents with this conversation open right now.</source>
        <translation>Другие агенты, у которых сейчас открыто это обращение.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="146"/>
        <source>Escalate…</source>
        <extracomment>Conversations per background unit of work when catching up at start. a burst of commits refreshes the strip once, this long after the first Tables whose change may alter what the strip shows. asks whether to send although new messages arrived (tests pass a stand-in) refreshes asked for by a burst of commits (a sync) become one</extracomment>
        <translation>Передать выше…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="147"/>
        <source>De-escalate…</source>
        <translation>Вернуть с эскалации…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="148"/>
        <source>Insert canned answer…</source>
        <translation>Вставить шаблон ответа…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="150"/>
        <source>Log time…</source>
        <translation>Записать время…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="151"/>
        <source>Start or pause the timer</source>
        <translation>Запустить или приостановить таймер</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="158"/>
        <location filename="../../ui/workflow/controller.py" line="547"/>
        <location filename="../../ui/models.py" line="73"/>
        <source>Due soon</source>
        <translation>Скоро срок</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="159"/>
        <location filename="../../ui/workflow/controller.py" line="547"/>
        <location filename="../../ui/models.py" line="74"/>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="165"/>
        <source>SLA policy and business hours…</source>
        <translation>Политика SLA и рабочие часы…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="167"/>
        <source>On-call rota…</source>
        <translation>График дежурств…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="168"/>
        <source>Check SLA breaches now</source>
        <translation>Проверить нарушения SLA сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="248"/>
        <source>The timer on this conversation has been running for hours. Stop it if you are done.</source>
        <translation>Таймер этого обращения идёт уже несколько часов. Остановите его, если закончили.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="291"/>
        <source>Escalated.</source>
        <translation>Передано выше.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="301"/>
        <source>This conversation is not escalated.</source>
        <translation>Это обращение не передавалось выше.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="318"/>
        <source>Handed back.</source>
        <translation>Возвращено.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="327"/>
        <source>Escalation</source>
        <translation>Эскалация</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="328"/>
        <source>Escalated to {0} by {1}.

Why: {2}

Tried: {3}</source>
        <translation>Передано выше: {0}, кем: {1}.

Почему: {2}

Что пробовали: {3}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="43"/>
        <location filename="../../ui/workflow/controller.py" line="329"/>
        <location filename="../../ui/workflow/dialogs.py" line="136"/>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="330"/>
        <location filename="../../ui/workflow/panel.py" line="302"/>
        <location filename="../../ui/workflow/dialogs.py" line="137"/>
        <source>(nothing noted)</source>
        <translation>(ничего не указано)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="398"/>
        <source>Fill in {0} before sending.</source>
        <translation>Заполните {0} перед отправкой.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="433"/>
        <source>Not sent. Your reply is kept: read the new messages, change the reply if needed, and send again.</source>
        <translation>Не отправлено. Ваш ответ сохранён: прочитайте новые сообщения, при необходимости измените ответ и отправьте снова.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="458"/>
        <source>Not covered</source>
        <translation>Не покрывается</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="458"/>
        <source>Start the timer anyway?</source>
        <translation>Всё равно запустить таймер?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="501"/>
        <location filename="../../ui/workflow/controller.py" line="523"/>
        <source>Time logged.</source>
        <translation>Время записано.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="587"/>
        <source>SLA policy saved; due times updated.</source>
        <translation>Политика SLA сохранена; сроки обновлены.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="617"/>
        <source>On-call rota saved.</source>
        <translation>График дежурств сохранён.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="57"/>
        <source>Customer name</source>
        <translation>Имя клиента</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="58"/>
        <source>Ticket number</source>
        <translation>Номер обращения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="59"/>
        <source>Agent (your name)</source>
        <translation>Агент (ваше имя)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="60"/>
        <source>ETA (when the customer hears back)</source>
        <translation>Срок ответа (когда клиент получит ответ)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="61"/>
        <source>Contract balance</source>
        <translation>Остаток по договору</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="67"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="67"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="67"/>
        <source>Icelandic</source>
        <translation>Исландский</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="104"/>
        <source>Canned answers</source>
        <translation>Шаблоны ответов</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="113"/>
        <location filename="../../ui/workflow/dialogs.py" line="270"/>
        <source>Search by title or /shortcut</source>
        <translation>Поиск по названию или /сокращению</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="93"/>
        <location filename="../../ui/kb/editor.py" line="135"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="119"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="199"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="119"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="200"/>
        <source>Shortcut</source>
        <translation>Сокращение</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="120"/>
        <source>Used</source>
        <translation>Использовано</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="130"/>
        <source>Used: how many replies this answer went into, on every device of the team.</source>
        <translation>Использовано: во скольких ответах применён этот шаблон, на всех устройствах команды.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="132"/>
        <source>New</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="133"/>
        <source>Translate…</source>
        <translation>Перевести…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="135"/>
        <source>A new answer with the same shortcut in another language</source>
        <translation>Новый шаблон с тем же сокращением на другом языке</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="125"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="136"/>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="157"/>
        <source>e.g. Refund issued</source>
        <translation>например, Возврат оформлен</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="160"/>
        <source>e.g. refund (typed as /refund)</source>
        <translation>например, refund (вводится как /refund)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="169"/>
        <source>Hi {customer_name},

Thanks for writing about {ticket}. You will hear from me {eta}.

{agent}</source>
        <translation>Здравствуйте, {customer_name}!

Спасибо за обращение {ticket}. Я отвечу вам {eta}.

{agent}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="171"/>
        <source>Insert placeholder</source>
        <translation>Вставить поле подстановки</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="172"/>
        <source>Filled in for each conversation when the answer is inserted</source>
        <translation>Заполняется для каждого обращения при вставке шаблона</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="181"/>
        <source>Allow gaps the rep fills in, like {order_number}</source>
        <translation>Разрешить пропуски, которые заполняет агент, например {order_number}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="183"/>
        <source>SupportDesk fills only the placeholders in the menu. Other words in braces stay in the reply, and it cannot be sent until the rep replaces them.</source>
        <translation>SupportDesk заполняет только поля подстановки из меню. Другие слова в фигурных скобках остаются в ответе, и его нельзя отправить, пока агент их не заменит.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="194"/>
        <source>Revert</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="257"/>
        <source>All languages</source>
        <translation>Все языки</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="318"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="319"/>
        <source>This answer has changes that are not saved. Discard them?</source>
        <translation>В шаблоне есть несохранённые изменения. Отбросить их?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/canned_dialog.py" line="336"/>
        <location filename="../../ui/workflow/dialogs.py" line="316"/>
        <source>Used %n times</source>
        <translation>
            <numerusform>Использован %n раз</numerusform>
            <numerusform>Использован %n раза</numerusform>
            <numerusform>Использован %n раз</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="337"/>
        <source>Not used yet</source>
        <translation>Ещё не использовался</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="353"/>
        <source>New translation</source>
        <translation>Новый перевод</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="353"/>
        <source>New canned answer</source>
        <translation>Новый шаблон ответа</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="401"/>
        <source>Give the answer a title.</source>
        <translation>Дайте шаблону название.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="403"/>
        <source>A shortcut is one word, like /refund.</source>
        <translation>Сокращение — одно слово, например /refund.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="406"/>
        <source>Choose a language, or type its code (like de).</source>
        <translation>Выберите язык или введите его код (например, de).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="409"/>
        <source>Write the text of the answer.</source>
        <translation>Напишите текст шаблона.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="414"/>
        <source>/{0} in {1} is already “{2}”. Choose another shortcut or language.</source>
        <translation>/{0} на языке {1} уже занято: «{2}». Выберите другое сокращение или язык.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="418"/>
        <source>{0} is not a placeholder: write one word with underscores in braces, like {{customer_name}}.</source>
        <translation>{0} — не поле подстановки: напишите одно слово с подчёркиваниями в фигурных скобках, например {{customer_name}}.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="423"/>
        <source>SupportDesk cannot fill {0}. Use the placeholders it knows ({1}), or tick “Allow gaps” so the rep fills it in before sending.</source>
        <translation>SupportDesk не может заполнить {0}. Используйте известные поля ({1}) или отметьте «Разрешить пропуски», чтобы агент заполнил его перед отправкой.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="454"/>
        <source>Delete canned answer</source>
        <translation>Удалить шаблон ответа</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="455"/>
        <source>Delete “{0}” ({1})? Replies already sent keep their text.</source>
        <translation>Удалить «{0}» ({1})? Уже отправленные ответы сохранят свой текст.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="42"/>
        <source>First response overdue</source>
        <extracomment>Device-local: the newest notification counter already shown here.</extracomment>
        <translation>Первый ответ просрочен</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="43"/>
        <source>Reply overdue</source>
        <translation>Ответ просрочен</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="44"/>
        <source>Resolution overdue</source>
        <translation>Решение просрочено</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="45"/>
        <source>Urgent conversation out of hours</source>
        <translation>Срочное обращение вне рабочих часов</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="46"/>
        <source>Escalated to you</source>
        <translation>Эскалация: передано вам</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/notifier.py" line="124"/>
        <source>SupportDesk · %n alerts</source>
        <translation>
            <numerusform>SupportDesk · %n уведомление</numerusform>
            <numerusform>SupportDesk · %n уведомления</numerusform>
            <numerusform>SupportDesk · %n уведомлений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="172"/>
        <location filename="../../ui/workflow/manage.py" line="48"/>
        <source>The change could not be saved: {0}</source>
        <translation>Не удалось сохранить изменение: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="65"/>
        <source>Canned answers…</source>
        <translation>Шаблоны ответов…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="66"/>
        <source>Contracts…</source>
        <translation>Договоры…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="67"/>
        <source>Contract…</source>
        <translation>Договор…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="70"/>
        <source>This customer&apos;s contract, balance and SLA policy; create one if none</source>
        <translation>Договор клиента, остаток и политика SLA; создайте, если договора нет</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="152"/>
        <source>This conversation has no customer to make a contract with.</source>
        <translation>У этого обращения нет клиента, с которым можно заключить договор.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="209"/>
        <source>In force today: work is covered.</source>
        <translation>Действует сегодня: работа покрывается.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="80"/>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <location filename="../../ui/reports/window.py" line="629"/>
        <source>First response</source>
        <extracomment>Chip colours per SLA state (background, text); readable on light and dark themes.</extracomment>
        <translation>Первый ответ</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="82"/>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <location filename="../../ui/reports/window.py" line="630"/>
        <source>Resolution</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="83"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="89"/>
        <source>SLA paused: waiting on the customer</source>
        <translation>SLA приостановлен: ждём клиента</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="91"/>
        <source>SLA met</source>
        <translation>SLA соблюдён</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="93"/>
        <location filename="../../ui/workflow/panel.py" line="283"/>
        <source>No SLA clock yet</source>
        <translation>Отсчёт SLA ещё не начат</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="98"/>
        <location filename="../../ui/workflow/panel.py" line="103"/>
        <source>{0} overdue since {1}</source>
        <translation>{0}: просрочено с {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="99"/>
        <source>{0} due {1}</source>
        <translation>{0}: срок {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="105"/>
        <source>{0} overdue by {1} (was due {2})</source>
        <translation>{0}: просрочено на {1} (срок был {2})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="107"/>
        <source>{0} due in {1} ({2})</source>
        <translation>{0}: срок через {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="124"/>
        <source>paused</source>
        <translation>приостановлено</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="124"/>
        <source>met</source>
        <translation>соблюдено</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="135"/>
        <source>No contract</source>
        <translation>Нет договора</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="135"/>
        <source>No support contract for this customer: work is not covered. Agree on payment before you start.</source>
        <translation>У клиента нет договора на поддержку: работа не покрывается. Договоритесь об оплате до начала работы.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="138"/>
        <source>The customer&apos;s plan ({0}) includes no support. Agree on payment before you start.</source>
        <translation>Тариф клиента ({0}) не включает поддержку. Договоритесь об оплате до начала работы.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="142"/>
        <source>{0} expired on {1}: work is not covered.</source>
        <translation>Срок {0} истёк {1}: работа не покрывается.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="144"/>
        <source>{0} starts on {1}: work before then is not covered.</source>
        <translation>{0} начинает действовать {1}: работа до этой даты не покрывается.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="147"/>
        <source>{0} · billed per incident ({1:.2f} {2})</source>
        <translation>{0} · оплата за инцидент ({1:.2f} {2})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="153"/>
        <source>({0} over)</source>
        <translation>(превышение {0})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="156"/>
        <source>{0} · used up</source>
        <translation>{0} · исчерпан</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="157"/>
        <source>{0}: the prepaid balance is used up{1}. Work from here is not covered.</source>
        <translation>{0}: предоплаченный остаток исчерпан{1}. Дальнейшая работа не покрывается.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="159"/>
        <source> until {0}</source>
        <translation> до {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="234"/>
        <location filename="../../ui/workflow/panel.py" line="336"/>
        <source>▶ Start</source>
        <translation>▶ Старт</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="235"/>
        <source>Start the timer on this conversation</source>
        <translation>Запустить таймер для этого обращения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="237"/>
        <source>⏸ Pause</source>
        <translation>⏸ Пауза</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="239"/>
        <source>■ Stop</source>
        <translation>■ Стоп</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="240"/>
        <source>Stop the timer and log the time</source>
        <translation>Остановить таймер и записать время</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="284"/>
        <source>The clock starts with the customer&apos;s first message.</source>
        <translation>Отсчёт начинается с первого сообщения клиента.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="300"/>
        <source>Escalated to {0}</source>
        <translation>Передано выше: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="302"/>
        <source>Why: {0}
Tried: {1}</source>
        <translation>Почему: {0}
Что пробовали: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="305"/>
        <source>Logged {0}</source>
        <translation>Записано {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="316"/>
        <source>Policy: {0} ({1})</source>
        <translation>Политика: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="317"/>
        <source>Received: {0}</source>
        <translation>Получено: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="318"/>
        <source>First response due: {0}, answered: {1}</source>
        <translation>Срок первого ответа: {0}, ответ: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="320"/>
        <source>Resolution due: {0}</source>
        <translation>Срок решения: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="323"/>
        <source>Reply due: {0}</source>
        <translation>Срок ответа: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="325"/>
        <source>Acknowledged {0}, promised {1}</source>
        <translation>Подтверждено {0}, обещано {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="335"/>
        <source>▶ Resume</source>
        <translation>▶ Продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="349"/>
        <source>The timer has run for more than {0} h. Still working on this?</source>
        <translation>Таймер идёт уже больше {0} ч. Вы ещё работаете над этим?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="28"/>
        <source>This reply still contains {0}. Fill in or remove every placeholder before sending.</source>
        <translation>В ответе ещё есть {0}. Перед отправкой заполните или удалите все поля подстановки.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/send_guard.py" line="34"/>
        <source>%n new messages arrived since you started this reply:</source>
        <translation>
            <numerusform>Пока вы писали ответ, пришло %n новое сообщение:</numerusform>
            <numerusform>Пока вы писали ответ, пришло %n новых сообщения:</numerusform>
            <numerusform>Пока вы писали ответ, пришло %n новых сообщений:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="39"/>
        <source>Send your reply anyway?</source>
        <translation>Всё равно отправить ответ?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="46"/>
        <source>New messages</source>
        <translation>Новые сообщения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="57"/>
        <source>Cannot send yet</source>
        <translation>Пока нельзя отправить</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="65"/>
        <source>No support included</source>
        <translation>Поддержка не включена</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="66"/>
        <source>Billed per incident</source>
        <translation>Оплата за инцидент</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="67"/>
        <source>Prepaid hours</source>
        <translation>Предоплаченные часы</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="68"/>
        <source>Prepaid incidents</source>
        <translation>Предоплаченные инциденты</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="76"/>
        <source>Work</source>
        <translation>Работа</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="77"/>
        <source>Incident</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="78"/>
        <source>Top-up</source>
        <translation>Пополнение</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="79"/>
        <source>Adjustment</source>
        <translation>Корректировка</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="137"/>
        <source>Top up</source>
        <translation>Пополнить</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="137"/>
        <source>Adjust the balance</source>
        <translation>Скорректировать остаток</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="140"/>
        <source>Add what the customer bought.</source>
        <translation>Добавьте то, что купил клиент.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="141"/>
        <source>A positive amount uses up balance; a negative one gives it back.</source>
        <translation>Положительная сумма расходует остаток, отрицательная возвращает.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="149"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="556"/>
        <location filename="../../ui/workflow/editors.py" line="89"/>
        <location filename="../../ui/workflow/editors.py" line="149"/>
        <source> h</source>
        <extracomment>the policy edited (None: a new one, or the team&apos;s default) a contract policy&apos;s own week (&quot;&quot; uses the team&apos;s hours)</extracomment>
        <translation> ч</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="152"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="556"/>
        <source> incidents</source>
        <translation> инц.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="157"/>
        <source>e.g. invoice 2026-114</source>
        <translation>например, счёт 2026-114</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="157"/>
        <source>Why (required)</source>
        <translation>Причина (обязательно)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="161"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>Amount</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="162"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <location filename="../../ui/workflow/dialogs.py" line="206"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="184"/>
        <source>Enter an amount.</source>
        <translation>Введите количество.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="186"/>
        <source>Say why the balance changes.</source>
        <translation>Укажите, почему меняется остаток.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="227"/>
        <source>Contracts of {0}</source>
        <translation>Договоры: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="227"/>
        <source>Contracts</source>
        <translation>Договоры</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="243"/>
        <source>New contract</source>
        <translation>Новый договор</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="253"/>
        <source>e.g. Northwind: 10 h pack 2026</source>
        <translation>например, Northwind: пакет 10 ч 2026</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="258"/>
        <source>Find a customer or organisation…</source>
        <translation>Найти клиента или организацию…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="277"/>
        <source>Price per incident</source>
        <translation>Цена за инцидент</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="281"/>
        <source>Prepaid</source>
        <translation>Предоплачено</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="286"/>
        <source>Expires on</source>
        <translation>Действует до</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="299"/>
        <source>New policy…</source>
        <translation>Новая политика…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="300"/>
        <source>Edit policy…</source>
        <translation>Изменить политику…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="307"/>
        <source>Anything the team should know (optional)</source>
        <translation>Что следует знать команде (необязательно)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="311"/>
        <source>Covers</source>
        <translation>Покрывает</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="312"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="315"/>
        <source>Starts on</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="316"/>
        <source>SLA policy</source>
        <translation>Политика SLA</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="325"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="478"/>
        <source>Save contract</source>
        <translation>Сохранить договор</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="327"/>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>Balance after</source>
        <translation>Остаток после</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="355"/>
        <source>Top up…</source>
        <translation>Пополнить…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="356"/>
        <source>Adjust…</source>
        <translation>Скорректировать…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="357"/>
        <source>Balance and history</source>
        <translation>Остаток и история</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="425"/>
        <source>Not in force today</source>
        <translation>Сегодня не действует</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="437"/>
        <source>The team&apos;s default policy</source>
        <translation>Политика команды по умолчанию</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="511"/>
        <source>Create contract</source>
        <translation>Создать договор</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="524"/>
        <source>Nobody yet: search on the right</source>
        <translation>Пока никого: ищите справа</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="575"/>
        <source>Give the contract a name.</source>
        <translation>Дайте договору название.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="577"/>
        <source>Choose the customer or organisation it covers.</source>
        <translation>Выберите клиента или организацию, к которым он относится.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="581"/>
        <source>A prepaid pack needs hours or incidents to draw on.</source>
        <translation>Предоплаченному пакету нужны часы или инциденты.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="589"/>
        <source>The currency is a three-letter code, like EUR.</source>
        <translation>Валюта — трёхбуквенный код, например EUR.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="591"/>
        <source>The contract cannot expire before it starts.</source>
        <translation>Договор не может истечь раньше, чем начнётся.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="645"/>
        <source>Save the contract to see its balance.</source>
        <translation>Сохраните договор, чтобы увидеть остаток.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/contracts_dialog.py" line="658"/>
        <source>%n incidents billed: {0} {1}</source>
        <translation>
            <numerusform>Выставлен счёт за %n инцидент: {0} {1}</numerusform>
            <numerusform>Выставлен счёт за %n инцидента: {0} {1}</numerusform>
            <numerusform>Выставлен счёт за %n инцидентов: {0} {1}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="661"/>
        <source>Balance: {0} (prepaid {1}, topped up {2}, used {3})</source>
        <translation>Остаток: {0} (предоплата {1}, пополнено {2}, использовано {3})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="56"/>
        <source>Escalate conversation</source>
        <translation>Передать обращение выше</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="58"/>
        <source>Escalate “{0}”. The expert sees why, and what was tried.</source>
        <translation>Передать выше «{0}». Эксперт увидит причину и что уже пробовали.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="62"/>
        <source>No one in particular</source>
        <translation>Никому конкретно</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="73"/>
        <source>e.g. Tier 2</source>
        <translation>например, вторая линия</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="76"/>
        <source>Why does this need someone else? (required)</source>
        <translation>Почему нужен кто-то другой? (обязательно)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="80"/>
        <source>What was tried already: steps, results, links to logs</source>
        <translation>Что уже пробовали: шаги, результаты, ссылки на журналы</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="86"/>
        <source>Expert</source>
        <translation>Эксперт</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="87"/>
        <source>Tier</source>
        <translation>Линия</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="88"/>
        <location filename="../../ui/workflow/dialogs.py" line="155"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="89"/>
        <source>Tried</source>
        <translation>Что пробовали</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="93"/>
        <source>Escalate</source>
        <translation>Передать выше</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="119"/>
        <source>Say why: the reason is required.</source>
        <translation>Укажите причину: она обязательна.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="121"/>
        <source>Choose an expert, a tier, or both.</source>
        <translation>Выберите эксперта, линию или и то и другое.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="131"/>
        <source>De-escalate conversation</source>
        <translation>Вернуть обращение с эскалации</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="133"/>
        <source>the unassigned pile</source>
        <translation>неназначенные</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="135"/>
        <source>Escalated to {0} by {1}.
Why: {2}
Tried: {3}

It goes back to {4}.</source>
        <translation>Передано выше: {0}, кем: {1}.
Почему: {2}
Что пробовали: {3}

Возвращается: {4}.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="144"/>
        <source>What was found or done, and why it goes back (required)</source>
        <translation>Что выяснили или сделали и почему возвращается (обязательно)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="150"/>
        <source>De-escalate</source>
        <translation>Вернуть с эскалации</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="174"/>
        <source>Stop the timer and log time</source>
        <translation>Остановить таймер и записать время</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="174"/>
        <source>Log time</source>
        <translation>Записать время</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="180"/>
        <source>Work on the conversation</source>
        <translation>Работа над обращением</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="181"/>
        <source>Vendor support (their helpdesk or phone line)</source>
        <translation>Поддержка поставщика (его служба поддержки или телефон)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="190"/>
        <location filename="../../ui/reports/window.py" line="660"/>
        <source>Billable</source>
        <translation>Оплачиваемое</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="193"/>
        <source>What was done</source>
        <translation>Что сделано</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="195"/>
        <source>e.g. Contoso Printers</source>
        <translation>например, Contoso Printers</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="197"/>
        <source>their case or ticket number</source>
        <translation>номер их обращения или заявки</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_preview.py" line="62"/>
        <location filename="../../ui/workflow/dialogs.py" line="204"/>
        <location filename="../../ui/chatimport_dialog.py" line="224"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="210"/>
        <source>Vendor</source>
        <translation>Поставщик</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="211"/>
        <source>Their case number</source>
        <translation>Номер их обращения</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="212"/>
        <source>Of which on the phone</source>
        <translation>Из них по телефону</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="241"/>
        <source>Name the vendor.</source>
        <translation>Укажите поставщика.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="243"/>
        <source>Time on the phone is part of the total time.</source>
        <translation>Время по телефону входит в общее время.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="263"/>
        <source>Insert a canned answer</source>
        <translation>Вставить шаблон ответа</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="290"/>
        <source>Insert</source>
        <translation>Вставить</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="321"/>
        <source>No canned answer matches.</source>
        <translation>Подходящих шаблонов нет.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="338"/>
        <source>Fill in before sending: {0}. A reply with a placeholder left cannot be sent.</source>
        <translation>Заполните перед отправкой: {0}. Ответ с незаполненным полем отправить нельзя.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="48"/>
        <source>Reports…</source>
        <translation>Отчёты…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="50"/>
        <source>Weekly summary and billing, with exports</source>
        <translation>Недельная сводка и биллинг, с экспортом</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="52"/>
        <source>Scheduled report export…</source>
        <translation>Экспорт отчётов по расписанию…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="208"/>
        <source>Scheduled report for {0} written to {1}</source>
        <extracomment>After a failed run, wait this long before trying again.</extracomment>
        <translation>Отчёт по расписанию за {0} записан в {1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="215"/>
        <source>The scheduled report was not written: {0} SupportDesk tries again in an hour.</source>
        <translation>Отчёт по расписанию не записан: {0} SupportDesk попробует снова через час.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="225"/>
        <source>Scheduled report export</source>
        <translation>Экспорт отчётов по расписанию</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="237"/>
        <source>Write last week&apos;s summary automatically</source>
        <translation>Записывать сводку за прошлую неделю автоматически</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="247"/>
        <source>at</source>
        <translation>в</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="249"/>
        <source>({0})</source>
        <translation>({0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="252"/>
        <source>The folder the reports are written to</source>
        <translation>Папка, куда записываются отчёты</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="145"/>
        <location filename="../../ui/reports/schedule.py" line="253"/>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="269"/>
        <source>CSV with a byte-order mark (for Excel)</source>
        <translation>CSV с меткой порядка байтов (для Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="274"/>
        <source>Every</source>
        <translation>Каждый</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="275"/>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="276"/>
        <source>Formats</source>
        <translation>Форматы</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="280"/>
        <source>PDF pages</source>
        <translation>Страницы PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="289"/>
        <source>Write last week now</source>
        <translation>Записать прошлую неделю сейчас</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="320"/>
        <source>Last written: {0}.</source>
        <translation>Последняя запись: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="321"/>
        <source>Nothing written yet.</source>
        <translation>Пока ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="323"/>
        <source>Scheduled export is off.</source>
        <translation>Экспорт по расписанию выключен.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="327"/>
        <source>Next run: {0:%a %d %b %Y %H:%M}, writing {1}. If SupportDesk is closed then, it writes the missed weeks (up to {2}) when it next starts.</source>
        <translation>Следующий запуск: {0:%d.%m.%Y %H:%M}, запись: {1}. Если SupportDesk в это время закрыт, пропущенные недели (до {2}) будут записаны при следующем запуске.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="333"/>
        <source>Folder for the weekly reports</source>
        <translation>Папка для недельных отчётов</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="379"/>
        <source>Wrote {0} to {1}.</source>
        <translation>{0} записано в {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="388"/>
        <source>A report is being written; try again in a moment.</source>
        <translation>Отчёт записывается; попробуйте чуть позже.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="180"/>
        <source>Customer messages by weekday and hour ({0})</source>
        <extracomment>Bar colours that read on light and dark backgrounds.</extracomment>
        <translation>Сообщения клиентов по дням недели и часам ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="205"/>
        <source>Busiest hours ({0})</source>
        <translation>Самые загруженные часы ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="206"/>
        <source>Busiest hours</source>
        <translation>Самые загруженные часы</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/charts.py" line="244"/>
        <source>Darker is busier. Busiest: {0} {1:02d}:00, %n customer messages.</source>
        <translation>
            <numerusform>Темнее — загруженнее. Пик: {0} {1:02d}:00, %n сообщение клиентов.</numerusform>
            <numerusform>Темнее — загруженнее. Пик: {0} {1:02d}:00, %n сообщения клиентов.</numerusform>
            <numerusform>Темнее — загруженнее. Пик: {0} {1:02d}:00, %n сообщений клиентов.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="246"/>
        <source>No customer messages in this period.</source>
        <translation>За этот период сообщений клиентов нет.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>us</source>
        <translation>мы</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>customer</source>
        <translation>клиент</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>participant</source>
        <translation>участник</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="107"/>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>Импорт отменён. Ничего не импортировано.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="104"/>
        <source>Import cancelled. %Ln messages were saved; import the file again to finish.</source>
        <translation>
            <numerusform>Импорт отменён. Сохранено %Ln сообщение; импортируйте файл снова, чтобы закончить.</numerusform>
            <numerusform>Импорт отменён. Сохранено %Ln сообщения; импортируйте файл снова, чтобы закончить.</numerusform>
            <numerusform>Импорт отменён. Сохранено %Ln сообщений; импортируйте файл снова, чтобы закончить.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="110"/>
        <source>%Ln messages added from the {0} export, {1} were already here.</source>
        <translation>
            <numerusform>Из экспорта {0} добавлено %Ln сообщение, {1} уже было здесь.</numerusform>
            <numerusform>Из экспорта {0} добавлено %Ln сообщения, {1} уже было здесь.</numerusform>
            <numerusform>Из экспорта {0} добавлено %Ln сообщений, {1} уже было здесь.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="113"/>
        <source>%Ln messages imported before now show who wrote them.</source>
        <translation>
            <numerusform>У %Ln ранее импортированного сообщения теперь виден автор.</numerusform>
            <numerusform>У %Ln ранее импортированных сообщений теперь виден автор.</numerusform>
            <numerusform>У %Ln ранее импортированных сообщений теперь виден автор.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="116"/>
        <source>new conversation</source>
        <translation>новое обращение</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="116"/>
        <source>added to the existing conversation</source>
        <translation>добавлено в существующее обращение</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="119"/>
        <source>New customers: {0}. New team members: {1}.</source>
        <translation>Новых клиентов: {0}. Новых участников команды: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="122"/>
        <source>Files stored: {0}. Named in the export but not included: {1}.</source>
        <translation>Сохранено файлов: {0}. Упомянуто в экспорте, но не приложено: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="125"/>
        <source>Times without a zone were read as {0}.</source>
        <translation>Время без пояса прочитано как {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="127"/>
        <source>Not imported: {0} ({1})</source>
        <translation>Не импортировано: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="129"/>
        <source>…and {0} more not imported.</source>
        <translation>…и ещё {0} не импортировано.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_preview.py" line="74"/>
        <source>(notice)</source>
        <translation>(уведомление)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="170"/>
        <location filename="../../ui/chatimport_dialog.py" line="388"/>
        <source>Import a chat export</source>
        <translation>Импорт экспорта чата</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="195"/>
        <source>Choose an export, or drop it on the main window.</source>
        <translation>Выберите экспорт или перетащите его в главное окно.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="197"/>
        <source>Choose file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="209"/>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="212"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="224"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="228"/>
        <source>Use these columns</source>
        <translation>Использовать эти столбцы</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="231"/>
        <source>Columns:</source>
        <translation>Столбцы:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="254"/>
        <source>Participant</source>
        <translation>Участник</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="254"/>
        <source>Us</source>
        <translation>Мы</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="269"/>
        <source>Time zone:</source>
        <translation>Часовой пояс:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="281"/>
        <source>The export&apos;s times carry no zone (they are the phone&apos;s clock).</source>
        <translation>Время в экспорте указано без пояса (по часам телефона).</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="324"/>
        <source>Preview (as it will be imported)</source>
        <translation>Предпросмотр (как будет импортировано)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="326"/>
        <source>Who is who</source>
        <translation>Кто есть кто</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="371"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="389"/>
        <source>Chat exports (*.txt *.zip *.json *.csv);;All files (*)</source>
        <translation>Экспорты чатов (*.txt *.zip *.json *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="403"/>
        <source>Also attach the files it names from its folder, {0}</source>
        <translation>Также приложить упомянутые в нём файлы из его папки, {0}</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="410"/>
        <source>Reading {0}…</source>
        <translation>Чтение {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="429"/>
        <source>Could not read {0}: {1}</source>
        <translation>Не удалось прочитать {0}: {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="493"/>
        <source>%Ln messages ready to import.</source>
        <translation>
            <numerusform>%Ln сообщение готово к импорту.</numerusform>
            <numerusform>%Ln сообщения готовы к импорту.</numerusform>
            <numerusform>%Ln сообщений готовы к импорту.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="506"/>
        <source>“{0}”: %Ln messages, {1}</source>
        <translation>
            <numerusform>«{0}»: %Ln сообщение, {1}</numerusform>
            <numerusform>«{0}»: %Ln сообщения, {1}</numerusform>
            <numerusform>«{0}»: %Ln сообщений, {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="509"/>
        <source>{0} chats, %Ln messages; {1} of them already have a conversation</source>
        <translation>
            <numerusform>Чатов: {0}, %Ln сообщение; у {1} из них уже есть обращение</numerusform>
            <numerusform>Чатов: {0}, %Ln сообщения; у {1} из них уже есть обращение</numerusform>
            <numerusform>Чатов: {0}, %Ln сообщений; у {1} из них уже есть обращение</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="674"/>
        <source>Importing… {0} of %Ln messages</source>
        <translation>
            <numerusform>Импорт… {0} из %Ln сообщения</numerusform>
            <numerusform>Импорт… {0} из %Ln сообщений</numerusform>
            <numerusform>Импорт… {0} из %Ln сообщений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="503"/>
        <source>adds to the existing conversation</source>
        <translation>добавится в существующее обращение</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="504"/>
        <source>a new conversation</source>
        <translation>новое обращение</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="528"/>
        <source>This participant is one of us (the team)</source>
        <translation>Этот участник — из нашей команды</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="537"/>
        <source>phone number</source>
        <translation>номер телефона</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="537"/>
        <source>chat handle</source>
        <translation>имя в чате</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="538"/>
        <source>email address</source>
        <translation>адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="538"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="540"/>
        <source>{0} (matched by {1})</source>
        <translation>{0} (совпадение: {1})</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="542"/>
        <source>New customer</source>
        <translation>Новый клиент</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="543"/>
        <source>Keep as a participant only</source>
        <translation>Оставить только участником</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="571"/>
        <source>Everyone not marked as us is filed as a customer (matched or new).</source>
        <translation>Все, кто не отмечен как «мы», записываются клиентами (найденными или новыми).</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="572"/>
        <source>Nobody is marked as us: everyone is kept as a participant, to sort out later. Tick who speaks for the team.</source>
        <translation>Никто не отмечен как «мы»: все остаются участниками, разберётесь позже. Отметьте тех, кто говорит от имени команды.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="643"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="660"/>
        <source>The import failed: {0}</source>
        <translation>Импорт не удался: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="672"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="686"/>
        <source>Import cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="686"/>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="693"/>
        <source>The conversation is open in the main window.</source>
        <translation>Обращение открыто в главном окне.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="707"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="43"/>
        <source>There is no room left to write to {0} (the disk is full). Free some space or choose another folder; nothing was written.</source>
        <translation>Нет места для записи в {0} (диск заполнен). Освободите место или выберите другую папку; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="46"/>
        <source>SupportDesk may not write to {0}. Choose a folder you can write to; nothing was written.</source>
        <translation>У SupportDesk нет прав на запись в {0}. Выберите папку, доступную для записи; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="49"/>
        <source>{0} is a file, not a folder. Choose a folder; nothing was written.</source>
        <translation>{0} — это файл, а не папка. Выберите папку; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="52"/>
        <source>The folder {0} does not exist. Choose another; nothing was written.</source>
        <translation>Папки {0} не существует. Выберите другую; ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="55"/>
        <source>Could not write to {0}: {1}. Nothing was written.</source>
        <translation>Не удалось записать в {0}: {1}. Ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="40"/>
        <location filename="../../ui/kb/editor.py" line="62"/>
        <source>Knowledge base</source>
        <translation>База знаний</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="47"/>
        <source>Suggested articles</source>
        <translation>Предложенные статьи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="49"/>
        <source>Knowledge base articles that match the open conversation, best first</source>
        <translation>Статьи базы знаний, подходящие к открытому обращению, лучшие первыми</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="54"/>
        <source>Insert text</source>
        <translation>Вставить текст</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="55"/>
        <source>Put the article&apos;s text into the reply</source>
        <translation>Вставить текст статьи в ответ</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="57"/>
        <location filename="../../ui/mail/richtext.py" line="81"/>
        <source>Insert link</source>
        <translation>Вставить ссылку</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="58"/>
        <source>Put the article&apos;s address on the help site into the reply</source>
        <translation>Вставить в ответ адрес статьи на сайте помощи</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="84"/>
        <source>public</source>
        <translation>публичная</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="84"/>
        <source>internal</source>
        <translation>внутренняя</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="86"/>
        <location filename="../../ui/kb/editor.py" line="184"/>
        <source>{0} uses</source>
        <translation>использований: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="94"/>
        <source>Open a conversation to see matching articles.</source>
        <translation>Откройте обращение, чтобы увидеть подходящие статьи.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="95"/>
        <source>Articles that match this conversation, best first.</source>
        <translation>Статьи, подходящие к этому обращению, сначала лучшие.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="96"/>
        <source>No article matches this conversation yet.</source>
        <translation>Подходящих к этому обращению статей пока нет.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="103"/>
        <location filename="../../ui/kb/mentions.py" line="149"/>
        <location filename="../../ui/kb/mentions.py" line="175"/>
        <source>Mentions</source>
        <translation>Упоминания</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="109"/>
        <source>Conversations where you were mentioned</source>
        <translation>Обращения, в которых вас упомянули</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="122"/>
        <source> (+{0} more)</source>
        <translation> (и ещё {0})</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="124"/>
        <source>{0} mentioned you · {1:%d %b %H:%M}</source>
        <translation>Вас упомянул(а) {0} · {1:%d.%m %H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="128"/>
        <source>Conversations a teammate called you into. Opening one clears it.</source>
        <translation>Обращения, в которые вас позвал коллега. Открытое обращение уходит из списка.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="129"/>
        <source>No one has mentioned you.</source>
        <translation>Вас никто не упоминал.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="151"/>
        <source>Conversations a teammate mentioned you in</source>
        <translation>Обращения, в которых вас упомянул коллега</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="175"/>
        <source>Mentions ({0})</source>
        <translation>Упоминания ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="181"/>
        <source>{0} mentioned you in “{1}”</source>
        <translation>Вас упомянул(а) {0} в «{1}»</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="50"/>
        <location filename="../../ui/undo_send.py" line="56"/>
        <source>Undo send</source>
        <translation>Отменить отправку</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="52"/>
        <source>Takes the last mail back out of the outbox before it leaves</source>
        <translation>Забирает последнее письмо из исходящих, пока оно не ушло</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="86"/>
        <source>Sending in {0} s · Undo</source>
        <translation>Отправка через {0} с · Отменить</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="94"/>
        <source>Nothing to undo: the mail has left.</source>
        <translation>Отменять нечего: письмо уже ушло.</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="114"/>
        <source>Not sent. The mail is back in its composer.</source>
        <translation>Не отправлено. Письмо снова в окне редактирования.</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="27"/>
        <location filename="../../ui/export.py" line="71"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="27"/>
        <source>Web page (*.html)</source>
        <translation>Веб-страница (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="28"/>
        <source>Mails as mbox (*.mbox)</source>
        <translation>Письма в формате mbox (*.mbox)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="28"/>
        <source>Mails as .eml files (folder)</source>
        <translation>Письма как файлы .eml (папка)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="37"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="38"/>
        <source>Save this conversation as PDF, HTML or mail</source>
        <translation>Сохранить это обращение как PDF, HTML или письма</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="42"/>
        <source>Export history…</source>
        <translation>Экспорт истории…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="43"/>
        <source>Everything of this customer as one PDF or a zip</source>
        <translation>Всё по этому клиенту одним PDF или архивом zip</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="56"/>
        <source>Export conversation</source>
        <translation>Экспорт обращения</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="67"/>
        <source>Open a conversation of the customer first.</source>
        <translation>Сначала откройте обращение этого клиента.</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="71"/>
        <source>Zip with pages, mails and files (*.zip)</source>
        <translation>Zip со страницами, письмами и файлами (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="74"/>
        <source>Export customer history</source>
        <translation>Экспорт истории клиента</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="89"/>
        <source>Exported to {path}</source>
        <translation>Экспортировано в {path}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="33"/>
        <source>C&amp;ustomers</source>
        <translation>&amp;Клиенты</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="35"/>
        <location filename="../../ui/customers/__init__.py" line="50"/>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="37"/>
        <source>Unmerge…</source>
        <translation>Разъединить…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="39"/>
        <source>Likely duplicates…</source>
        <translation>Вероятные дубликаты…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="41"/>
        <source>Erase customer…</source>
        <translation>Стереть клиента…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="42"/>
        <source>Remove a customer&apos;s messages, files and addresses for a data-protection request</source>
        <translation>Удалить сообщения, файлы и адреса клиента по запросу о защите персональных данных</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="51"/>
        <source>Merge this customer with another (their addresses, phones and conversations show together)</source>
        <translation>Объединить этого клиента с другим (их адреса, телефоны и обращения будут показаны вместе)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="80"/>
        <source>Open a conversation of the customer to erase first.</source>
        <translation>Сначала откройте обращение клиента, которого нужно стереть.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="83"/>
        <location filename="../../ui/customers/dialogs.py" line="257"/>
        <source>Erase customer</source>
        <translation>Стереть клиента</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="84"/>
        <source>Erase {name} and everything they wrote?

Their messages (and the team&apos;s replies to them), attachments, addresses and phone numbers are removed on this device and, at the next sync, on every device of the team. Reports keep anonymous counts. This cannot be undone.</source>
        <translation>Стереть клиента {name} и всё, что он написал?

Сообщения клиента (и ответы команды на них), вложения, адреса и номера телефонов удаляются на этом устройстве, а при следующей синхронизации — на всех устройствах команды. В отчётах остаются только анонимные счётчики. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="110"/>
        <source>Customer erased: {n} conversation(s) and {m} message(s) anonymised.</source>
        <translation>Клиент стёрт: обезличено обращений: {n}, сообщений: {m}.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="39"/>
        <source>same phone</source>
        <translation>тот же телефон</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="39"/>
        <source>same e-mail</source>
        <translation>тот же адрес эл. почты</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="40"/>
        <source>same name and organisation</source>
        <translation>то же имя и организация</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="41"/>
        <source>chat handle matches a phone</source>
        <translation>имя в чате совпадает с телефоном</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="85"/>
        <source>Merge customers</source>
        <translation>Объединить клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="93"/>
        <source>Find customers by name, organisation, address or number</source>
        <translation>Найти клиентов по имени, организации, адресу или номеру</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="106"/>
        <source>Likely duplicates</source>
        <translation>Вероятные дубликаты</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="116"/>
        <source>Merge this pair</source>
        <translation>Объединить эту пару</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="136"/>
        <source>Select two or more customers: they are merged into the first one selected.</source>
        <translation>Выберите двух или более клиентов: они будут объединены с первым выбранным.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="138"/>
        <source>Merge the selected customers</source>
        <translation>Объединить выбранных клиентов</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="140"/>
        <source>Customers you select are merged into {name}. Their addresses, phones and conversations stay theirs, so Unmerge can split them again.</source>
        <translation>Выбранные клиенты будут объединены с {name}. Их адреса, телефоны и обращения остаются за ними, поэтому «Разъединить» сможет снова их разделить.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="144"/>
        <source>Merge into {name}</source>
        <translation>Объединить с {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="165"/>
        <source>Select at least two customers to merge.</source>
        <translation>Выберите хотя бы двух клиентов для объединения.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="203"/>
        <source>Unmerge a customer</source>
        <translation>Разъединить клиента</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="213"/>
        <source>Unmerge</source>
        <translation>Разъединить</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="229"/>
        <source>Customers merged into this one:</source>
        <translation>Клиенты, объединённые с этим:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="230"/>
        <source>No customer is merged into this one.</source>
        <translation>С этим клиентом никто не объединён.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="259"/>
        <source>To confirm, type the customer&apos;s name: {name}</source>
        <translation>Для подтверждения введите имя клиента: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="266"/>
        <source>Erase for good</source>
        <translation>Стереть навсегда</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_settings.py" line="88"/>
        <source>Only an owner of the team can add a mailbox or change its servers, user name or certificate file.</source>
        <translation>Добавить почтовый ящик или изменить его серверы, имя пользователя или файл сертификата может только владелец команды.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_settings.py" line="103"/>
        <source>The servers changed: type the password again to use them.</source>
        <translation>Серверы изменились: введите пароль снова, чтобы использовать их.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="54"/>
        <source>OAuth2 provider</source>
        <translation>Провайдер OAuth2</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="70"/>
        <source>Sign in with {0}</source>
        <translation>Войти через {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="73"/>
        <source>SupportDesk signs in to {0} through your browser and keeps only a token, in the system keyring. Your organisation registers SupportDesk as an app once and enters its client id here (the README explains how).</source>
        <translation>SupportDesk входит в {0} через ваш браузер и хранит только токен — в связке ключей системы. Ваша организация один раз регистрирует SupportDesk как приложение и вводит здесь его идентификатор клиента (как это сделать, описано в README).</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="82"/>
        <source>Only if the provider gave one (Google does)</source>
        <translation>Только если провайдер его выдал (Google выдаёт)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="84"/>
        <source>Your directory (tenant) id or domain, or &apos;organizations&apos;</source>
        <translation>ID вашего каталога (тенанта) или домен либо &apos;organizations&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="90"/>
        <source>Client id</source>
        <translation>Идентификатор клиента</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="91"/>
        <source>Client secret</source>
        <translation>Секрет клиента</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="93"/>
        <source>Tenant</source>
        <translation>Тенант</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="95"/>
        <source>Authorization endpoint</source>
        <translation>Адрес авторизации</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="96"/>
        <source>Token endpoint</source>
        <translation>Адрес токенов</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="97"/>
        <source>Device-code endpoint</source>
        <translation>Адрес кодов устройств</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="98"/>
        <source>Scopes</source>
        <translation>Области доступа</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="103"/>
        <source>Sign in with the browser</source>
        <translation>Войти через браузер</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="106"/>
        <source>Use a code on another device</source>
        <translation>Ввести код на другом устройстве</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="144"/>
        <source>Waiting for the sign-in…</source>
        <translation>Ожидание входа…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="158"/>
        <source>Open {0} on any device and enter the code {1}</source>
        <translation>Откройте {0} на любом устройстве и введите код {1}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="237"/>
        <source>Signed in with {0}.</source>
        <translation>Вход через {0} выполнен.</translation>
    </message>
    <message>
        <location filename="../../ui/rules/__init__.py" line="22"/>
        <source>Rules…</source>
        <translation>Правила…</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="68"/>
        <source>Draft</source>
        <extracomment>how long typing must pause before the draft is written conversations with a draft on this device (the list marks them) the dialogs asking Keep / Discard, while one is open (tests answer it)</extracomment>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="187"/>
        <source>Your draft from {0} is back.</source>
        <translation>Ваш черновик от {0} восстановлен.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="230"/>
        <source>Draft kept; it comes back when you write again.</source>
        <translation>Черновик сохранён; он вернётся, когда вы снова начнёте писать.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="242"/>
        <source>Keep the draft?</source>
        <translation>Сохранить черновик?</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="243"/>
        <source>You have written something that was not sent.</source>
        <translation>Вы написали текст, который не был отправлен.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="245"/>
        <source>Keep it as a draft to finish later, or discard it for good.</source>
        <translation>Сохраните его как черновик, чтобы закончить позже, или удалите навсегда.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="246"/>
        <source>Keep draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="247"/>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="248"/>
        <source>Keep writing</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="81"/>
        <source>Address (https://…)</source>
        <translation>Адрес (https://…)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="119"/>
        <source>B</source>
        <translation>Ж</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="119"/>
        <source>Bold</source>
        <translation>Жирный</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="120"/>
        <source>I</source>
        <translation>К</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="120"/>
        <source>Italic</source>
        <translation>Курсив</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="121"/>
        <source>• List</source>
        <translation>• Список</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="121"/>
        <source>Bulleted list</source>
        <translation>Маркированный список</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="122"/>
        <source>1. List</source>
        <translation>1. Список</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="122"/>
        <source>Numbered list</source>
        <translation>Нумерованный список</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="123"/>
        <source>Link…</source>
        <translation>Ссылка…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="123"/>
        <source>Insert a link</source>
        <translation>Вставить ссылку</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="51"/>
        <source>New workspace</source>
        <translation>Новое пространство</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="52"/>
        <source>There is no workspace in {0} yet.</source>
        <translation>В {0} пока нет рабочего пространства.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="54"/>
        <source>Try SupportDesk with a demo workspace full of made-up conversations, or start an empty workspace for real work.</source>
        <translation>Попробуйте SupportDesk в демо-пространстве с вымышленными обращениями или начните пустое пространство для настоящей работы.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="56"/>
        <source>Demo workspace</source>
        <translation>Демо-пространство</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="57"/>
        <source>Empty workspace</source>
        <translation>Пустое пространство</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="103"/>
        <source>New workspace…</source>
        <extracomment>starts a window on a profile (a test may watch what is asked) asks for a folder (a test may answer)</extracomment>
        <translation>Новое пространство…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="105"/>
        <source>Open workspace…</source>
        <translation>Открыть пространство…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="129"/>
        <source>Choose an empty folder for the new workspace</source>
        <translation>Выберите пустую папку для нового пространства</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="135"/>
        <source>{0} already holds a workspace; it is opened.</source>
        <translation>В {0} уже есть пространство; оно открыто.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="141"/>
        <source>No workspace could be made in {0}: {1}</source>
        <translation>Не удалось создать пространство в {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="148"/>
        <source>Choose the folder of a workspace</source>
        <translation>Выберите папку пространства</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="154"/>
        <source>{0} holds no workspace. Use File → New workspace… to make one.</source>
        <translation>В {0} нет пространства. Создайте его через Файл → Новое пространство…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="184"/>
        <source>Your inbox is empty. What to do first:</source>
        <translation>Входящие пусты. С чего начать:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="186"/>
        <source>1. Add your support mailbox, so mail arrives here.
2. Import chat exports (WhatsApp, Telegram, Slack, …) you already have.
3. Log a phone call with C.
4. Working in a team? Sign in to your team&apos;s server.</source>
        <translation>1. Добавьте почтовый ящик поддержки, чтобы письма приходили сюда.
2. Импортируйте экспорты чатов (WhatsApp, Telegram, Slack, …), которые у вас уже есть.
3. Запишите телефонный звонок клавишей C.
4. Работаете в команде? Войдите на сервер команды.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="196"/>
        <source>No conversations in this view.</source>
        <translation>В этом представлении нет обращений.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="197"/>
        <source>Pick another view on the left, or clear the search.</source>
        <translation>Выберите другое представление слева или очистите поиск.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="206"/>
        <source>Add a mailbox…</source>
        <translation>Добавить почтовый ящик…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="209"/>
        <source>Import chats…</source>
        <translation>Импортировать чаты…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app.py" line="356"/>
        <source>Updating the search index…</source>
        <extracomment>how long a busy background thread (the store&apos;s writer, a sync) may keep the interpreter lock while the GUI thread waits for it (seconds; Python&apos;s default is 5 ms). The GUI thread takes the lock for every call from Qt into Python (a slot, a model&apos;s ``data``, a delegate&apos;s ``paint``), so one repaint may wait this long dozens of times while a sync or an SLA refresh runs. how long a second copy waits for a first one that is still starting (seconds)</extracomment>
        <translation>Обновление поискового индекса…</translation>
    </message>
</context>
</TS>
