<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="is_IS">
<context>
    <name></name>
    <message>
        <location filename="../../ui/window/refresh.py" line="175"/>
        <location filename="../../ui/conversation.py" line="66"/>
        <source>Open</source>
        <extracomment>Extra safe HTML per timeline entry (a capability&apos;s rendering of its messages). Bytes or an image for a resource the timeline refers to; None: nothing (no network).</extracomment>
        <translation>Opið</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="71"/>
        <location filename="../../ui/conversation.py" line="66"/>
        <source>Pending</source>
        <translation>Í bið</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <location filename="../../ui/reports/window.py" line="89"/>
        <source>{0} h</source>
        <extracomment>how dates and times are written, as QLocale patterns (day and month names in the window&apos;s language, 24-hour clock)</extracomment>
        <translation>{0} klst.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>{0} h {1} min</source>
        <translation>{0} klst. {1} mín.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55"/>
        <source>{0} min {1:02d} s</source>
        <translation>{0} mín. {1:02d} sek.</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56"/>
        <location filename="../../ui/reports/window.py" line="88"/>
        <location filename="../../ui/reports/window.py" line="95"/>
        <source>{0} min</source>
        <extracomment>The folder the last export went to (this computer only). Weeks offered in the week list.</extracomment>
        <translation>{0} mín.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="95"/>
        <source>{0} h {1:02d} min</source>
        <translation>{0} klst. {1:02d} mín.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="143"/>
        <source>Open folder</source>
        <translation>Opna möppu</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="146"/>
        <source>Hide this message</source>
        <translation>Fela þessi skilaboð</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="188"/>
        <source>Reports — SupportDesk</source>
        <translation>Skýrslur — SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="210"/>
        <source>Summary</source>
        <translation>Yfirlit</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="211"/>
        <source>Billing</source>
        <translation>Reikningsfærsla</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="238"/>
        <source>ISO week</source>
        <translation>ISO-vika</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="239"/>
        <source>Date range</source>
        <translation>Tímabil</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="249"/>
        <source>Previous week (Alt+Left)</source>
        <translation>Fyrri vika (Alt+Vinstri)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="258"/>
        <source>Next week (Alt+Right)</source>
        <translation>Næsta vika (Alt+Hægri)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="276"/>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="293"/>
        <source>Export</source>
        <translation>Flytja út</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="298"/>
        <source>PDF, A4 pages…</source>
        <translation>PDF, A4-síður…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="299"/>
        <source>PDF, Letter pages…</source>
        <translation>PDF, Letter-síður…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="300"/>
        <source>CSV files…</source>
        <translation>CSV-skrár…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="301"/>
        <source>CSV files for Excel (UTF-8 with BOM)…</source>
        <translation>CSV-skrár fyrir Excel (UTF-8 með BOM)…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="302"/>
        <source>HTML page…</source>
        <translation>HTML-síða…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="309"/>
        <source>Schedule…</source>
        <translation>Tímaáætlun…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="310"/>
        <source>Write last week&apos;s summary to a folder every week</source>
        <translation>Vista yfirlit síðustu viku í möppu í hverri viku</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="624"/>
        <location filename="../../ui/models.py" line="72"/>
        <location filename="../../ui/conversation.py" line="67"/>
        <source>Solved</source>
        <translation>Leyst</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="623"/>
        <source>Opened</source>
        <translation>Opnuð</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="625"/>
        <source>Reopened</source>
        <translation>Opnuð aftur</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="348"/>
        <source>Backlog start → end</source>
        <translation>Óafgreitt: upphaf → lok</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="348"/>
        <source>SLA first response met</source>
        <translation>Fyrsta svar innan SLA</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="349"/>
        <source>First response (median)</source>
        <translation>Fyrsta svar (miðgildi)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="350"/>
        <source>Resolution (median)</source>
        <translation>Úrlausn (miðgildi)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="350"/>
        <source>Escalations</source>
        <translation>Stigmagnanir</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="351"/>
        <source>On-call pages</source>
        <translation>Útköll á bakvakt</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="351"/>
        <source>Auto-ack ETAs met</source>
        <translation>Lofaður svartími stóðst</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="359"/>
        <source>This week against the previous four</source>
        <translation>Þessi vika borin saman við fjórar síðustu</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="360"/>
        <source>conversations</source>
        <translation>erindi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="361"/>
        <source>Median business hours by channel</source>
        <translation>Miðgildi vinnustunda eftir rás</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="361"/>
        <location filename="../../ui/reports/window.py" line="414"/>
        <source>hours</source>
        <translation>klukkustundir</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="367"/>
        <source>Details</source>
        <translation>Nánar</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="372"/>
        <source>Still waiting</source>
        <translation>Bíða enn</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="372"/>
        <source>By channel</source>
        <translation>Eftir rás</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="373"/>
        <source>By agent</source>
        <translation>Eftir fulltrúa</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="373"/>
        <source>By customer</source>
        <translation>Eftir viðskiptavini</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="374"/>
        <source>SLA by channel</source>
        <translation>SLA eftir rás</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="374"/>
        <source>Previous weeks</source>
        <translation>Fyrri vikur</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="382"/>
        <source>Double-click a conversation to open it in the main window</source>
        <translation>Tvísmelltu á erindi til að opna það í aðalglugganum</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="406"/>
        <source>Billable work</source>
        <translation>Reikningshæf vinna</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="406"/>
        <location filename="../../ui/reports/window.py" line="661"/>
        <source>Not billable</source>
        <translation>Ekki reikningshæft</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="407"/>
        <source>Vendor support (apart)</source>
        <translation>Aðstoð birgja (sér)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="407"/>
        <source>Incidents used</source>
        <translation>Notuð atvik</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="408"/>
        <source>Expired unused</source>
        <translation>Rann út ónotað</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="414"/>
        <source>Time by customer (top 8)</source>
        <translation>Tími eftir viðskiptavini (efstu 8)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="417"/>
        <source>No time was logged in this period.</source>
        <translation>Enginn tími var skráður á þessu tímabili.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="421"/>
        <source>Time by customer</source>
        <translation>Tími eftir viðskiptavini</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="422"/>
        <source>Contracts and balances</source>
        <translation>Samningar og staða</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="478"/>
        <source>(so far)</source>
        <translation>(hingað til)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="556"/>
        <source>Writing…</source>
        <translation>Skrifa…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="557"/>
        <source>Computing…</source>
        <translation>Reikna…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="577"/>
        <source>The report could not be computed: {0}</source>
        <translation>Ekki tókst að reikna skýrsluna: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="590"/>
        <source>Week {0}</source>
        <translation>Vika {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="591"/>
        <source>{0} to {1}</source>
        <translation>{0} til {1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="595"/>
        <source>times in business hours</source>
        <translation>tímar innan opnunartíma</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="597"/>
        <source>new conversations</source>
        <translation>ný erindi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="598"/>
        <source>%n resolutions timed</source>
        <translation>
            <numerusform>%n úrlausn tímamæld</numerusform>
            <numerusform>%n úrlausnir tímamældar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="606"/>
        <source>p90 {0} · %n replies</source>
        <translation>
            <numerusform>p90 {0} · %n svar</numerusform>
            <numerusform>p90 {0} · %n svör</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="610"/>
        <source>p90 {0} · %n solved</source>
        <translation>
            <numerusform>p90 {0} · %n leyst</numerusform>
            <numerusform>p90 {0} · %n leyst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="646"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n viðskiptavinur</numerusform>
            <numerusform>%n viðskiptavinir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="747"/>
        <source>Wrote %n CSV files to {0}</source>
        <translation>
            <numerusform>%n CSV-skrá vistuð í {0}</numerusform>
            <numerusform>%n CSV-skrár vistaðar í {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="599"/>
        <source>solved, then opened again</source>
        <translation>leyst, síðan opnuð aftur</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="601"/>
        <source>open or pending</source>
        <translation>opin eða í bið</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="603"/>
        <source>{0} of {1} on time</source>
        <translation>{0} af {1} á réttum tíma</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="612"/>
        <source>raised in this period</source>
        <translation>á þessu tímabili</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="613"/>
        <source>urgent, out of hours</source>
        <translation>áríðandi, utan opnunartíma</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="615"/>
        <source>no acknowledgements sent</source>
        <translation>engar staðfestingar sendar</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="619"/>
        <source>{0} missed · {1} not yet due</source>
        <translation>{0} misst · {1} ekki enn á gjalddaga</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="642"/>
        <source>Time and billing, {0} to {1}</source>
        <translation>Tími og reikningar, {0} til {1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="648"/>
        <source>work not billed</source>
        <translation>vinna sem ekki er rukkuð</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="650"/>
        <source>with suppliers, for customers</source>
        <translation>hjá birgjum, fyrir viðskiptavini</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="652"/>
        <source>from incident contracts</source>
        <translation>af atvikasamningum</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="655"/>
        <source>contracts ended with a balance</source>
        <translation>samningar enduðu með inneign</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="656"/>
        <source>nothing lapsed</source>
        <translation>ekkert rann út</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="662"/>
        <source>Vendor support</source>
        <translation>Aðstoð birgis</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="697"/>
        <source>Folder for the CSV files (a folder named {0} is made in it)</source>
        <translation>Mappa fyrir CSV-skrárnar (mappan {0} er búin til í henni)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="704"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-skrár (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="704"/>
        <source>Web pages (*.html)</source>
        <translation>Vefsíður (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="706"/>
        <source>Export the report</source>
        <translation>Flytja skýrsluna út</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="748"/>
        <source>Wrote {0}</source>
        <translation>Vistað: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="757"/>
        <source>The report could not be written: {0}</source>
        <translation>Ekki tókst að vista skýrsluna: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="112"/>
        <location filename="../../ui/conversation.py" line="92"/>
        <source>Conversations</source>
        <translation>Erindi</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="113"/>
        <source>No customer</source>
        <translation>Enginn viðskiptavinur</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="78"/>
        <location filename="../../ui/models.py" line="533"/>
        <location filename="../../ui/conversation.py" line="120"/>
        <source>Email</source>
        <extracomment>grows with every reset, so a page read on a worker can tell it came too late rows before this one have their items (see ``_fill_later``) a short word put before a row&apos;s subject (&quot;Draft&quot;), by conversation id (hook)</extracomment>
        <translation>Tölvupóstur</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="78"/>
        <location filename="../../ui/models.py" line="533"/>
        <location filename="../../ui/conversation.py" line="120"/>
        <source>Phone</source>
        <translation>Sími</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="163"/>
        <location filename="../../ui/models.py" line="78"/>
        <location filename="../../ui/models.py" line="533"/>
        <location filename="../../ui/conversation.py" line="120"/>
        <source>Chat</source>
        <translation>Spjall</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="123"/>
        <source>Language: {0}</source>
        <translation>Tungumál: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="169"/>
        <source>Status (S). Pending means waiting on the customer.</source>
        <extracomment>the conversation shown changed (its id, or None); not sent on a refresh of the same a note was stored and the note box emptied agent id -&gt; name, for the timeline&apos;s escalation items</extracomment>
        <translation>Staða (S). „Í bið“ þýðir að beðið er eftir viðskiptavininum.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="173"/>
        <source>Priority (P)</source>
        <translation>Forgangur (P)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="175"/>
        <source>Assignee (A)</source>
        <translation>Ábyrgðaraðili (A)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="193"/>
        <source>+ Tag</source>
        <translation>+ Merki</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="194"/>
        <source>Add a tag (T)</source>
        <translation>Bæta við merki (T)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="70"/>
        <source>Team server</source>
        <translation>Teymisþjónn</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="73"/>
        <source>Share this inbox with your team: your work syncs in the background with the server your team runs. Everything keeps working offline.</source>
        <translation>Deildu innhólfinu með teyminu: vinnan þín samstillist í bakgrunni við þjón teymisins. Allt virkar áfram án nettengingar.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="85"/>
        <source>your user name on the server</source>
        <translation>notandanafnið þitt á þjóninum</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="88"/>
        <source>not stored; only used to sign in</source>
        <translation>ekki vistað; aðeins notað til innskráningar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="91"/>
        <source>Server address</source>
        <translation>Vistfang þjóns</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="92"/>
        <source>User</source>
        <translation>Notandi</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="102"/>
        <location filename="../../ui/sync/dialogs.py" line="159"/>
        <source>Sign in</source>
        <translation>Skrá inn</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="105"/>
        <source>Sign out</source>
        <translation>Skrá út</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="106"/>
        <source>Forget this device&apos;s sign-in; local work is kept</source>
        <translation>Gleyma innskráningu þessa tækis; vinna á tækinu helst</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="132"/>
        <source>This profile holds a generated demo workspace, which never syncs with a team server (its made-up data would mix with real work). Start SupportDesk with a new, empty profile (--profile FOLDER) to connect to your team.</source>
        <translation>Þessi prófíll geymir tilbúið sýnivinnusvæði sem samstillist aldrei við teymisþjón (tilbúin gögn myndu blandast raunverulegri vinnu). Ræstu SupportDesk með nýjum, tómum prófíl (--profile MAPPA) til að tengjast teyminu.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="146"/>
        <source>Not connected to a team server.</source>
        <translation>Ekki tengt teymisþjóni.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="148"/>
        <source>Signed in to {0} as {1} (team {2}).</source>
        <translation>Innskráð(ur) á {0} sem {1} (teymi {2}).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="151"/>
        <source>Signed out of {0}. Sign in again to sync.</source>
        <translation>Útskráð(ur) af {0}. Skráðu þig inn aftur til að samstilla.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="290"/>
        <location filename="../../ui/sync/dialogs.py" line="159"/>
        <source>Sign in again</source>
        <translation>Skrá inn aftur</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="178"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation>Sláðu inn vistfang þjónsins, notandanafn og lykilorð.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="186"/>
        <source>Signing in…</source>
        <translation>Skrái inn…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="197"/>
        <source>Signing in failed: {0}</source>
        <translation>Innskráning mistókst: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="205"/>
        <source>Signing out…</source>
        <translation>Skrái út…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="223"/>
        <source>Conversation</source>
        <translation>Erindi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_preview.py" line="62"/>
        <location filename="../../ui/sync/dialogs.py" line="224"/>
        <source>Message</source>
        <translation>Skilaboð</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="225"/>
        <source>Customer contact</source>
        <translation>Tengiliður viðskiptavinar</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="34"/>
        <source>A rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="37"/>
        <source>{0} set {1}</source>
        <translation>{0} setti stöðu: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="39"/>
        <source>{0} set priority {1}</source>
        <translation>{0} setti forgang: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="42"/>
        <source>{0} unassigned the conversation</source>
        <translation>{0} tók úthlutun erindisins til baka</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="43"/>
        <source>{0} assigned {1}</source>
        <translation>{0} úthlutaði til {1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="46"/>
        <source>{0} added #{1}</source>
        <translation>{0} bætti við #{1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="48"/>
        <source>{0} removed #{1}</source>
        <translation>{0} fjarlægði #{1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="50"/>
        <source>{0} moved a message to another conversation (split)</source>
        <translation>{0} færði skilaboð í annað erindi (klofið frá)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="52"/>
        <source>{0} moved a message here (merge)</source>
        <translation>{0} færði skilaboð hingað (sameining)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="56"/>
        <source>Rule “{0}” applied</source>
        <translation>Reglunni „{0}“ var beitt</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="56"/>
        <source>A rule applied</source>
        <translation>Reglu var beitt</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="57"/>
        <source>{0} applied rule “{1}”</source>
        <translation>{0} beitti reglunni „{1}“</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="58"/>
        <source>{0} applied a rule</source>
        <translation>{0} beitti reglu</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="59"/>
        <source>{0} set the SLA policy “{1}”</source>
        <translation>{0} setti SLA-stefnuna „{1}“</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="60"/>
        <source>{0} changed the SLA policy</source>
        <translation>{0} breytti SLA-stefnunni</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="80"/>
        <source>Agent activity</source>
        <translation>Virkni fulltrúa</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="83"/>
        <location filename="../../ui/kb/history.py" line="91"/>
        <location filename="../../ui/sync/dialogs.py" line="225"/>
        <source>Agent</source>
        <translation>Fulltrúi</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="85"/>
        <source>What the agent changed</source>
        <translation>Hverju fulltrúinn breytti</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="128"/>
        <source>Show history lines</source>
        <translation>Sýna sögulínur</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="131"/>
        <source>Status, priority, assignee, tag and other changes in the timeline</source>
        <translation>Breytingar á stöðu, forgangi, ábyrgðaraðila, merkjum o.fl. í tímalínunni</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="135"/>
        <source>Agent activity…</source>
        <translation>Virkni fulltrúa…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="136"/>
        <source>What each agent changed (for the owner)</source>
        <translation>Hverju hver fulltrúi breytti (fyrir eiganda)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="155"/>
        <source>{0} mentioned {1}</source>
        <translation>{0} minntist á {1}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="171"/>
        <source>Only the team&apos;s owner can see each agent&apos;s activity.</source>
        <translation>Aðeins eigandi teymisins sér virkni hvers fulltrúa.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="226"/>
        <source>Attachment</source>
        <translation>Viðhengi</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="226"/>
        <source>Mailbox</source>
        <translation>Pósthólf</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="233"/>
        <source>Whole change</source>
        <translation>Öll breytingin</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="235"/>
        <source>Tag #{0}</source>
        <translation>Merki #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="109"/>
        <source>Search conversations, customers and phone numbers; Enter shows the results</source>
        <translation>Leita í erindum, viðskiptavinum og símanúmerum; Enter sýnir niðurstöðurnar</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="110"/>
        <source>Views</source>
        <translation>Yfirlit</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="111"/>
        <source>Inbox views, channels and tags, each with its number of conversations</source>
        <translation>Yfirlit innhólfsins, rásir og merki, hvert með fjölda erinda</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="113"/>
        <source>The conversations of the chosen view; J and K move, R replies, N writes a note</source>
        <translation>Erindi valins yfirlits; J og K fletta, R svarar, N skrifar athugasemd</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="114"/>
        <source>Columns of the conversation list</source>
        <translation>Dálkar erindalistans</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="115"/>
        <source>Click to sort; right-click to choose the columns</source>
        <translation>Smelltu til að raða; hægrismelltu til að velja dálka</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="116"/>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <location filename="../../ui/conversation.py" line="200"/>
        <source>Status</source>
        <translation>Staða</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="116"/>
        <source>The conversation&apos;s status</source>
        <translation>Staða erindisins</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="117"/>
        <location filename="../../ui/layout.py" line="77"/>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <location filename="../../ui/models.py" line="179"/>
        <location filename="../../ui/conversation.py" line="203"/>
        <source>Priority</source>
        <translation>Forgangur</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="117"/>
        <source>The conversation&apos;s priority</source>
        <translation>Forgangur erindisins</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="118"/>
        <location filename="../../ui/layout.py" line="77"/>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <location filename="../../ui/models.py" line="179"/>
        <location filename="../../ui/conversation.py" line="206"/>
        <source>Assignee</source>
        <translation>Ábyrgðaraðili</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="118"/>
        <source>Who works on the conversation</source>
        <translation>Hver vinnur í erindinu</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="119"/>
        <source>Conversation timeline</source>
        <translation>Tímalína erindisins</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="120"/>
        <source>Messages, calls, notes and changes of the conversation, oldest first</source>
        <translation>Skilaboð, símtöl, athugasemdir og breytingar erindisins, elst fyrst</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="121"/>
        <source>Internal note</source>
        <translation>Innri athugasemd</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="122"/>
        <source>A note for the team, not sent to the customer; Ctrl+Enter saves it</source>
        <translation>Athugasemd fyrir teymið, ekki send viðskiptavininum; Ctrl+Enter vistar hana</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="123"/>
        <source>Saves the internal note</source>
        <translation>Vistar innri athugasemdina</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="124"/>
        <source>Customer&apos;s conversations</source>
        <translation>Erindi viðskiptavinarins</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="125"/>
        <source>Other conversations of this customer; Enter opens one</source>
        <translation>Önnur erindi þessa viðskiptavinar; Enter opnar eitt þeirra</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="526"/>
        <source>Organisation</source>
        <translation>Fyrirtæki</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="47"/>
        <source>Public (help site)</source>
        <translation>Opinber (hjálparvefur)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="47"/>
        <source>Internal (team only)</source>
        <translation>Innri (aðeins teymið)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="69"/>
        <source>Search articles (folded like conversations)</source>
        <extracomment>a &quot;Turn into article&quot; draft not saved yet: the conversation it came from</extracomment>
        <translation>Leita í greinum (eins og í erindum)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="77"/>
        <source>New article</source>
        <translation>Ný grein</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="79"/>
        <source>Publish help site…</source>
        <translation>Birta hjálparvef…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="100"/>
        <source>comma-separated, e.g. billing, refund</source>
        <translation>aðskilið með kommum, t.d. reikningar, endurgreiðsla</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="105"/>
        <source>Published on the help site</source>
        <translation>Birt á hjálparvefnum</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="121"/>
        <location filename="../../ui/kb/editor.py" line="220"/>
        <source>Publish</source>
        <translation>Birta</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="123"/>
        <source>Insert image…</source>
        <translation>Setja inn mynd…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="131"/>
        <source>Revert to this version</source>
        <translation>Færa aftur í þessa útgáfu</translation>
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
        <translation>Tungumál</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="71"/>
        <source>Search articles</source>
        <translation>Leita í greinum</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="75"/>
        <source>Articles</source>
        <translation>Greinar</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="102"/>
        <location filename="../../ui/kb/editor.py" line="138"/>
        <source>Visibility</source>
        <translation>Sýnileiki</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="109"/>
        <source>Article text</source>
        <translation>Texti greinar</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="129"/>
        <source>Versions of this article</source>
        <translation>Útgáfur þessarar greinar</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="154"/>
        <source>History</source>
        <translation>Saga</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="182"/>
        <source>published</source>
        <translation>birt</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="220"/>
        <source>Withdraw</source>
        <translation>Taka úr birtingu</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="233"/>
        <source>A new article: it stays internal until you make it public and publish it.</source>
        <translation>Ný grein: hún er innri þar til þú gerir hana opinbera og birtir hana.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="236"/>
        <source>Version {0}, by {1}. Used {2} times; linked to {3} conversations.</source>
        <translation>Útgáfa {0}, eftir {1}. Notuð {2} sinnum; tengd {3} erindum.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="250"/>
        <source>Drafted from the conversation: edit it, then save. Nothing is published until you click Publish.</source>
        <translation>Drög úr erindinu: breyttu þeim og vistaðu. Ekkert er birt fyrr en þú smellir á Birta.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="272"/>
        <source>{0} is larger than 1 MB; use a smaller image.</source>
        <translation>{0} er stærri en 1 MB; notaðu minni mynd.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="278"/>
        <source>{0} is not a PNG, JPEG, GIF or WebP image.</source>
        <translation>{0} er ekki PNG-, JPEG-, GIF- eða WebP-mynd.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="281"/>
        <source>{0} could not be read as an image.</source>
        <translation>Ekki tókst að lesa {0} sem mynd.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="287"/>
        <source>Insert an image</source>
        <translation>Setja inn mynd</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="288"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Myndir (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="313"/>
        <source>An article needs a title.</source>
        <translation>Grein þarf titil.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="333"/>
        <source>Delete the article</source>
        <translation>Eyða greininni</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="334"/>
        <source>Delete “{0}”? Its history is kept.</source>
        <translation>Eyða „{0}“? Saga hennar er geymd.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="344"/>
        <source>Choose a version in the history first.</source>
        <translation>Veldu fyrst útgáfu í sögunni.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="351"/>
        <source>Publish the help site to</source>
        <translation>Birta hjálparvefinn í</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="100"/>
        <source>Team language and phone country</source>
        <translation>Tungumál teymis og land símanúmera</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="111"/>
        <source>Phone numbers typed without a country code are read as numbers in this country, unless the customer&apos;s country is known.</source>
        <translation>Símanúmer án landsnúmers eru lesin sem númer í þessu landi nema land viðskiptavinarins sé þekkt.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="114"/>
        <source>Chosen from the team&apos;s time zone until you save another.</source>
        <translation>Valið út frá tímabelti teymisins þar til þú vistar annað.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="118"/>
        <source>Reports and acknowledgements in</source>
        <translation>Skýrslur og staðfestingar á</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="119"/>
        <source>Phone numbers without a country code</source>
        <translation>Símanúmer án landsnúmers</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="154"/>
        <source>Team language and phone country saved.</source>
        <translation>Tungumál teymis og land símanúmera vistað.</translation>
    </message>
    <message>
        <location filename="../../ui/language.py" line="200"/>
        <source>Team language and phone country…</source>
        <translation>Tungumál teymis og land símanúmera…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <source>Unread</source>
        <translation>Ólesið</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="240"/>
        <location filename="../../ui/chatimport_dialog.py" line="225"/>
        <source>Text</source>
        <translation>Texti</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="248"/>
        <source>your change</source>
        <translation>breytingin þín</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="250"/>
        <source>refused by the server: {0}</source>
        <translation>þjónninn hafnaði: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="252"/>
        <source>tag on</source>
        <translation>merki sett á</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="252"/>
        <source>tag off</source>
        <translation>merki tekið af</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="254"/>
        <source>deleted</source>
        <translation>eytt</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="256"/>
        <source>(empty)</source>
        <translation>(tómt)</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="54"/>
        <source>Priority: {0}</source>
        <translation>Forgangur: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="55"/>
        <source>Status: {0}</source>
        <translation>Staða: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="56"/>
        <source>Assignee: {0}</source>
        <translation>Ábyrgðaraðili: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="57"/>
        <source>Tags: {0}</source>
        <translation>Merki: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="58"/>
        <location filename="../../ui/sync/dialogs.py" line="258"/>
        <source>yes</source>
        <translation>já</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="58"/>
        <location filename="../../ui/sync/dialogs.py" line="258"/>
        <source>no</source>
        <translation>nei</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="58"/>
        <source>Page the on-call person: {0}</source>
        <translation>Kalla út bakvakt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="62"/>
        <source>No rule would fire.</source>
        <translation>Engin regla myndi virkjast.</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="64"/>
        <source>no change</source>
        <translation>engin breyting</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="65"/>
        <source>Rule &apos;{0}&apos;: {1}</source>
        <translation>Regla „{0}“: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="76"/>
        <source>Rules</source>
        <translation>Reglur</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="89"/>
        <source>Up</source>
        <translation>Upp</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="90"/>
        <source>Down</source>
        <translation>Niður</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="91"/>
        <location filename="../../ui/rules/dialog.py" line="257"/>
        <source>New rule</source>
        <translation>Ný regla</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="107"/>
        <source>all conditions hold</source>
        <translation>öll skilyrði gilda</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="108"/>
        <source>any condition holds</source>
        <translation>eitthvert skilyrði gildir</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="110"/>
        <source>each new message</source>
        <translation>hver ný skilaboð</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="111"/>
        <source>on schedule</source>
        <translation>samkvæmt tímaáætlun</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="112"/>
        <source>both</source>
        <translation>hvort tveggja</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="114"/>
        <source>subject contains urgent
header:x-priority is 1</source>
        <translation>subject contains áríðandi
header:x-priority is 1</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="116"/>
        <source>set_priority urgent
add_tag vip
stop</source>
        <translation>set_priority urgent
add_tag merki
stop</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="122"/>
        <source>Save rule</source>
        <translation>Vista reglu</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="128"/>
        <source>Runs on</source>
        <translation>Keyrist við</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="129"/>
        <source>Conditions</source>
        <translation>Skilyrði</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="130"/>
        <source>Then</source>
        <translation>Þá</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="136"/>
        <source>Paste a whole message (headers and body) here</source>
        <translation>Límdu heil skilaboð (hausa og meginmál) hér</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="137"/>
        <source>Test rules on the pasted message</source>
        <translation>Prófa reglur á límdu skilaboðunum</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="138"/>
        <source>Test rules on the open conversation</source>
        <translation>Prófa reglur á opna erindinu</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="145"/>
        <source>Test rules on…</source>
        <translation>Prófa reglur á…</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="175"/>
        <source>{0} (fired {1})</source>
        <translation>{0} (virkjaðist {1} sinnum)</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="204"/>
        <source>Never fired</source>
        <translation>Hefur aldrei virkjast</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="206"/>
        <source>Fired {0} times, last {1}</source>
        <translation>Virkjaðist {0} sinnum, síðast {1}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="291"/>
        <source>Open a conversation first.</source>
        <translation>Opnaðu fyrst erindi.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="275"/>
        <location filename="../../ui/sync/dialogs.py" line="276"/>
        <source>this computer</source>
        <translation>þessi tölva</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="275"/>
        <location filename="../../ui/sync/dialogs.py" line="276"/>
        <source>another device</source>
        <translation>annað tæki</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="277"/>
        <source>lost: {0}, {1}; kept: {2}, {3}</source>
        <translation>tapaðist: {0}, {1}; haldið: {2}, {3}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="289"/>
        <source>Sync conflicts</source>
        <translation>Samstillingarárekstrar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="292"/>
        <source>When two people changed the same thing, the later change was kept. The changes that lost are listed here; restore one to make it the current value again (it then syncs to everyone), or dismiss it.</source>
        <translation>Þegar tveir breyttu því sama var síðari breytingin látin gilda. Breytingarnar sem viku eru taldar hér; endurheimtu eina til að gera hana aftur að gildandi gildi (hún samstillist þá til allra) eða hafnaðu henni.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Record</source>
        <translation>Færsla</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>What</source>
        <translation>Hvað</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Lost value</source>
        <translation>Gildi sem vék</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Kept value</source>
        <translation>Gildi sem hélst</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="300"/>
        <source>Who and when</source>
        <translation>Hver og hvenær</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="314"/>
        <source>No conflicts: nothing anyone typed was overwritten.</source>
        <translation>Engir árekstrar: ekkert sem neinn skrifaði var yfirskrifað.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="320"/>
        <source>Restore</source>
        <translation>Endurheimta</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="321"/>
        <source>Make the lost value the current one again</source>
        <translation>Gera gildið sem vék aftur að gildandi gildi</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="323"/>
        <source>Dismiss</source>
        <translation>Hafna</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="324"/>
        <source>Keep the current value and remove this line</source>
        <translation>Halda núverandi gildi og fjarlægja þessa línu</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="384"/>
        <source>This one cannot be put back with one click; copy what you need from it, then dismiss it.</source>
        <translation>Þetta er ekki hægt að endurheimta með einum smelli; afritaðu það sem þú þarft og hafnaðu því svo.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="396"/>
        <source>Restored; it syncs to the team with the next sync.</source>
        <translation>Endurheimt; það berst teyminu við næstu samstillingu.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="405"/>
        <source>Dismissed.</source>
        <translation>Hafnað.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="227"/>
        <source>Write an internal note for the team (N). Ctrl+Enter saves it.</source>
        <extracomment>compact history lines for the timeline (issue 18), plain text at their moment</extracomment>
        <translation>Skrifaðu innri athugasemd fyrir teymið (N). Ctrl+Enter vistar.</translation>
    </message>
    <message>
        <location filename="../../ui/accessibility.py" line="123"/>
        <location filename="../../ui/conversation.py" line="230"/>
        <source>Add note</source>
        <translation>Bæta við athugasemd</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="172"/>
        <location filename="../../ui/window/commands.py" line="96"/>
        <location filename="../../ui/window/commands.py" line="213"/>
        <location filename="../../ui/models.py" line="69"/>
        <location filename="../../ui/conversation.py" line="273"/>
        <source>Unassigned</source>
        <translation>Óúthlutað</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="289"/>
        <source>No conversation selected</source>
        <translation>Ekkert erindi valið</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="293"/>
        <source>Pick a conversation on the left, or press J and K to move through them.</source>
        <translation>Veldu erindi til vinstri eða ýttu á J og K til að fletta.</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="303"/>
        <source>(no subject)</source>
        <translation>(ekkert efni)</translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="340"/>
        <source>Remove the tag {0}</source>
        <translation>Fjarlægja merkið {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="46"/>
        <source>Resolved on the call</source>
        <translation>Leyst í símtalinu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47"/>
        <source>Follow-up needed</source>
        <translation>Þarf að fylgja eftir</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>Left a voicemail</source>
        <translation>Skilaboð skilin eftir í talhólfi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="49"/>
        <source>No answer</source>
        <translation>Ekkert svar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50"/>
        <source>Escalated</source>
        <translation>Vísað áfram</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="51"/>
        <source>Other</source>
        <translation>Annað</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="75"/>
        <source>Log a phone call</source>
        <translation>Skrá símtal</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="85"/>
        <source>+44 20 7946 0958</source>
        <translation>+354 451 7759</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="92"/>
        <source>Caller&apos;s name (filled in for known numbers)</source>
        <translation>Nafn þess sem hringir (fyllt út fyrir þekkt númer)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="94"/>
        <source>Inbound</source>
        <translation>Innhringing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="95"/>
        <source>Outbound</source>
        <translation>Úthringing</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105"/>
        <source>Start timer</source>
        <translation>Ræsa</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="205"/>
        <source>read as a number in {0}, the customer&apos;s country</source>
        <translation>lesið sem númer í landinu {0}, landi viðskiptavinarins</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="206"/>
        <source>read as a number in {0}, the team&apos;s country</source>
        <translation>lesið sem númer í landinu {0}, landi teymisins</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="207"/>
        <source>read as a number in {0}, from the team&apos;s time zone</source>
        <translation>lesið sem númer í landinu {0}, út frá tímabelti teymisins</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="208"/>
        <source>read as a number in {0}</source>
        <translation>lesið sem númer í landinu {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="304"/>
        <source>Save the note, or send the mail being written</source>
        <translation>Vista athugasemdina eða senda póstinn sem verið er að skrifa</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="306"/>
        <source>Insert a canned answer into the mail being written</source>
        <translation>Setja staðlað svar í póstinn sem verið er að skrifa</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="307"/>
        <source>Leave the search and go back to the view</source>
        <translation>Hætta í leit og fara aftur í yfirlitið</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="90"/>
        <source>none</source>
        <translation>ekkert</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="109"/>
        <source>SLA policy and business hours</source>
        <translation>SLA-stefna og opnunartími</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="110"/>
        <source>SLA policy for contracts</source>
        <translation>SLA-stefna fyrir samninga</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="114"/>
        <source>Signs automatic acknowledgements</source>
        <translation>Undirritar sjálfvirkar staðfestingar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="126"/>
        <source>For example: mon-fri 09:00-17:00; or mon-fri 08:00-12:00, 13:00-17:00; sat 10:00-14:00</source>
        <translation>Til dæmis: mon-fri 09:00-17:00; eða mon-fri 08:00-12:00, 13:00-17:00; sat 10:00-14:00</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="133"/>
        <source>One date per line, e.g. 2026-12-25</source>
        <translation>Ein dagsetning í línu, t.d. 2026-12-25</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="137"/>
        <location filename="../../ui/workflow/editors.py" line="141"/>
        <location filename="../../ui/workflow/dialogs.py" line="188"/>
        <location filename="../../ui/workflow/dialogs.py" line="200"/>
        <location filename="../../ui/dialogs.py" line="112"/>
        <source> min</source>
        <translation> mín.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="145"/>
        <source>all active agents</source>
        <translation>allir virkir fulltrúar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="152"/>
        <source>Team and business hours</source>
        <translation>Teymi og opnunartími</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="154"/>
        <source>Team name</source>
        <translation>Heiti teymis</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="155"/>
        <source>Time zone</source>
        <translation>Tímabelti</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="156"/>
        <location filename="../../ui/workflow/editors.py" line="194"/>
        <source>Business hours</source>
        <translation>Opnunartími</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="158"/>
        <source>Holidays</source>
        <translation>Frídagar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="160"/>
        <source>Due soon, ETAs and timers</source>
        <translation>Frestir, áætlaður svartími og tímamælar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="162"/>
        <source>“Due soon” before the due time</source>
        <translation>„Frestur að renna út“ fyrir frest</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="163"/>
        <source>Handling time per conversation</source>
        <translation>Afgreiðslutími á erindi</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="164"/>
        <source>Agents answering at once</source>
        <translation>Fulltrúar sem svara samtímis</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="165"/>
        <source>Warn about a timer running for</source>
        <translation>Vara við tímamæli sem gengur lengur en</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <source>Next response</source>
        <translation>Næsta svar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="183"/>
        <source>Targets in business hours (0 = no target)</source>
        <translation>Markmið í vinnutíma (0 = ekkert markmið)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="186"/>
        <source>Policy name</source>
        <translation>Heiti stefnu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="190"/>
        <source>empty: the team&apos;s hours ({0})</source>
        <translation>tómt: opnunartími teymisins ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="192"/>
        <source>For example: mon-sun 00:00-24:00 for round the clock</source>
        <translation>Til dæmis: mon-sun 00:00-24:00 fyrir allan sólarhringinn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="212"/>
        <source>Times count in the team&apos;s zone, {0}.</source>
        <translation>Tímar miðast við tímabelti teymisins, {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="241"/>
        <source>Read as: {0} ({1} h a week)</source>
        <translation>Lesið sem: {0} ({1} klst. á viku)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="246"/>
        <location filename="../../ui/workflow/editors.py" line="255"/>
        <source>Business hours: {0}</source>
        <translation>Opnunartími: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="250"/>
        <source>Give the policy a name.</source>
        <translation>Gefðu stefnunni heiti.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="265"/>
        <source>Holidays: {0}</source>
        <translation>Frídagar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="317"/>
        <source>On-call rota</source>
        <translation>Bakvaktaskrá</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="323"/>
        <source>On call now: {0}</source>
        <translation>Á bakvakt núna: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/rules/dialog.py" line="56"/>
        <location filename="../../ui/workflow/editors.py" line="323"/>
        <source>nobody</source>
        <translation>enginn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="325"/>
        <source>Times are in the team&apos;s zone, {0}. A shift that ends at or before its start runs overnight.</source>
        <translation>Tímar eru í tímabelti teymisins, {0}. Vakt sem endar á eða fyrir upphaf sitt nær yfir nótt.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <source>Who</source>
        <translation>Hver</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <source>Days</source>
        <translation>Dagar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="337"/>
        <source>Add shift</source>
        <translation>Bæta við vakt</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="340"/>
        <source>Remove shift</source>
        <translation>Fjarlægja vakt</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="354"/>
        <source>Add override</source>
        <translation>Bæta við undantekningu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="356"/>
        <source>Remove override</source>
        <translation>Fjarlægja undantekningu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="370"/>
        <source>Every week</source>
        <translation>Í hverri viku</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="378"/>
        <source>Overrides (swaps, holidays)</source>
        <translation>Undantekningar (skipti, frí)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="457"/>
        <source>Row {0}: {1}</source>
        <translation>Lína {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="473"/>
        <source>Override {0} ends before it starts.</source>
        <translation>Undantekning {0} endar áður en hún hefst.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source> s</source>
        <translation> sek.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="120"/>
        <source>or type it:</source>
        <translation>eða sláðu inn:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="134"/>
        <source>What was said, what was agreed</source>
        <translation>Hvað var sagt, hvað var ákveðið</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Follow up on</source>
        <translation>Fylgja eftir</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="148"/>
        <source>A new phone conversation</source>
        <translation>Nýtt símaerindi</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="150"/>
        <source>This conversation: {0}</source>
        <translation>Þetta erindi: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="159"/>
        <source>Phone number</source>
        <translation>Símanúmer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="161"/>
        <source>Caller</source>
        <translation>Sá sem hringir</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="162"/>
        <source>Direction</source>
        <translation>Stefna</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>Duration</source>
        <translation>Lengd</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="164"/>
        <source>Outcome</source>
        <translation>Niðurstaða</translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="240"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="317"/>
        <location filename="../../ui/dialogs.py" line="165"/>
        <source>Notes</source>
        <translation>Athugasemdir</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>Add to</source>
        <translation>Bæta við</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="185"/>
        <source>Not a complete number yet</source>
        <translation>Númerið er ekki fullslegið</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="193"/>
        <source>{0} · known customer: {1}</source>
        <translation>{0} · þekktur viðskiptavinur: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="197"/>
        <source>{0} · new customer</source>
        <translation>{0} · nýr viðskiptavinur</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="215"/>
        <source>Stop timer</source>
        <translation>Stöðva</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="221"/>
        <source>Resume timer</source>
        <translation>Halda áfram</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="271"/>
        <source>Add a tag</source>
        <translation>Bæta við merki</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="273"/>
        <source>e.g. billing</source>
        <translation>t.d. reikningar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="283"/>
        <source>Tag</source>
        <translation>Merki</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="244"/>
        <location filename="../../ui/dialogs.py" line="301"/>
        <source>Keyboard shortcuts</source>
        <translation>Flýtilyklar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="310"/>
        <source>Keys</source>
        <translation>Lyklar</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="310"/>
        <source>Action</source>
        <translation>Aðgerð</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="54"/>
        <source>Demo workspace · not synced</source>
        <extracomment>changes waiting to be shown that touch more rows than this (a sync&apos;s pages) are shown with one reload, read on a worker thread, instead of moving rows one by one</extracomment>
        <translation>Sýnivinnusvæði · ekki samstillt</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="55"/>
        <source>This profile holds generated demo data; it is never sent to a team server.</source>
        <translation>Þessi prófíll geymir tilbúin sýnigögn; þau eru aldrei send á teymisþjón.</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="58"/>
        <source>Offline · not connected to a team server</source>
        <translation>Ótengt · ekki tengt teymisþjóni</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="61"/>
        <source>Everything works offline. Connect a team server to share this inbox.</source>
        <translation>Allt virkar án nettengingar. Tengdu teymisþjón til að deila innhólfinu.</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="63"/>
        <location filename="../../ui/sync/controller.py" line="355"/>
        <source>never</source>
        <translation>aldrei</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="65"/>
        <location filename="../../ui/sync/controller.py" line="368"/>
        <source>Online</source>
        <translation>Tengt</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="65"/>
        <location filename="../../ui/sync/controller.py" line="372"/>
        <source>Offline</source>
        <translation>Ótengt</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="65"/>
        <location filename="../../ui/sync/controller.py" line="368"/>
        <location filename="../../ui/sync/controller.py" line="370"/>
        <location filename="../../ui/sync/controller.py" line="372"/>
        <source>synced {0}</source>
        <translation>samstillt {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="165"/>
        <source>The conversation was deleted.</source>
        <translation>Erindinu var eytt.</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="170"/>
        <source>assigned to {0}</source>
        <translation>úthlutað til {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="174"/>
        <source>{0} “{1}” moved: {2}</source>
        <translation>{0} „{1}“ færðist: {2}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/refresh.py" line="60"/>
        <source>%Ln changes kept locally</source>
        <translation>
            <numerusform>%Ln breyting geymd á tækinu</numerusform>
            <numerusform>%Ln breytingar geymdar á tækinu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/refresh.py" line="69"/>
        <location filename="../../ui/sync/controller.py" line="346"/>
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln breyting bíður</numerusform>
            <numerusform>%Ln breytingar bíða</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/refresh.py" line="70"/>
        <location filename="../../ui/sync/controller.py" line="347"/>
        <source>Team server: {0}</source>
        <translation>Teymisþjónn: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="173"/>
        <source>Search conversations, customers, phone numbers (/)</source>
        <extracomment>tables touched by waiting changes once they are too many to follow one by one what capabilities stop before the window (and then the store) closes; run last-added first (a hook, not an event filter: a filter on the window would be called from Qt for every event the window gets) who takes files dropped on the window: each returns what to do, or None</extracomment>
        <translation>Leita í erindum, viðskiptavinum, símanúmerum (/)</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="215"/>
        <source>Next conversation</source>
        <extracomment>words for the sync state; the sync capability replaces it with live ones</extracomment>
        <translation>Næsta erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="216"/>
        <source>Previous conversation</source>
        <translation>Fyrra erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="217"/>
        <source>Select the next conversation too</source>
        <translation>Velja líka næsta erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="219"/>
        <source>Select the previous conversation too</source>
        <translation>Velja líka fyrra erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="221"/>
        <source>Select all conversations</source>
        <translation>Velja öll erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="227"/>
        <source>Pin the conversation in the pane</source>
        <translation>Festa erindið á spjaldinu</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="230"/>
        <location filename="../../ui/window/commands.py" line="55"/>
        <source>Undo</source>
        <translation>Afturkalla</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="231"/>
        <source>Merge the selected conversations into one</source>
        <translation>Sameina valin erindi í eitt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="233"/>
        <source>Refresh</source>
        <translation>Endurnýja</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="234"/>
        <location filename="../../ui/accessibility.py" line="108"/>
        <source>Search</source>
        <translation>Leit</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="235"/>
        <source>Write a note</source>
        <translation>Skrifa athugasemd</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="236"/>
        <location filename="../../ui/workspace.py" line="210"/>
        <source>Log a call…</source>
        <translation>Skrá símtal…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="238"/>
        <source>Assign to…</source>
        <translation>Úthluta til…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="239"/>
        <source>Assign to me</source>
        <translation>Úthluta mér</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="240"/>
        <source>Set status…</source>
        <translation>Breyta stöðu…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="241"/>
        <source>Set priority…</source>
        <translation>Breyta forgangi…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="242"/>
        <source>Add a tag…</source>
        <translation>Bæta við merki…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="243"/>
        <source>Mark as unread</source>
        <translation>Merkja sem ólesið</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="246"/>
        <source>Toggle dark theme</source>
        <translation>Dökkt þema af/á</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="247"/>
        <source>Quit</source>
        <translation>Hætta</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="255"/>
        <source>&amp;File</source>
        <translation>&amp;Skrá</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="260"/>
        <source>&amp;Conversation</source>
        <translation>&amp;Erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="268"/>
        <source>&amp;View</source>
        <translation>S&amp;koða</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="279"/>
        <source>Theme</source>
        <translation>Þema</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="281"/>
        <location filename="../../ui/language.py" line="193"/>
        <source>Follow the system</source>
        <translation>Eins og kerfið</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="281"/>
        <source>Light</source>
        <translation>Ljóst</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="282"/>
        <source>Dark</source>
        <translation>Dökkt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="290"/>
        <source>&amp;Tools</source>
        <translation>&amp;Verkfæri</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="291"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjálp</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="293"/>
        <location filename="../../ui/window/chrome.py" line="96"/>
        <source>About SupportDesk</source>
        <translation>Um SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="297"/>
        <source>Main</source>
        <translation>Aðalatriði</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigation.py" line="49"/>
        <location filename="../../ui/workflow/controller.py" line="548"/>
        <location filename="../../ui/models.py" line="136"/>
        <source>{0}: %Ln conversations</source>
        <translation>
            <numerusform>{0}: %Ln erindi</numerusform>
            <numerusform>{0}: %Ln erindi</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/window/navigation.py" line="162"/>
        <source>Pane pinned to this conversation.</source>
        <translation>Spjaldið er fest við þetta erindi.</translation>
    </message>
    <message>
        <location filename="../../ui/window/navigation.py" line="163"/>
        <source>Pane follows the selected row.</source>
        <translation>Spjaldið fylgir valinni línu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigation.py" line="215"/>
        <source>%n conversations match “{0}”</source>
        <translation>
            <numerusform>%n erindi passar við „{0}“</numerusform>
            <numerusform>%n erindi passa við „{0}“</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="70"/>
        <source>Knowledge base…</source>
        <translation>Þekkingarbanki…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="72"/>
        <source>Articles: write, search, publish the help site</source>
        <translation>Greinar: skrifa, leita, birta hjálparvefinn</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="76"/>
        <location filename="../../ui/kb/pane.py" line="61"/>
        <source>Turn into article…</source>
        <translation>Breyta í grein…</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="133"/>
        <source>Only published articles have a public link.</source>
        <translation>Aðeins birtar greinar hafa opinberan tengil.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="158"/>
        <source>Help site address</source>
        <translation>Vefslóð hjálparvefs</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="159"/>
        <source>Where is the help site published (e.g. https://help.example.com)?</source>
        <translation>Hvar er hjálparvefurinn birtur (t.d. https://help.example.com)?</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="194"/>
        <location filename="../../ui/window/commands.py" line="31"/>
        <location filename="../../ui/window/commands.py" line="37"/>
        <location filename="../../ui/mail/controller.py" line="662"/>
        <location filename="../../ui/workflow/controller.py" line="254"/>
        <source>Select a conversation first.</source>
        <translation>Veldu fyrst erindi.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="199"/>
        <source>Question</source>
        <translation>Spurning</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="199"/>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location filename="../../ui/kb/__init__.py" line="267"/>
        <source>{0} articles published to {1}: {2} files written, {3} removed.</source>
        <translation>{0} greinar birtar í {1}: {2} skrár vistaðar, {3} fjarlægðar.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="51"/>
        <source>Nothing to change.</source>
        <translation>Engu að breyta.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="62"/>
        <source>Nothing to undo.</source>
        <translation>Ekkert að afturkalla.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="67"/>
        <source>Undone: {0}</source>
        <translation>Afturkallað: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="79"/>
        <source>Set to {0}</source>
        <translation>Staða sett á {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="80"/>
        <source>{0} conversations set to {1}</source>
        <translation>{0} erindi sett á {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="88"/>
        <source>Priority set to {0}</source>
        <translation>Forgangur settur á {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="89"/>
        <source>Priority of {0} conversations set to {1}</source>
        <translation>Forgangur {0} erinda settur á {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="96"/>
        <source>Assigned to {0}</source>
        <translation>Úthlutað til {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="97"/>
        <location filename="../../ui/window/commands.py" line="118"/>
        <source>{0} conversations: {1}</source>
        <translation>{0} erindi: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="115"/>
        <source>Tagged #{0}</source>
        <translation>Merkt #{0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="115"/>
        <source>Tag #{0} removed</source>
        <translation>Merkið #{0} fjarlægt</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="133"/>
        <source>Select two or more conversations to merge (Shift+J, Ctrl+click).</source>
        <translation>Veldu tvö eða fleiri erindi til að sameina (Shift+J, Ctrl+smellur).</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="138"/>
        <source>{0} conversations merged into one</source>
        <translation>Erindi sameinuð í eitt: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="193"/>
        <source>Call logged.</source>
        <translation>Símtal skráð.</translation>
    </message>
    <message>
        <location filename="../../ui/window/commands.py" line="201"/>
        <source>Me</source>
        <translation>Ég</translation>
    </message>
    <message>
        <location filename="../../ui/window/chrome.py" line="97"/>
        <source>SupportDesk {0}
One offline-first inbox for email, chat and phone.</source>
        <translation>SupportDesk {0}
Eitt innhólf fyrir tölvupóst, spjall og síma sem virkar án nettengingar.</translation>
    </message>
    <message>
        <location filename="../../ui/window/chrome.py" line="105"/>
        <source>SupportDesk</source>
        <translation>SupportDesk</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="68"/>
        <source>My open</source>
        <translation>Mín opnu</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="70"/>
        <source>All open</source>
        <translation>Öll opin</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="75"/>
        <source>Search results</source>
        <translation>Leitarniðurstöður</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="144"/>
        <source>Inbox</source>
        <translation>Innhólf</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="148"/>
        <source>Channels</source>
        <translation>Rásir</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="99"/>
        <location filename="../../ui/kb/editor.py" line="137"/>
        <location filename="../../ui/models.py" line="151"/>
        <source>Tags</source>
        <translation>Merki</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="76"/>
        <source>Channel</source>
        <translation>Rás</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="78"/>
        <location filename="../../ui/models.py" line="180"/>
        <source>Due</source>
        <translation>Frestur</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="176"/>
        <source>Dialog</source>
        <translation>Gluggi</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="200"/>
        <source>Right-click to choose the columns</source>
        <translation>Hægrismelltu til að velja dálka</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="201"/>
        <source>Columns…</source>
        <translation>Dálkar…</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="281"/>
        <source>Columns</source>
        <translation>Dálkar</translation>
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
        <translation>Viðskiptavinur</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="49"/>
        <location filename="../../ui/mail/controller.py" line="242"/>
        <location filename="../../ui/mail/view.py" line="109"/>
        <location filename="../../ui/workflow/panel.py" line="81"/>
        <source>Reply</source>
        <extracomment>Opens the canned-answer picker for the composer&apos;s body (Ctrl+Shift+K).</extracomment>
        <translation>Svara</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="50"/>
        <location filename="../../ui/mail/controller.py" line="244"/>
        <source>Reply to all</source>
        <translation>Svara öllum</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="51"/>
        <location filename="../../ui/mail/controller.py" line="246"/>
        <location filename="../../ui/mail/view.py" line="111"/>
        <source>Forward</source>
        <translation>Áframsenda</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="52"/>
        <source>New mail</source>
        <translation>Nýr póstur</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="97"/>
        <source>name@example.com, another@example.org</source>
        <extracomment>``(draft) -&gt; may it be sent?``; it shows its own reason when not ``() -&gt; may it close?`` asked on Cancel, Escape and closing (keep or discard a draft)</extracomment>
        <translation>nafn@example.com, annad@example.org</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="108"/>
        <location filename="../../ui/chatimport_preview.py" line="62"/>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <location filename="../../ui/reports/window.py" line="274"/>
        <source>From</source>
        <translation>Frá</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="109"/>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="110"/>
        <source>Cc</source>
        <translation>Afrit</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="112"/>
        <source>Bcc</source>
        <translation>Falið afrit</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="113"/>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <location filename="../../ui/sync/dialogs.py" line="238"/>
        <location filename="../../ui/models.py" line="179"/>
        <source>Subject</source>
        <translation>Efni</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="118"/>
        <source>Attach files…</source>
        <translation>Hengja við skrár…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="120"/>
        <source>Remove file</source>
        <translation>Fjarlægja skrá</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="124"/>
        <source>Canned answer…</source>
        <translation>Staðlað svar…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="127"/>
        <source>Insert a canned answer at the cursor ({0})</source>
        <translation>Setja staðlað svar við bendilinn ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="136"/>
        <source>Saved in the conversation when you press Send; it waits in the outbox until the mail server can be reached.</source>
        <translation>Vistast í erindinu þegar þú ýtir á Senda; bíður í úthólfi þar til póstþjónninn næst.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="141"/>
        <source>Send</source>
        <translation>Senda</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="143"/>
        <source>Send (Ctrl+Enter)</source>
        <translation>Senda (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="136"/>
        <source>Backups</source>
        <extracomment>how often the automatic backup checks whether one is due, and the first check progress reaches the window at most this often</extracomment>
        <translation>Öryggisafrit</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="138"/>
        <source>Back up automatically every day while SupportDesk runs</source>
        <translation>Taka öryggisafrit sjálfkrafa á hverjum degi meðan SupportDesk keyrir</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="142"/>
        <source>Folder:</source>
        <translation>Mappa:</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="149"/>
        <source>Keeps the newest backup of each of the last 7 days and 4 weeks before them. Passwords and sign-in tokens are never in a backup: they stay in the system keyring.</source>
        <translation>Geymir nýjasta afritið frá hverjum af síðustu 7 dögum og 4 vikunum þar á undan. Lykilorð og innskráningartókar fara aldrei í öryggisafrit: þau eru áfram í lyklakippu kerfisins.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="156"/>
        <source>Last automatic backup: {when}</source>
        <translation>Síðasta sjálfvirka afrit: {when}</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="158"/>
        <source>No automatic backup yet.</source>
        <translation>Ekkert sjálfvirkt afrit enn.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="168"/>
        <source>Folder for backups</source>
        <translation>Mappa fyrir öryggisafrit</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="196"/>
        <source>Back up now…</source>
        <extracomment>called with a restored profile&apos;s folder to open it (a new SupportDesk window)</extracomment>
        <translation>Taka öryggisafrit núna…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="198"/>
        <source>Restore from backup…</source>
        <translation>Endurheimta úr öryggisafriti…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="200"/>
        <source>Backup settings…</source>
        <translation>Stillingar öryggisafrita…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="233"/>
        <source>Back up to</source>
        <translation>Vista öryggisafrit í</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="234"/>
        <source>SupportDesk backups (*.sdbackup)</source>
        <translation>Öryggisafrit SupportDesk (*.sdbackup)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="239"/>
        <location filename="../../ui/backup.py" line="323"/>
        <source>Backing up…</source>
        <translation>Tek öryggisafrit…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="243"/>
        <source>Backed up to {path} ({size} MB).</source>
        <translation>Öryggisafrit vistað í {path} ({size} MB).</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="267"/>
        <source>Restore from backup</source>
        <translation>Endurheimta úr öryggisafriti</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="268"/>
        <source>SupportDesk backups (*.sdbackup);;All files (*)</source>
        <translation>Öryggisafrit SupportDesk (*.sdbackup);;Allar skrár (*)</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="272"/>
        <source>A new, empty folder for the restored profile</source>
        <translation>Ný, tóm mappa fyrir endurheimta prófílinn</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="283"/>
        <source>Checking and restoring the backup…</source>
        <translation>Athuga og endurheimti öryggisafritið…</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="286"/>
        <source>The backup was restored into {path}.</source>
        <translation>Öryggisafritið var endurheimt í {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="288"/>
        <source>It was signed in to a team server: sign in again there and it syncs as a new device.</source>
        <translation>Hann var innskráður á teymisþjón: skráðu þig inn aftur þar og hann samstillist sem nýtt tæki.</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="290"/>
        <source>Restored</source>
        <translation>Endurheimt</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="291"/>
        <source>Open it now?</source>
        <translation>Opna hann núna?</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="310"/>
        <location filename="../../ui/mail/composer.py" line="145"/>
        <location filename="../../ui/mail/signin.py" line="108"/>
        <location filename="../../ui/chatimport_dialog.py" line="308"/>
        <location filename="../../ui/chatimport_dialog.py" line="372"/>
        <source>Cancel</source>
        <translation>Hætta við</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="311"/>
        <location filename="../../ui/backup.py" line="354"/>
        <source>Backup</source>
        <translation>Öryggisafrit</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="194"/>
        <source>{0} is larger than {1}; most mail servers refuse that.</source>
        <translation>{0} er stærri en {1}; flestir póstþjónar hafna því.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="275"/>
        <location filename="../../ui/mail/composer.py" line="199"/>
        <source>{0} could not be read ({1}).</source>
        <translation>Ekki tókst að lesa {0} ({1}).</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="221"/>
        <source>Attach files</source>
        <translation>Hengja við skrár</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="260"/>
        <source>Add at least one recipient.</source>
        <translation>Bættu við að minnsta kosti einum viðtakanda.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="263"/>
        <source>Give the mail a subject.</source>
        <translation>Gefðu póstinum efni.</translation>
    </message>
    <message>
        <location filename="../../ui/layout.py" line="78"/>
        <location filename="../../ui/sync/dialogs.py" line="224"/>
        <location filename="../../ui/models.py" line="179"/>
        <source>Activity</source>
        <translation>Virkni</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="199"/>
        <source>Low</source>
        <translation>Lítill</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="199"/>
        <source>Normal</source>
        <translation>Venjulegur</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="199"/>
        <source>High</source>
        <translation>Mikill</translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="200"/>
        <source>Urgent</source>
        <translation>Áríðandi</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="129"/>
        <source>Unknown</source>
        <translation>Óþekkt</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="133"/>
        <source>Attached:</source>
        <translation>Viðhengi:</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="146"/>
        <source>Inbound call</source>
        <translation>Innhringing</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="146"/>
        <source>Outbound call</source>
        <translation>Úthringing</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="34"/>
        <location filename="../../ui/kb/history.py" line="155"/>
        <location filename="../../ui/timeline.py" line="214"/>
        <source>Someone</source>
        <translation>Einhver</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="218"/>
        <source>billable</source>
        <translation>reikningshæft</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="218"/>
        <source>not billable</source>
        <translation>ekki reikningshæft</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="220"/>
        <source>a vendor</source>
        <translation>birgir</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="225"/>
        <source>({0} on the phone)</source>
        <translation>({0} í síma)</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="246"/>
        <source>Handed back to {0}</source>
        <translation>Skilað aftur til {0}</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="246"/>
        <source>De-escalated</source>
        <translation>Stigmögnun dregin til baka</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/timeline.py" line="288"/>
        <source>%Ln earlier entries are not shown.</source>
        <translation>
            <numerusform>%Ln eldri færsla er ekki sýnd.</numerusform>
            <numerusform>%Ln eldri færslur eru ekki sýndar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chatimport.py" line="103"/>
        <location filename="../../ui/workspace.py" line="208"/>
        <source>Import chat export…</source>
        <translation>Flytja inn útflutt spjall…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport.py" line="105"/>
        <source>Import a WhatsApp, Telegram, Slack, Discord, Messenger, website-chat or CSV export</source>
        <translation>Flytja inn útflutning úr WhatsApp, Telegram, Slack, Discord, Messenger, vefspjalli eða CSV</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="143"/>
        <source>Stop</source>
        <translation>Stöðva</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="144"/>
        <source>Stop fetching; what was fetched stays</source>
        <translation>Hætta að sækja; það sem var sótt helst</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="148"/>
        <source>Enter password…</source>
        <translation>Slá inn lykilorð…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="213"/>
        <location filename="../../ui/mail/controller.py" line="454"/>
        <source>Mail: {0}</source>
        <translation>Póstur: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="240"/>
        <source>New mail…</source>
        <translation>Nýr póstur…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="247"/>
        <source>Mailboxes…</source>
        <translation>Pósthólf…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="248"/>
        <source>Outbox…</source>
        <translation>Úthólf…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="249"/>
        <source>Fetch mail now</source>
        <translation>Sækja póst núna</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="251"/>
        <source>Import mail from files…</source>
        <translation>Flytja inn póst úr skrám…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/controller.py" line="338"/>
        <source>%n mails sent.</source>
        <translation>
            <numerusform>%n póstur sendur.</numerusform>
            <numerusform>%n póstar sendir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/controller.py" line="352"/>
        <source>%n mails were being sent when SupportDesk stopped; see the outbox.</source>
        <translation>
            <numerusform>%n póstur var í sendingu þegar SupportDesk stöðvaðist; sjá úthólf.</numerusform>
            <numerusform>%n póstar voru í sendingu þegar SupportDesk stöðvaðist; sjá úthólf.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="382"/>
        <source>This mailbox now connects to other servers ({0}). Type the password again only if you trust them; the stored one is not sent there.</source>
        <translation>Þetta pósthólf tengist nú öðrum þjónum ({0}). Sláðu lykilorðið aftur inn aðeins ef þú treystir þeim; vistaða lykilorðið er ekki sent þangað.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="430"/>
        <source>connecting</source>
        <translation>tengist</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="432"/>
        <source>fetching {0} of {1}</source>
        <translation>sæki {0} af {1}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="436"/>
        <source>password needed</source>
        <translation>lykilorð vantar</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="439"/>
        <source>Sign in again (Tools → Mailboxes)</source>
        <translation>Skráðu þig inn aftur (Verkfæri → Pósthólf)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="444"/>
        <source>fetching paused (Fetch mail now resumes)</source>
        <translation>hlé á sókn („Sækja póst núna“ heldur áfram)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="446"/>
        <source>up to date</source>
        <translation>allt sótt</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="451"/>
        <source>{0} waiting to send</source>
        <translation>{0} bíða sendingar</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="453"/>
        <source>{0} not sent</source>
        <translation>{0} ekki sent</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="590"/>
        <source>That file is not on this computer.</source>
        <translation>Skráin er ekki á þessari tölvu.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="603"/>
        <source>Open a program?</source>
        <translation>Opna forrit?</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="604"/>
        <source>{0} can run code on this computer. Open it only if you expected it from this sender.</source>
        <translation>{0} getur keyrt kóða á þessari tölvu. Opnaðu hana aðeins ef þú áttir von á henni frá sendandanum.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="625"/>
        <source>Save attachment</source>
        <translation>Vista viðhengi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="640"/>
        <source>This message has no original to save.</source>
        <translation>Þessi skilaboð eiga ekkert frumrit til að vista.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="645"/>
        <source>Save original</source>
        <translation>Vista frumrit</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="646"/>
        <source>Mail files (*.eml)</source>
        <translation>Póstskrár (*.eml)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="668"/>
        <source>Add a support mailbox first (Tools → Mailboxes…).</source>
        <translation>Bættu fyrst við þjónustupósthólfi (Verkfæri → Pósthólf…).</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="706"/>
        <source>Saved in the conversation; it goes out as soon as the server can be reached.</source>
        <translation>Vistað í erindinu; fer um leið og þjónninn næst.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="732"/>
        <source>Split the message</source>
        <translation>Kljúfa skilaboðin frá</translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="733"/>
        <source>Start a new conversation with this message? Later replies to it will go there too.</source>
        <translation>Hefja nýtt erindi með þessum skilaboðum? Síðari svör við þeim fara þangað líka.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="28"/>
        <source>Import mail (.eml or mbox)</source>
        <translation>Flytja inn póst (.eml eða mbox)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="29"/>
        <source>Mail files (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation>Póstskrár (*.eml *.mbox *.mbx);;Allar skrár (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/importing.py" line="43"/>
        <source>%Ln messages added, {0} already there.</source>
        <translation>
            <numerusform>%Ln skilaboðum bætt við, {0} voru þegar til.</numerusform>
            <numerusform>%Ln skilaboðum bætt við, {0} voru þegar til.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="46"/>
        <source>Not imported:</source>
        <translation>Ekki flutt inn:</translation>
    </message>
    <message>
        <location filename="../../ui/mail/importing.py" line="51"/>
        <location filename="../../ui/chatimport_dialog.py" line="305"/>
        <source>Import</source>
        <translation>Flytja inn</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="41"/>
        <source>Server name not found (DNS)</source>
        <translation>Heiti þjóns fannst ekki (DNS)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="42"/>
        <source>Connection refused or unreachable</source>
        <translation>Tengingu hafnað eða ekki næst samband</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="43"/>
        <source>No answer from the server</source>
        <translation>Ekkert svar frá þjóninum</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="44"/>
        <source>Secure connection failed</source>
        <translation>Örugg tenging mistókst</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="45"/>
        <source>Certificate not trusted</source>
        <translation>Vottorði ekki treyst</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="46"/>
        <source>STARTTLS not offered</source>
        <translation>STARTTLS ekki í boði</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="47"/>
        <source>Sign-in refused</source>
        <translation>Innskráningu hafnað</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="48"/>
        <source>The server refused a request</source>
        <translation>Þjónninn hafnaði beiðni</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="49"/>
        <source>Token renewal</source>
        <translation>Endurnýjun tóka</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="50"/>
        <source>Consent missing</source>
        <translation>Samþykki vantar</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="51"/>
        <source>OAuth2 sign-in not offered</source>
        <translation>OAuth2-innskráning ekki í boði</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="52"/>
        <location filename="../../ui/mail/outbox.py" line="37"/>
        <source>Failed</source>
        <translation>Mistókst</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="89"/>
        <source>Mailboxes</source>
        <translation>Pósthólf</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="99"/>
        <source>Add mailbox</source>
        <translation>Bæta við pósthólfi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="101"/>
        <location filename="../../ui/rules/dialog.py" line="92"/>
        <source>Remove</source>
        <translation>Fjarlægja</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="111"/>
        <source>Support</source>
        <translation>Þjónusta</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="115"/>
        <source>Acme Support (shown as the sender)</source>
        <translation>Acme þjónusta (birt sem sendandi)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="117"/>
        <source>Usually the email address</source>
        <translation>Yfirleitt netfangið</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="120"/>
        <source>Remember the password in the system keyring</source>
        <translation>Muna lykilorðið í lyklakippu kerfisins</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="127"/>
        <location filename="../../ui/rules/dialog.py" line="126"/>
        <location filename="../../ui/sync/dialogs.py" line="238"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="310"/>
        <source>Name</source>
        <translation>Nafn</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="128"/>
        <source>Email address</source>
        <translation>Netfang</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="129"/>
        <source>Sender name</source>
        <translation>Nafn sendanda</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="130"/>
        <source>User name</source>
        <translation>Notandanafn</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="131"/>
        <location filename="../../ui/sync/dialogs.py" line="93"/>
        <source>Password</source>
        <translation>Lykilorð</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="134"/>
        <source>Sign in with Google</source>
        <translation>Skrá inn með Google</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="135"/>
        <source>Sign in with Microsoft</source>
        <translation>Skrá inn með Microsoft</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="136"/>
        <source>Other OAuth2 provider…</source>
        <translation>Önnur OAuth2-þjónusta…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="141"/>
        <source>Or</source>
        <translation>Eða</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="167"/>
        <source>Incoming (IMAP)</source>
        <translation>Móttaka (IMAP)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="169"/>
        <source>Outgoing (SMTP)</source>
        <translation>Sending (SMTP)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="173"/>
        <source>Found automatically</source>
        <translation>Fundið sjálfkrafa</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="175"/>
        <source>The system&apos;s certificate authorities</source>
        <translation>Vottunaraðilar kerfisins</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="176"/>
        <source>Browse…</source>
        <translation>Velja…</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="32"/>
        <source>Chats quiet for more than</source>
        <extracomment>the most days the box offers (ten years)</extracomment>
        <translation>Spjöll án skilaboða lengur en</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="36"/>
        <source>never (all open)</source>
        <translation>aldrei (öll opin)</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="37"/>
        <location filename="../../ui/mail/settings.py" line="184"/>
        <source> days</source>
        <translation> daga</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="40"/>
        <source>are imported as solved history, with no SLA clock.</source>
        <translation>eru flutt inn sem leyst saga, án SLA-klukku.</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="43"/>
        <source>Days after which a chat is history</source>
        <translation>Dagar þar til spjall telst saga</translation>
    </message>
    <message>
        <location filename="../../ui/history.py" line="45"/>
        <source>Chats whose last message is older than this are imported as solved; 0 imports every chat as open work</source>
        <translation>Spjöll þar sem síðustu skilaboð eru eldri en þetta eru flutt inn sem leyst; 0 flytur öll spjöll inn sem opin verkefni</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="185"/>
        <source>Fetch and send mail for this mailbox</source>
        <translation>Sækja og senda póst fyrir þetta pósthólf</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="188"/>
        <source>Acknowledge new conversations automatically with an expected answer time</source>
        <translation>Staðfesta ný erindi sjálfkrafa með áætluðum svartíma</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="191"/>
        <source>Each new customer conversation gets one reply, in the customer&apos;s language, saying when a person will answer: worked out from the SLA, business hours and the queue. Auto-replies, mailing lists and mail from before this is switched on never get one.

Check the promise first: supportdesk sla preview --priority normal --received 2026-11-20T16:00</source>
        <translation>Hvert nýtt erindi viðskiptavinar fær eitt svar, á tungumáli viðskiptavinarins, um hvenær manneskja svarar: reiknað út frá SLA, opnunartíma og biðröð. Sjálfvirk svör, póstlistar og póstur frá því áður en þetta var virkjað fá aldrei slíkt svar.

Athugaðu loforðið fyrst: supportdesk sla preview --priority normal --received 2026-11-20T16:00</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="200"/>
        <source>Below replies and new mail; {customer_name}, {ticket}, {agent} work as in canned answers</source>
        <translation>Neðan við svör og nýjan póst; {customer_name}, {ticket}, {agent} virka eins og í stöðluðum svörum</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="202"/>
        <source>Send plain text only (no formatting)</source>
        <translation>Senda aðeins hreinan texta (ekkert snið)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="208"/>
        <source>Other folders to fetch, e.g. Archive, Support/VIP</source>
        <translation>Aðrar möppur til að sækja, t.d. Archive, Support/VIP</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="210"/>
        <source>Also fetch</source>
        <translation>Sækja líka</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="211"/>
        <source>Signature</source>
        <translation>Undirskrift</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="213"/>
        <source>Attachments up to</source>
        <translation>Viðhengi allt að</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="214"/>
        <source>Sent folder</source>
        <translation>Mappa fyrir sendan póst</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="215"/>
        <source>Trusted certificate</source>
        <translation>Traust vottorð</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="216"/>
        <source>First fetch reaches back</source>
        <translation>Fyrsta sókn nær aftur um</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="220"/>
        <source>Test connection</source>
        <translation>Prófa tengingu</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="119"/>
        <location filename="../../ui/mail/settings.py" line="222"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="192"/>
        <source>Save</source>
        <translation>Vista</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="225"/>
        <location filename="../../ui/mail/outbox.py" line="85"/>
        <location filename="../../ui/sync/dialogs.py" line="108"/>
        <location filename="../../ui/chatimport_dialog.py" line="372"/>
        <source>Close</source>
        <translation>Loka</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="237"/>
        <source>Account</source>
        <translation>Aðgangur</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="237"/>
        <source>Servers</source>
        <translation>Þjónar</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="238"/>
        <source>More</source>
        <translation>Meira</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="268"/>
        <source>port</source>
        <translation>gátt</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="280"/>
        <source>Certificate authority (PEM)</source>
        <translation>Vottunaraðili (PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="280"/>
        <source>Certificates (*.pem *.crt)</source>
        <translation>Vottorð (*.pem *.crt)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="312"/>
        <location filename="../../ui/mail/settings.py" line="460"/>
        <source>Stored; type to change it</source>
        <translation>Vistað; sláðu inn til að breyta</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="313"/>
        <source>Needed to fetch and send</source>
        <translation>Þarf til að sækja og senda</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="346"/>
        <source>Signs in with OAuth2; no password is used.</source>
        <translation>Skráir inn með OAuth2; ekkert lykilorð er notað.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="398"/>
        <source>Type the password first.</source>
        <translation>Sláðu fyrst inn lykilorðið.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="401"/>
        <source>Testing… signing in to {0} and {1}.</source>
        <translation>Prófa… skrái inn á {0} og {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="461"/>
        <source>Saved.</source>
        <translation>Vistað.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="46"/>
        <source>The original of this message has not reached this computer yet; it arrives with the next sync.</source>
        <translation>Frumrit þessara skilaboða hefur ekki borist þessari tölvu; það kemur með næstu samstillingu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/view.py" line="53"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n bæti</numerusform>
            <numerusform>%n bæti</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="55"/>
        <source>{0} KB</source>
        <translation>{0} KB</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="56"/>
        <source>{0:.1f} MB</source>
        <translation>{0:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="66"/>
        <source>Sent {0}</source>
        <translation>Sent {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="70"/>
        <source>the copy for the Sent folder is not filed yet</source>
        <translation>afrit í möppu fyrir sendan póst er ekki komið</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="73"/>
        <source>Not sent: {0}</source>
        <translation>Ekki sent: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="73"/>
        <source>unknown reason</source>
        <translation>óþekkt ástæða</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="74"/>
        <source>Send again</source>
        <translation>Senda aftur</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="76"/>
        <source>Not sent: deleted from the outbox.</source>
        <translation>Ekki sent: eytt úr úthólfi.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="78"/>
        <source>Sending now…</source>
        <translation>Sendi núna…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="79"/>
        <source>Waiting in the outbox</source>
        <translation>Bíður í úthólfi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="81"/>
        <source>try {0} failed, next try at {1}</source>
        <translation>tilraun {0} mistókst, næsta tilraun kl. {1}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="87"/>
        <source>goes out as soon as the server can be reached</source>
        <translation>fer um leið og þjónninn næst</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="88"/>
        <source>Send now</source>
        <translation>Senda núna</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="94"/>
        <source>To: {0}</source>
        <translation>Til: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="96"/>
        <source>Cc: {0}</source>
        <translation>Afrit: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="98"/>
        <location filename="../../ui/timeline.py" line="114"/>
        <source>(and {0} more)</source>
        <extracomment>Activity kinds drawn in the timeline as items of their own (the rest stay in the history). What rules and pages did (issue 16): one quiet line each, from the entry&apos;s own words. replaces the escaped plain-text body (e.g. sanitised HTML mail) action links after the header line (Reply, Forward, Split ...) after the body (files, blocked images, send state); replaces the file list</extracomment>
        <translation>(og {0} til viðbótar)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="110"/>
        <source>Reply all</source>
        <translation>Svara öllum</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="112"/>
        <source>Split</source>
        <translation>Kljúfa frá</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="113"/>
        <source>Move…</source>
        <translation>Færa…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="117"/>
        <source>Show formatted</source>
        <translation>Sýna sniðið</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="119"/>
        <source>Show as text</source>
        <translation>Sýna sem texta</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/view.py" line="131"/>
        <source>%n remote images were blocked to protect your privacy.</source>
        <translation>
            <numerusform>%n ytri mynd var lokuð til að vernda friðhelgi þína.</numerusform>
            <numerusform>%n ytri myndir voru lokaðar til að vernda friðhelgi þína.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="133"/>
        <source>Show images from {0}</source>
        <translation>Sýna myndir frá {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="139"/>
        <source>Images from {0} are shown.</source>
        <translation>Myndir frá {0} eru sýndar.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="140"/>
        <source>Block them again</source>
        <translation>Loka á þær aftur</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="160"/>
        <source>Original message:</source>
        <translation>Upprunaleg skilaboð:</translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="161"/>
        <source>Save as .eml…</source>
        <translation>Vista sem .eml…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="33"/>
        <source>Waiting</source>
        <translation>Bíður</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="33"/>
        <source>Waiting to retry</source>
        <translation>Bíður endurtekningar</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="35"/>
        <source>Sending…</source>
        <translation>Sendi…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="36"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="45"/>
        <source>next try {0}</source>
        <translation>næsta tilraun {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="58"/>
        <source>Outbox</source>
        <translation>Úthólf</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <source>State</source>
        <translation>Ástand</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <location filename="../../ui/rules/dialog.py" line="127"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>When</source>
        <translation>Hvenær</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="65"/>
        <source>What happened</source>
        <translation>Hvað gerðist</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="79"/>
        <source>Send again now</source>
        <translation>Senda aftur núna</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="81"/>
        <source>Delete from outbox</source>
        <translation>Eyða úr úthólfi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="83"/>
        <location filename="../../ui/sync/dialogs.py" line="326"/>
        <source>Open conversation</source>
        <translation>Opna erindi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="122"/>
        <source>Nothing waits to be sent.</source>
        <translation>Ekkert bíður sendingar.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="125"/>
        <source>{0} waiting, {1} failed. Waiting mail goes out by itself when the server can be reached; failed mail needs you to fix the cause and send it again.</source>
        <translation>{0} bíða, {1} mistókust. Póstur sem bíður fer sjálfkrafa þegar þjónninn næst; fyrir póst sem mistókst þarftu að laga orsökina og senda aftur.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="41"/>
        <source>Mailbox password</source>
        <translation>Lykilorð pósthólfs</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="44"/>
        <source>SupportDesk needs the password of {0} ({1}) to fetch and send mail.</source>
        <translation>SupportDesk þarf lykilorð {0} ({1}) til að sækja og senda póst.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="55"/>
        <source>Password for {0}</source>
        <translation>Lykilorð fyrir {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="56"/>
        <source>Remember it in the system keyring</source>
        <translation>Muna það í lyklakippu kerfisins</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="62"/>
        <source>Without the keyring, SupportDesk asks again next time.</source>
        <translation>Án lyklakippu spyr SupportDesk aftur næst.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="97"/>
        <source>Move the message to…</source>
        <translation>Færa skilaboðin í…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="102"/>
        <source>Choose the conversation this message belongs to. The customer&apos;s other conversations are listed; type to search all.</source>
        <translation>Veldu erindið sem skilaboðin tilheyra. Önnur erindi viðskiptavinarins eru talin upp; sláðu inn til að leita í öllum.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="107"/>
        <source>Search by subject, customer or ticket number</source>
        <translation>Leita eftir efni, viðskiptavini eða erindisnúmeri</translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="115"/>
        <source>Move here</source>
        <translation>Færa hingað</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="247"/>
        <location filename="../../ui/sync/controller.py" line="313"/>
        <location filename="../../ui/workspace.py" line="212"/>
        <source>Team server…</source>
        <extracomment>a local change is pushed this long after it was made (more changes ride along) a sync at least this often while signed in, to receive the team&apos;s work pauses before retrying after failures (the last one repeats) the first sync after the window opens presence is renewed this often (the server forgets an entry after 60 s) rows per page in the app: a page of this size is parsed in a few milliseconds, and the window does not reload per page, so bigger pages only cost the garbage collector more while a sync runs, the window shows what it brought at most this often the status bar&apos;s progress words change at most this often (seconds) a request that gets no answer in this long fails (and is retried later) emitted (on the GUI thread) whenever what the status bar says may have changed a sync finished: its result, or None when it failed a sync or sign-in is running on the worker None: not known yet; False: signed out (no tokens); True: tokens in the keyring None until the first attempt; then whether the server answered last time how far the running sync has come (None: not known, or no sync running)</extracomment>
        <translation>Teymisþjónn…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="249"/>
        <location filename="../../ui/sync/controller.py" line="306"/>
        <source>Sync now</source>
        <translation>Samstilla núna</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="253"/>
        <source>Sync conflicts…</source>
        <translation>Samstillingarárekstrar…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="308"/>
        <source>Conflicts…</source>
        <translation>Árekstrar…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="310"/>
        <source>Conflicts ({0})…</source>
        <translation>Árekstrar ({0})…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="349"/>
        <source>Signed in as {0}</source>
        <translation>Innskráð(ur) sem {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="350"/>
        <source>Signed out (was {0})</source>
        <translation>Útskráð(ur) (var {0})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="352"/>
        <source>Signed out of the team server</source>
        <translation>Útskráð(ur) af teymisþjóni</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="353"/>
        <source>Sign in again from Tools → Team server…</source>
        <translation>Skráðu þig inn aftur í Verkfæri → Teymisþjónn…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="386"/>
        <source>Fetching the team&apos;s inbox… %Ln items</source>
        <translation>
            <numerusform>Sæki innhólf teymisins… %Ln færsla</numerusform>
            <numerusform>Sæki innhólf teymisins… %Ln færslur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="389"/>
        <source>Syncing… %Ln changes received</source>
        <translation>
            <numerusform>Samstilli… %Ln breyting móttekin</numerusform>
            <numerusform>Samstilli… %Ln breytingar mótteknar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="380"/>
        <location filename="../../ui/sync/controller.py" line="390"/>
        <source>Syncing…</source>
        <translation>Samstilli…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="365"/>
        <source>Trying again in {0} s.</source>
        <translation>Reyni aftur eftir {0} sek.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="357"/>
        <source>%n sync conflicts to look at</source>
        <translation>
            <numerusform>%n samstillingarárekstur þarf að skoða</numerusform>
            <numerusform>%n samstillingarárekstra þarf að skoða</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="370"/>
        <source>Sync problem</source>
        <translation>Vandamál í samstillingu</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="374"/>
        <source>conflicts: {0}</source>
        <translation>árekstrar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="383"/>
        <source>Fetching the team&apos;s inbox… {0}%</source>
        <translation>Sæki innhólf teymisins… {0}%</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="387"/>
        <source>Fetching the team&apos;s inbox…</source>
        <translation>Sæki innhólf teymisins…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="716"/>
        <source>{0} is replying</source>
        <translation>{0} er að svara</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="716"/>
        <source>{0} is viewing</source>
        <translation>{0} er að skoða</translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="723"/>
        <source>Other agents with this conversation open right now.</source>
        <translation>Aðrir fulltrúar sem eru með þetta erindi opið núna.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="146"/>
        <source>Escalate…</source>
        <extracomment>Conversations per background unit of work when catching up at start. a burst of commits refreshes the strip once, this long after the first Tables whose change may alter what the strip shows. asks whether to send although new messages arrived (tests pass a stand-in) refreshes asked for by a burst of commits (a sync) become one</extracomment>
        <translation>Vísa áfram…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="147"/>
        <source>De-escalate…</source>
        <translation>Draga stigmögnun til baka…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="148"/>
        <source>Insert canned answer…</source>
        <translation>Setja inn staðlað svar…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="150"/>
        <source>Log time…</source>
        <translation>Skrá tíma…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="151"/>
        <source>Start or pause the timer</source>
        <translation>Ræsa eða gera hlé á tímamæli</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="158"/>
        <location filename="../../ui/workflow/controller.py" line="547"/>
        <location filename="../../ui/models.py" line="73"/>
        <source>Due soon</source>
        <translation>Frestur að renna út</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="159"/>
        <location filename="../../ui/workflow/controller.py" line="547"/>
        <location filename="../../ui/models.py" line="74"/>
        <source>Overdue</source>
        <translation>Fram yfir frest</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="165"/>
        <source>SLA policy and business hours…</source>
        <translation>SLA-stefna og opnunartími…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="167"/>
        <source>On-call rota…</source>
        <translation>Bakvaktaskrá…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="168"/>
        <source>Check SLA breaches now</source>
        <translation>Athuga SLA-brot núna</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="248"/>
        <source>The timer on this conversation has been running for hours. Stop it if you are done.</source>
        <translation>Tímamælir þessa erindis hefur gengið í klukkustundir. Stöðvaðu hann ef þú ert búin(n).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="291"/>
        <source>Escalated.</source>
        <translation>Vísað áfram.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="301"/>
        <source>This conversation is not escalated.</source>
        <translation>Þessu erindi hefur ekki verið vísað áfram.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="318"/>
        <source>Handed back.</source>
        <translation>Skilað aftur.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="327"/>
        <source>Escalation</source>
        <translation>Stigmögnun</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="328"/>
        <source>Escalated to {0} by {1}.

Why: {2}

Tried: {3}</source>
        <translation>Vísað til {0} af {1}.

Af hverju: {2}

Reynt: {3}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/history.py" line="43"/>
        <location filename="../../ui/workflow/controller.py" line="329"/>
        <location filename="../../ui/workflow/dialogs.py" line="136"/>
        <source>someone</source>
        <translation>einhver</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="330"/>
        <location filename="../../ui/workflow/panel.py" line="302"/>
        <location filename="../../ui/workflow/dialogs.py" line="137"/>
        <source>(nothing noted)</source>
        <translation>(ekkert skráð)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="398"/>
        <source>Fill in {0} before sending.</source>
        <translation>Fylltu út {0} fyrir sendingu.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="433"/>
        <source>Not sent. Your reply is kept: read the new messages, change the reply if needed, and send again.</source>
        <translation>Ekki sent. Svarið þitt er geymt: lestu nýju skilaboðin, breyttu svarinu ef þarf og sendu aftur.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="458"/>
        <source>Not covered</source>
        <translation>Ekki innifalið</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="458"/>
        <source>Start the timer anyway?</source>
        <translation>Ræsa tímamælinn samt?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="501"/>
        <location filename="../../ui/workflow/controller.py" line="523"/>
        <source>Time logged.</source>
        <translation>Tími skráður.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="587"/>
        <source>SLA policy saved; due times updated.</source>
        <translation>SLA-stefna vistuð; frestir uppfærðir.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="617"/>
        <source>On-call rota saved.</source>
        <translation>Bakvaktaskrá vistuð.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="57"/>
        <source>Customer name</source>
        <translation>Nafn viðskiptavinar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="58"/>
        <source>Ticket number</source>
        <translation>Erindisnúmer</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="59"/>
        <source>Agent (your name)</source>
        <translation>Fulltrúi (nafnið þitt)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="60"/>
        <source>ETA (when the customer hears back)</source>
        <translation>Áætlaður svartími (hvenær viðskiptavinurinn fær svar)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="61"/>
        <source>Contract balance</source>
        <translation>Staða samnings</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="67"/>
        <source>English</source>
        <translation>Enska</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="67"/>
        <source>Russian</source>
        <translation>Rússneska</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="67"/>
        <source>Icelandic</source>
        <translation>Íslenska</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="104"/>
        <source>Canned answers</source>
        <translation>Stöðluð svör</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="113"/>
        <location filename="../../ui/workflow/dialogs.py" line="270"/>
        <source>Search by title or /shortcut</source>
        <translation>Leita eftir titli eða /flýtiorði</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="93"/>
        <location filename="../../ui/kb/editor.py" line="135"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="119"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="199"/>
        <source>Title</source>
        <translation>Titill</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="119"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="200"/>
        <source>Shortcut</source>
        <translation>Flýtiorð</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="120"/>
        <source>Used</source>
        <translation>Notað</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="130"/>
        <source>Used: how many replies this answer went into, on every device of the team.</source>
        <translation>Notað: í hversu mörg svör þetta svar fór, á öllum tækjum teymisins.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="132"/>
        <source>New</source>
        <translation>Nýtt</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="133"/>
        <source>Translate…</source>
        <translation>Þýða…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="135"/>
        <source>A new answer with the same shortcut in another language</source>
        <translation>Nýtt svar með sama flýtiorði á öðru tungumáli</translation>
    </message>
    <message>
        <location filename="../../ui/kb/editor.py" line="125"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="136"/>
        <source>Delete</source>
        <translation>Eyða</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="157"/>
        <source>e.g. Refund issued</source>
        <translation>t.d. Endurgreiðsla afgreidd</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="160"/>
        <source>e.g. refund (typed as /refund)</source>
        <translation>t.d. refund (slegið inn sem /refund)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="169"/>
        <source>Hi {customer_name},

Thanks for writing about {ticket}. You will hear from me {eta}.

{agent}</source>
        <translation>Sæl/l {customer_name},

Takk fyrir að skrifa um {ticket}. Þú heyrir frá mér {eta}.

{agent}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="171"/>
        <source>Insert placeholder</source>
        <translation>Setja inn reit</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="172"/>
        <source>Filled in for each conversation when the answer is inserted</source>
        <translation>Fyllt út fyrir hvert erindi þegar svarið er sett inn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="181"/>
        <source>Allow gaps the rep fills in, like {order_number}</source>
        <translation>Leyfa eyður sem fulltrúinn fyllir í, eins og {order_number}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="183"/>
        <source>SupportDesk fills only the placeholders in the menu. Other words in braces stay in the reply, and it cannot be sent until the rep replaces them.</source>
        <translation>SupportDesk fyllir aðeins í reitina í valmyndinni. Önnur orð innan slaufusviga verða eftir í svarinu og það er ekki hægt að senda fyrr en fulltrúinn skiptir þeim út.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="194"/>
        <source>Revert</source>
        <translation>Afturkalla</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="257"/>
        <source>All languages</source>
        <translation>Öll tungumál</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="318"/>
        <source>Unsaved changes</source>
        <translation>Óvistaðar breytingar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="319"/>
        <source>This answer has changes that are not saved. Discard them?</source>
        <translation>Þetta svar hefur óvistaðar breytingar. Henda þeim?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/canned_dialog.py" line="336"/>
        <location filename="../../ui/workflow/dialogs.py" line="316"/>
        <source>Used %n times</source>
        <translation>
            <numerusform>Notað %n sinni</numerusform>
            <numerusform>Notað %n sinnum</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="337"/>
        <source>Not used yet</source>
        <translation>Ekki notað enn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="353"/>
        <source>New translation</source>
        <translation>Ný þýðing</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="353"/>
        <source>New canned answer</source>
        <translation>Nýtt staðlað svar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="401"/>
        <source>Give the answer a title.</source>
        <translation>Gefðu svarinu titil.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="403"/>
        <source>A shortcut is one word, like /refund.</source>
        <translation>Flýtiorð er eitt orð, eins og /refund.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="406"/>
        <source>Choose a language, or type its code (like de).</source>
        <translation>Veldu tungumál eða sláðu inn kóða þess (t.d. de).</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="409"/>
        <source>Write the text of the answer.</source>
        <translation>Skrifaðu texta svarsins.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="414"/>
        <source>/{0} in {1} is already “{2}”. Choose another shortcut or language.</source>
        <translation>/{0} á {1} er nú þegar „{2}“. Veldu annað flýtiorð eða tungumál.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="418"/>
        <source>{0} is not a placeholder: write one word with underscores in braces, like {{customer_name}}.</source>
        <translation>{0} er ekki reitur: skrifaðu eitt orð með undirstrikum innan slaufusviga, eins og {{customer_name}}.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="423"/>
        <source>SupportDesk cannot fill {0}. Use the placeholders it knows ({1}), or tick “Allow gaps” so the rep fills it in before sending.</source>
        <translation>SupportDesk getur ekki fyllt í {0}. Notaðu reiti sem það þekkir ({1}) eða hakaðu við „Leyfa eyður“ svo fulltrúinn fylli í áður en sent er.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="454"/>
        <source>Delete canned answer</source>
        <translation>Eyða stöðluðu svari</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="455"/>
        <source>Delete “{0}” ({1})? Replies already sent keep their text.</source>
        <translation>Eyða „{0}“ ({1})? Svör sem þegar eru send halda texta sínum.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="42"/>
        <source>First response overdue</source>
        <extracomment>Device-local: the newest notification counter already shown here.</extracomment>
        <translation>Fyrsta svar fram yfir frest</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="43"/>
        <source>Reply overdue</source>
        <translation>Svar fram yfir frest</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="44"/>
        <source>Resolution overdue</source>
        <translation>Úrlausn fram yfir frest</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="45"/>
        <source>Urgent conversation out of hours</source>
        <translation>Áríðandi erindi utan opnunartíma</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="46"/>
        <source>Escalated to you</source>
        <translation>Vísað til þín</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/notifier.py" line="124"/>
        <source>SupportDesk · %n alerts</source>
        <translation>
            <numerusform>SupportDesk · %n tilkynning</numerusform>
            <numerusform>SupportDesk · %n tilkynningar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="172"/>
        <location filename="../../ui/workflow/manage.py" line="48"/>
        <source>The change could not be saved: {0}</source>
        <translation>Ekki tókst að vista breytinguna: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="65"/>
        <source>Canned answers…</source>
        <translation>Stöðluð svör…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="66"/>
        <source>Contracts…</source>
        <translation>Samningar…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="67"/>
        <source>Contract…</source>
        <translation>Samningur…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="70"/>
        <source>This customer&apos;s contract, balance and SLA policy; create one if none</source>
        <translation>Samningur viðskiptavinarins, staða og SLA-stefna; stofnaðu samning ef enginn er</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="152"/>
        <source>This conversation has no customer to make a contract with.</source>
        <translation>Þetta erindi hefur engan viðskiptavin til að gera samning við.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="209"/>
        <source>In force today: work is covered.</source>
        <translation>Í gildi í dag: vinnan er innifalin.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="80"/>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <location filename="../../ui/reports/window.py" line="629"/>
        <source>First response</source>
        <extracomment>Chip colours per SLA state (background, text); readable on light and dark themes.</extracomment>
        <translation>Fyrsta svar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="82"/>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <location filename="../../ui/reports/window.py" line="630"/>
        <source>Resolution</source>
        <translation>Úrlausn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="83"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="89"/>
        <source>SLA paused: waiting on the customer</source>
        <translation>SLA í bið: beðið eftir viðskiptavininum</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="91"/>
        <source>SLA met</source>
        <translation>SLA stóðst</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="93"/>
        <location filename="../../ui/workflow/panel.py" line="283"/>
        <source>No SLA clock yet</source>
        <translation>Engin SLA-klukka enn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="98"/>
        <location filename="../../ui/workflow/panel.py" line="103"/>
        <source>{0} overdue since {1}</source>
        <translation>{0} fram yfir frest síðan {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="99"/>
        <source>{0} due {1}</source>
        <translation>{0}: frestur {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="105"/>
        <source>{0} overdue by {1} (was due {2})</source>
        <translation>{0} fram yfir frest um {1} (frestur var {2})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="107"/>
        <source>{0} due in {1} ({2})</source>
        <translation>{0}: frestur eftir {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="124"/>
        <source>paused</source>
        <translation>í bið</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="124"/>
        <source>met</source>
        <translation>stóðst</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="135"/>
        <source>No contract</source>
        <translation>Enginn samningur</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="135"/>
        <source>No support contract for this customer: work is not covered. Agree on payment before you start.</source>
        <translation>Enginn þjónustusamningur við þennan viðskiptavin: vinnan er ekki innifalin. Semjið um greiðslu áður en þú byrjar.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="138"/>
        <source>The customer&apos;s plan ({0}) includes no support. Agree on payment before you start.</source>
        <translation>Áskrift viðskiptavinarins ({0}) inniheldur enga þjónustu. Semjið um greiðslu áður en þú byrjar.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="142"/>
        <source>{0} expired on {1}: work is not covered.</source>
        <translation>{0} rann út {1}: vinnan er ekki innifalin.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="144"/>
        <source>{0} starts on {1}: work before then is not covered.</source>
        <translation>{0} hefst {1}: vinna fyrir þann tíma er ekki innifalin.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="147"/>
        <source>{0} · billed per incident ({1:.2f} {2})</source>
        <translation>{0} · rukkað fyrir hvert atvik ({1:.2f} {2})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="153"/>
        <source>({0} over)</source>
        <translation>({0} umfram)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="156"/>
        <source>{0} · used up</source>
        <translation>{0} · uppurið</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="157"/>
        <source>{0}: the prepaid balance is used up{1}. Work from here is not covered.</source>
        <translation>{0}: fyrirframgreidd inneign er uppurin{1}. Vinna héðan í frá er ekki innifalin.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="159"/>
        <source> until {0}</source>
        <translation> til {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="234"/>
        <location filename="../../ui/workflow/panel.py" line="336"/>
        <source>▶ Start</source>
        <translation>▶ Ræsa</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="235"/>
        <source>Start the timer on this conversation</source>
        <translation>Ræsa tímamæli á þessu erindi</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="237"/>
        <source>⏸ Pause</source>
        <translation>⏸ Hlé</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="239"/>
        <source>■ Stop</source>
        <translation>■ Stöðva</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="240"/>
        <source>Stop the timer and log the time</source>
        <translation>Stöðva tímamælinn og skrá tímann</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="284"/>
        <source>The clock starts with the customer&apos;s first message.</source>
        <translation>Klukkan fer af stað með fyrstu skilaboðum viðskiptavinarins.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="300"/>
        <source>Escalated to {0}</source>
        <translation>Vísað til {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="302"/>
        <source>Why: {0}
Tried: {1}</source>
        <translation>Af hverju: {0}
Reynt: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="305"/>
        <source>Logged {0}</source>
        <translation>Skráð {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="316"/>
        <source>Policy: {0} ({1})</source>
        <translation>Stefna: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="317"/>
        <source>Received: {0}</source>
        <translation>Móttekið: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="318"/>
        <source>First response due: {0}, answered: {1}</source>
        <translation>Frestur fyrsta svars: {0}, svarað: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="320"/>
        <source>Resolution due: {0}</source>
        <translation>Frestur úrlausnar: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="323"/>
        <source>Reply due: {0}</source>
        <translation>Frestur svars: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="325"/>
        <source>Acknowledged {0}, promised {1}</source>
        <translation>Staðfest {0}, lofað {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="335"/>
        <source>▶ Resume</source>
        <translation>▶ Halda áfram</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="349"/>
        <source>The timer has run for more than {0} h. Still working on this?</source>
        <translation>Tímamælirinn hefur gengið í meira en {0} klst. Ertu enn að vinna í þessu?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="28"/>
        <source>This reply still contains {0}. Fill in or remove every placeholder before sending.</source>
        <translation>Þetta svar inniheldur enn {0}. Fylltu út eða fjarlægðu alla reiti fyrir sendingu.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/send_guard.py" line="34"/>
        <source>%n new messages arrived since you started this reply:</source>
        <translation>
            <numerusform>%n ný skilaboð bárust eftir að þú byrjaðir á svarinu:</numerusform>
            <numerusform>%n ný skilaboð bárust eftir að þú byrjaðir á svarinu:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="39"/>
        <source>Send your reply anyway?</source>
        <translation>Senda svarið samt?</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="46"/>
        <source>New messages</source>
        <translation>Ný skilaboð</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="57"/>
        <source>Cannot send yet</source>
        <translation>Ekki hægt að senda enn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="65"/>
        <source>No support included</source>
        <translation>Engin þjónusta innifalin</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="66"/>
        <source>Billed per incident</source>
        <translation>Rukkað fyrir hvert atvik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="67"/>
        <source>Prepaid hours</source>
        <translation>Fyrirframgreiddar stundir</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="68"/>
        <source>Prepaid incidents</source>
        <translation>Fyrirframgreidd atvik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="76"/>
        <source>Work</source>
        <translation>Vinna</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="77"/>
        <source>Incident</source>
        <translation>Atvik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="78"/>
        <source>Top-up</source>
        <translation>Áfylling</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="79"/>
        <source>Adjustment</source>
        <translation>Leiðrétting</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="137"/>
        <source>Top up</source>
        <translation>Fylla á</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="137"/>
        <source>Adjust the balance</source>
        <translation>Leiðrétta stöðu</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="140"/>
        <source>Add what the customer bought.</source>
        <translation>Bættu við því sem viðskiptavinurinn keypti.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="141"/>
        <source>A positive amount uses up balance; a negative one gives it back.</source>
        <translation>Jákvæð upphæð gengur á inneign; neikvæð skilar henni.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="149"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="556"/>
        <location filename="../../ui/workflow/editors.py" line="89"/>
        <location filename="../../ui/workflow/editors.py" line="149"/>
        <source> h</source>
        <extracomment>the policy edited (None: a new one, or the team&apos;s default) a contract policy&apos;s own week (&quot;&quot; uses the team&apos;s hours)</extracomment>
        <translation> klst.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="152"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="556"/>
        <source> incidents</source>
        <translation> atvik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="157"/>
        <source>e.g. invoice 2026-114</source>
        <translation>t.d. reikningur 2026-114</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="157"/>
        <source>Why (required)</source>
        <translation>Ástæða (nauðsynlegt)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="161"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>Amount</source>
        <translation>Upphæð</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="162"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <location filename="../../ui/workflow/dialogs.py" line="206"/>
        <source>Note</source>
        <translation>Athugasemd</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="184"/>
        <source>Enter an amount.</source>
        <translation>Sláðu inn upphæð.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="186"/>
        <source>Say why the balance changes.</source>
        <translation>Segðu af hverju staðan breytist.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="227"/>
        <source>Contracts of {0}</source>
        <translation>Samningar {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="227"/>
        <source>Contracts</source>
        <translation>Samningar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="243"/>
        <source>New contract</source>
        <translation>Nýr samningur</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="253"/>
        <source>e.g. Northwind: 10 h pack 2026</source>
        <translation>t.d. Northwind: 10 klst. pakki 2026</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="258"/>
        <source>Find a customer or organisation…</source>
        <translation>Finna viðskiptavin eða fyrirtæki…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="277"/>
        <source>Price per incident</source>
        <translation>Verð á atvik</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="281"/>
        <source>Prepaid</source>
        <translation>Fyrirframgreitt</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="286"/>
        <source>Expires on</source>
        <translation>Rennur út</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="299"/>
        <source>New policy…</source>
        <translation>Ný stefna…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="300"/>
        <source>Edit policy…</source>
        <translation>Breyta stefnu…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="307"/>
        <source>Anything the team should know (optional)</source>
        <translation>Það sem teymið ætti að vita (valfrjálst)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="311"/>
        <source>Covers</source>
        <translation>Nær til</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="312"/>
        <source>Kind</source>
        <translation>Tegund</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="315"/>
        <source>Starts on</source>
        <translation>Hefst</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="316"/>
        <source>SLA policy</source>
        <translation>SLA-stefna</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="325"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="478"/>
        <source>Save contract</source>
        <translation>Vista samning</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="327"/>
        <source>Contract</source>
        <translation>Samningur</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="347"/>
        <source>Balance after</source>
        <translation>Staða á eftir</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="355"/>
        <source>Top up…</source>
        <translation>Fylla á…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="356"/>
        <source>Adjust…</source>
        <translation>Leiðrétta…</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="357"/>
        <source>Balance and history</source>
        <translation>Staða og saga</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="425"/>
        <source>Not in force today</source>
        <translation>Ekki í gildi í dag</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="437"/>
        <source>The team&apos;s default policy</source>
        <translation>Sjálfgefin stefna teymisins</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="511"/>
        <source>Create contract</source>
        <translation>Stofna samning</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="524"/>
        <source>Nobody yet: search on the right</source>
        <translation>Enginn enn: leitaðu til hægri</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="575"/>
        <source>Give the contract a name.</source>
        <translation>Gefðu samningnum heiti.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="577"/>
        <source>Choose the customer or organisation it covers.</source>
        <translation>Veldu viðskiptavininn eða fyrirtækið sem hann nær til.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="581"/>
        <source>A prepaid pack needs hours or incidents to draw on.</source>
        <translation>Fyrirframgreiddur pakki þarf stundir eða atvik til að ganga á.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="589"/>
        <source>The currency is a three-letter code, like EUR.</source>
        <translation>Gjaldmiðill er þriggja stafa kóði, eins og EUR.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="591"/>
        <source>The contract cannot expire before it starts.</source>
        <translation>Samningurinn getur ekki runnið út áður en hann hefst.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="645"/>
        <source>Save the contract to see its balance.</source>
        <translation>Vistaðu samninginn til að sjá stöðuna.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/contracts_dialog.py" line="658"/>
        <source>%n incidents billed: {0} {1}</source>
        <translation>
            <numerusform>%n atvik rukkað: {0} {1}</numerusform>
            <numerusform>%n atvik rukkuð: {0} {1}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="661"/>
        <source>Balance: {0} (prepaid {1}, topped up {2}, used {3})</source>
        <translation>Staða: {0} (fyrirframgreitt {1}, fyllt á {2}, notað {3})</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="56"/>
        <source>Escalate conversation</source>
        <translation>Vísa erindi áfram</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="58"/>
        <source>Escalate “{0}”. The expert sees why, and what was tried.</source>
        <translation>Vísa „{0}“ áfram. Sérfræðingurinn sér af hverju og hvað var reynt.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="62"/>
        <source>No one in particular</source>
        <translation>Engum sérstökum</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="73"/>
        <source>e.g. Tier 2</source>
        <translation>t.d. þjónustustig 2</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="76"/>
        <source>Why does this need someone else? (required)</source>
        <translation>Af hverju þarf einhver annar að taka við? (nauðsynlegt)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="80"/>
        <source>What was tried already: steps, results, links to logs</source>
        <translation>Hvað hefur verið reynt: skref, niðurstöður, tenglar á annála</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="86"/>
        <source>Expert</source>
        <translation>Sérfræðingur</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="87"/>
        <source>Tier</source>
        <translation>Þjónustustig</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="88"/>
        <location filename="../../ui/workflow/dialogs.py" line="155"/>
        <source>Reason</source>
        <translation>Ástæða</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="89"/>
        <source>Tried</source>
        <translation>Reynt</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="93"/>
        <source>Escalate</source>
        <translation>Vísa áfram</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="119"/>
        <source>Say why: the reason is required.</source>
        <translation>Segðu af hverju: ástæða er nauðsynleg.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="121"/>
        <source>Choose an expert, a tier, or both.</source>
        <translation>Veldu sérfræðing, þjónustustig eða hvort tveggja.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="131"/>
        <source>De-escalate conversation</source>
        <translation>Draga stigmögnun erindis til baka</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="133"/>
        <source>the unassigned pile</source>
        <translation>óúthlutuð erindi</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="135"/>
        <source>Escalated to {0} by {1}.
Why: {2}
Tried: {3}

It goes back to {4}.</source>
        <translation>Vísað til {0} af {1}.
Af hverju: {2}
Reynt: {3}

Það fer aftur til {4}.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="144"/>
        <source>What was found or done, and why it goes back (required)</source>
        <translation>Hvað fannst eða var gert og af hverju það fer til baka (nauðsynlegt)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="150"/>
        <source>De-escalate</source>
        <translation>Draga stigmögnun til baka</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="174"/>
        <source>Stop the timer and log time</source>
        <translation>Stöðva tímamæli og skrá tíma</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="174"/>
        <source>Log time</source>
        <translation>Skrá tíma</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="180"/>
        <source>Work on the conversation</source>
        <translation>Vinna við erindið</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="181"/>
        <source>Vendor support (their helpdesk or phone line)</source>
        <translation>Aðstoð birgis (þjónustuborð eða símalína hans)</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="190"/>
        <location filename="../../ui/reports/window.py" line="660"/>
        <source>Billable</source>
        <translation>Reikningshæft</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="193"/>
        <source>What was done</source>
        <translation>Hvað var gert</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="195"/>
        <source>e.g. Contoso Printers</source>
        <translation>t.d. Contoso Printers</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="197"/>
        <source>their case or ticket number</source>
        <translation>mál- eða erindisnúmer þeirra</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_preview.py" line="62"/>
        <location filename="../../ui/workflow/dialogs.py" line="204"/>
        <location filename="../../ui/chatimport_dialog.py" line="224"/>
        <source>Time</source>
        <translation>Tími</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="210"/>
        <source>Vendor</source>
        <translation>Birgir</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="211"/>
        <source>Their case number</source>
        <translation>Málsnúmer þeirra</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="212"/>
        <source>Of which on the phone</source>
        <translation>Þar af í síma</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="241"/>
        <source>Name the vendor.</source>
        <translation>Nefndu birginn.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="243"/>
        <source>Time on the phone is part of the total time.</source>
        <translation>Tími í síma er hluti af heildartímanum.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="263"/>
        <source>Insert a canned answer</source>
        <translation>Setja inn staðlað svar</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="290"/>
        <source>Insert</source>
        <translation>Setja inn</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="321"/>
        <source>No canned answer matches.</source>
        <translation>Ekkert staðlað svar passar.</translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="338"/>
        <source>Fill in before sending: {0}. A reply with a placeholder left cannot be sent.</source>
        <translation>Fylltu út fyrir sendingu: {0}. Ekki er hægt að senda svar með ófylltum reit.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="48"/>
        <source>Reports…</source>
        <translation>Skýrslur…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="50"/>
        <source>Weekly summary and billing, with exports</source>
        <translation>Vikuyfirlit og reikningar, með útflutningi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="52"/>
        <source>Scheduled report export…</source>
        <translation>Tímasettur útflutningur skýrslna…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="208"/>
        <source>Scheduled report for {0} written to {1}</source>
        <extracomment>After a failed run, wait this long before trying again.</extracomment>
        <translation>Tímasett skýrsla fyrir {0} vistuð í {1}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="215"/>
        <source>The scheduled report was not written: {0} SupportDesk tries again in an hour.</source>
        <translation>Tímasetta skýrslan var ekki vistuð: {0} SupportDesk reynir aftur eftir klukkustund.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="225"/>
        <source>Scheduled report export</source>
        <translation>Tímasettur útflutningur skýrslna</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="237"/>
        <source>Write last week&apos;s summary automatically</source>
        <translation>Vista yfirlit síðustu viku sjálfkrafa</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="247"/>
        <source>at</source>
        <translation>kl.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="249"/>
        <source>({0})</source>
        <translation>({0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="252"/>
        <source>The folder the reports are written to</source>
        <translation>Mappan sem skýrslur eru vistaðar í</translation>
    </message>
    <message>
        <location filename="../../ui/backup.py" line="145"/>
        <location filename="../../ui/reports/schedule.py" line="253"/>
        <source>Choose…</source>
        <translation>Velja…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="269"/>
        <source>CSV with a byte-order mark (for Excel)</source>
        <translation>CSV með BOM-merki (fyrir Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="274"/>
        <source>Every</source>
        <translation>Alla</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="275"/>
        <source>Folder</source>
        <translation>Mappa</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="276"/>
        <source>Formats</source>
        <translation>Snið</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="280"/>
        <source>PDF pages</source>
        <translation>PDF-síður</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="289"/>
        <source>Write last week now</source>
        <translation>Vista síðustu viku núna</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="320"/>
        <source>Last written: {0}.</source>
        <translation>Síðast vistað: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="321"/>
        <source>Nothing written yet.</source>
        <translation>Ekkert vistað enn.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="323"/>
        <source>Scheduled export is off.</source>
        <translation>Slökkt er á tímasettum útflutningi.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="327"/>
        <source>Next run: {0:%a %d %b %Y %H:%M}, writing {1}. If SupportDesk is closed then, it writes the missed weeks (up to {2}) when it next starts.</source>
        <translation>Næsta keyrsla: {0:%d.%m.%Y %H:%M}, vistar {1}. Ef SupportDesk er lokað þá vistar það vikurnar sem misstust (allt að {2}) við næstu ræsingu.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="333"/>
        <source>Folder for the weekly reports</source>
        <translation>Mappa fyrir vikuskýrslur</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="379"/>
        <source>Wrote {0} to {1}.</source>
        <translation>{0} vistað í {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="388"/>
        <source>A report is being written; try again in a moment.</source>
        <translation>Verið er að vista skýrslu; reyndu aftur eftir augnablik.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="180"/>
        <source>Customer messages by weekday and hour ({0})</source>
        <extracomment>Bar colours that read on light and dark backgrounds.</extracomment>
        <translation>Skilaboð viðskiptavina eftir vikudegi og klukkustund ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="205"/>
        <source>Busiest hours ({0})</source>
        <translation>Annasömustu tímarnir ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="206"/>
        <source>Busiest hours</source>
        <translation>Annasömustu tímarnir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/charts.py" line="244"/>
        <source>Darker is busier. Busiest: {0} {1:02d}:00, %n customer messages.</source>
        <translation>
            <numerusform>Dekkra er annasamara. Mest: {0} {1:02d}:00, %n skilaboð frá viðskiptavinum.</numerusform>
            <numerusform>Dekkra er annasamara. Mest: {0} {1:02d}:00, %n skilaboð frá viðskiptavinum.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="246"/>
        <source>No customer messages in this period.</source>
        <translation>Engin skilaboð frá viðskiptavinum á þessu tímabili.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>us</source>
        <translation>við</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>customer</source>
        <translation>viðskiptavinur</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>participant</source>
        <translation>þátttakandi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="107"/>
        <source>Import cancelled. Nothing was imported.</source>
        <translation>Innflutningi hætt. Ekkert var flutt inn.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="104"/>
        <source>Import cancelled. %Ln messages were saved; import the file again to finish.</source>
        <translation>
            <numerusform>Innflutningi hætt. %Ln skilaboð voru vistuð; fluttu skrána inn aftur til að ljúka.</numerusform>
            <numerusform>Innflutningi hætt. %Ln skilaboð voru vistuð; fluttu skrána inn aftur til að ljúka.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="110"/>
        <source>%Ln messages added from the {0} export, {1} were already here.</source>
        <translation>
            <numerusform>%Ln skilaboðum bætt við úr {0}-útflutningnum, {1} voru þegar hér.</numerusform>
            <numerusform>%Ln skilaboðum bætt við úr {0}-útflutningnum, {1} voru þegar hér.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="113"/>
        <source>%Ln messages imported before now show who wrote them.</source>
        <translation>
            <numerusform>%Ln áður innflutt skilaboð sýna nú hver skrifaði þau.</numerusform>
            <numerusform>%Ln áður innflutt skilaboð sýna nú hver skrifaði þau.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="116"/>
        <source>new conversation</source>
        <translation>nýtt erindi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="116"/>
        <source>added to the existing conversation</source>
        <translation>bætt við fyrirliggjandi erindi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="119"/>
        <source>New customers: {0}. New team members: {1}.</source>
        <translation>Nýir viðskiptavinir: {0}. Nýir í teyminu: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="122"/>
        <source>Files stored: {0}. Named in the export but not included: {1}.</source>
        <translation>Skrár vistaðar: {0}. Nefndar í útflutningnum en ekki með: {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="125"/>
        <source>Times without a zone were read as {0}.</source>
        <translation>Tímar án tímabeltis voru lesnir sem {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="127"/>
        <source>Not imported: {0} ({1})</source>
        <translation>Ekki flutt inn: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="129"/>
        <source>…and {0} more not imported.</source>
        <translation>…og {0} til viðbótar ekki flutt inn.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_preview.py" line="74"/>
        <source>(notice)</source>
        <translation>(tilkynning)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="170"/>
        <location filename="../../ui/chatimport_dialog.py" line="388"/>
        <source>Import a chat export</source>
        <translation>Flytja inn útflutt spjall</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="195"/>
        <source>Choose an export, or drop it on the main window.</source>
        <translation>Veldu útflutning eða slepptu honum á aðalgluggann.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="197"/>
        <source>Choose file…</source>
        <translation>Velja skrá…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="209"/>
        <source>File:</source>
        <translation>Skrá:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="212"/>
        <source>Format:</source>
        <translation>Snið:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="224"/>
        <source>Author</source>
        <translation>Höfundur</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="228"/>
        <source>Use these columns</source>
        <translation>Nota þessa dálka</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="231"/>
        <source>Columns:</source>
        <translation>Dálkar:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="254"/>
        <source>Participant</source>
        <translation>Þátttakandi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="254"/>
        <source>Us</source>
        <translation>Við</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="269"/>
        <source>Time zone:</source>
        <translation>Tímabelti:</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="281"/>
        <source>The export&apos;s times carry no zone (they are the phone&apos;s clock).</source>
        <translation>Tímar útflutningsins hafa ekkert tímabelti (þeir eru klukka símans).</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="324"/>
        <source>Preview (as it will be imported)</source>
        <translation>Forskoðun (eins og það verður flutt inn)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="326"/>
        <source>Who is who</source>
        <translation>Hver er hver</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="371"/>
        <source>Cancel import</source>
        <translation>Hætta við innflutning</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="389"/>
        <source>Chat exports (*.txt *.zip *.json *.csv);;All files (*)</source>
        <translation>Útflutt spjall (*.txt *.zip *.json *.csv);;Allar skrár (*)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="403"/>
        <source>Also attach the files it names from its folder, {0}</source>
        <translation>Hengja einnig við skrárnar sem það nefnir úr möppu þess, {0}</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="410"/>
        <source>Reading {0}…</source>
        <translation>Les {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="429"/>
        <source>Could not read {0}: {1}</source>
        <translation>Ekki tókst að lesa {0}: {1}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="493"/>
        <source>%Ln messages ready to import.</source>
        <translation>
            <numerusform>%Ln skilaboð tilbúin til innflutnings.</numerusform>
            <numerusform>%Ln skilaboð tilbúin til innflutnings.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="506"/>
        <source>“{0}”: %Ln messages, {1}</source>
        <translation>
            <numerusform>„{0}“: %Ln skilaboð, {1}</numerusform>
            <numerusform>„{0}“: %Ln skilaboð, {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="509"/>
        <source>{0} chats, %Ln messages; {1} of them already have a conversation</source>
        <translation>
            <numerusform>{0} spjöll, %Ln skilaboð; {1} þeirra eiga þegar erindi</numerusform>
            <numerusform>{0} spjöll, %Ln skilaboð; {1} þeirra eiga þegar erindi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="674"/>
        <source>Importing… {0} of %Ln messages</source>
        <translation>
            <numerusform>Flyt inn… {0} af %Ln skilaboðum</numerusform>
            <numerusform>Flyt inn… {0} af %Ln skilaboðum</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="503"/>
        <source>adds to the existing conversation</source>
        <translation>bætist við fyrirliggjandi erindi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="504"/>
        <source>a new conversation</source>
        <translation>nýtt erindi</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="528"/>
        <source>This participant is one of us (the team)</source>
        <translation>Þessi þátttakandi er einn af okkur (teymið)</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="537"/>
        <source>phone number</source>
        <translation>símanúmer</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="537"/>
        <source>chat handle</source>
        <translation>notandanafn í spjalli</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="538"/>
        <source>email address</source>
        <translation>netfang</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="538"/>
        <source>name</source>
        <translation>nafn</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="540"/>
        <source>{0} (matched by {1})</source>
        <translation>{0} (parað eftir {1})</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="542"/>
        <source>New customer</source>
        <translation>Nýr viðskiptavinur</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="543"/>
        <source>Keep as a participant only</source>
        <translation>Halda aðeins sem þátttakanda</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="571"/>
        <source>Everyone not marked as us is filed as a customer (matched or new).</source>
        <translation>Allir sem ekki eru merktir sem við eru skráðir sem viðskiptavinir (paraðir eða nýir).</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="572"/>
        <source>Nobody is marked as us: everyone is kept as a participant, to sort out later. Tick who speaks for the team.</source>
        <translation>Enginn er merktur sem við: allir eru geymdir sem þátttakendur til að flokka síðar. Hakaðu við þá sem tala fyrir teymið.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="643"/>
        <source>Importing…</source>
        <translation>Flyt inn…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="660"/>
        <source>The import failed: {0}</source>
        <translation>Innflutningur mistókst: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="672"/>
        <source>Saving…</source>
        <translation>Vista…</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="686"/>
        <source>Import cancelled</source>
        <translation>Innflutningi hætt</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="686"/>
        <source>Import finished</source>
        <translation>Innflutningi lokið</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="693"/>
        <source>The conversation is open in the main window.</source>
        <translation>Erindið er opið í aðalglugganum.</translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="707"/>
        <source>Cancelling…</source>
        <translation>Hætti við…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="43"/>
        <source>There is no room left to write to {0} (the disk is full). Free some space or choose another folder; nothing was written.</source>
        <translation>Ekkert pláss er eftir til að skrifa í {0} (diskurinn er fullur). Losaðu pláss eða veldu aðra möppu; ekkert var skrifað.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="46"/>
        <source>SupportDesk may not write to {0}. Choose a folder you can write to; nothing was written.</source>
        <translation>SupportDesk má ekki skrifa í {0}. Veldu möppu sem þú getur skrifað í; ekkert var skrifað.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="49"/>
        <source>{0} is a file, not a folder. Choose a folder; nothing was written.</source>
        <translation>{0} er skrá, ekki mappa. Veldu möppu; ekkert var skrifað.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="52"/>
        <source>The folder {0} does not exist. Choose another; nothing was written.</source>
        <translation>Mappan {0} er ekki til. Veldu aðra; ekkert var skrifað.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/export.py" line="55"/>
        <source>Could not write to {0}: {1}. Nothing was written.</source>
        <translation>Ekki tókst að skrifa í {0}: {1}. Ekkert var skrifað.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="40"/>
        <location filename="../../ui/kb/editor.py" line="62"/>
        <source>Knowledge base</source>
        <translation>Þekkingarbanki</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="47"/>
        <source>Suggested articles</source>
        <translation>Tillögur að greinum</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="49"/>
        <source>Knowledge base articles that match the open conversation, best first</source>
        <translation>Greinar úr þekkingarbankanum sem passa við opna erindið, bestu fyrst</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="54"/>
        <source>Insert text</source>
        <translation>Setja inn texta</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="55"/>
        <source>Put the article&apos;s text into the reply</source>
        <translation>Setja texta greinarinnar í svarið</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="57"/>
        <location filename="../../ui/mail/richtext.py" line="81"/>
        <source>Insert link</source>
        <translation>Setja inn tengil</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="58"/>
        <source>Put the article&apos;s address on the help site into the reply</source>
        <translation>Setja slóð greinarinnar á hjálparvefnum í svarið</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="84"/>
        <source>public</source>
        <translation>opinber</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="84"/>
        <source>internal</source>
        <translation>innri</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="86"/>
        <location filename="../../ui/kb/editor.py" line="184"/>
        <source>{0} uses</source>
        <translation>notuð {0} sinnum</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="94"/>
        <source>Open a conversation to see matching articles.</source>
        <translation>Opnaðu erindi til að sjá greinar sem passa.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="95"/>
        <source>Articles that match this conversation, best first.</source>
        <translation>Greinar sem passa við þetta erindi, bestu fyrst.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/pane.py" line="96"/>
        <source>No article matches this conversation yet.</source>
        <translation>Engin grein passar enn við þetta erindi.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="103"/>
        <location filename="../../ui/kb/mentions.py" line="149"/>
        <location filename="../../ui/kb/mentions.py" line="175"/>
        <source>Mentions</source>
        <translation>Minnst á þig</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="109"/>
        <source>Conversations where you were mentioned</source>
        <translation>Erindi þar sem minnst var á þig</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="122"/>
        <source> (+{0} more)</source>
        <translation> (+{0} til viðbótar)</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="124"/>
        <source>{0} mentioned you · {1:%d %b %H:%M}</source>
        <translation>{0} minntist á þig · {1:%d.%m. %H:%M}</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="128"/>
        <source>Conversations a teammate called you into. Opening one clears it.</source>
        <translation>Erindi sem samstarfsmaður kallaði þig inn í. Erindið hverfur af listanum þegar þú opnar það.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="129"/>
        <source>No one has mentioned you.</source>
        <translation>Enginn hefur minnst á þig.</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="151"/>
        <source>Conversations a teammate mentioned you in</source>
        <translation>Erindi þar sem samstarfsmaður minntist á þig</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="175"/>
        <source>Mentions ({0})</source>
        <translation>Minnst á þig ({0})</translation>
    </message>
    <message>
        <location filename="../../ui/kb/mentions.py" line="181"/>
        <source>{0} mentioned you in “{1}”</source>
        <translation>{0} minntist á þig í „{1}“</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="50"/>
        <location filename="../../ui/undo_send.py" line="56"/>
        <source>Undo send</source>
        <translation>Hætta við sendingu</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="52"/>
        <source>Takes the last mail back out of the outbox before it leaves</source>
        <translation>Tekur síðasta póstinn aftur úr úthólfinu áður en hann fer</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="86"/>
        <source>Sending in {0} s · Undo</source>
        <translation>Sendist eftir {0} sek. · Afturkalla</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="94"/>
        <source>Nothing to undo: the mail has left.</source>
        <translation>Ekkert að afturkalla: pósturinn er farinn.</translation>
    </message>
    <message>
        <location filename="../../ui/undo_send.py" line="114"/>
        <source>Not sent. The mail is back in its composer.</source>
        <translation>Ekki sent. Pósturinn er aftur í ritlinum.</translation>
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
        <translation>Vefsíða (*.html)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="28"/>
        <source>Mails as mbox (*.mbox)</source>
        <translation>Póstar sem mbox (*.mbox)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="28"/>
        <source>Mails as .eml files (folder)</source>
        <translation>Póstar sem .eml-skrár (mappa)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="37"/>
        <source>Export…</source>
        <translation>Flytja út…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="38"/>
        <source>Save this conversation as PDF, HTML or mail</source>
        <translation>Vista þetta erindi sem PDF, HTML eða póst</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="42"/>
        <source>Export history…</source>
        <translation>Flytja út sögu…</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="43"/>
        <source>Everything of this customer as one PDF or a zip</source>
        <translation>Allt um þennan viðskiptavin sem eitt PDF eða zip-skrá</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="56"/>
        <source>Export conversation</source>
        <translation>Flytja erindi út</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="67"/>
        <source>Open a conversation of the customer first.</source>
        <translation>Opnaðu fyrst erindi viðskiptavinarins.</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="71"/>
        <source>Zip with pages, mails and files (*.zip)</source>
        <translation>Zip með síðum, póstum og skrám (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="74"/>
        <source>Export customer history</source>
        <translation>Flytja út sögu viðskiptavinar</translation>
    </message>
    <message>
        <location filename="../../ui/export.py" line="89"/>
        <source>Exported to {path}</source>
        <translation>Flutt út í {path}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="33"/>
        <source>C&amp;ustomers</source>
        <translation>V&amp;iðskiptavinir</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="35"/>
        <location filename="../../ui/customers/__init__.py" line="50"/>
        <source>Merge…</source>
        <translation>Sameina…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="37"/>
        <source>Unmerge…</source>
        <translation>Aðskilja…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="39"/>
        <source>Likely duplicates…</source>
        <translation>Líkleg tvítök…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="41"/>
        <source>Erase customer…</source>
        <translation>Þurrka út viðskiptavin…</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="42"/>
        <source>Remove a customer&apos;s messages, files and addresses for a data-protection request</source>
        <translation>Fjarlægja skilaboð, skrár og netföng viðskiptavinar vegna beiðni um persónuvernd</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="51"/>
        <source>Merge this customer with another (their addresses, phones and conversations show together)</source>
        <translation>Sameina þennan viðskiptavin öðrum (netföng, símanúmer og erindi þeirra birtast saman)</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="80"/>
        <source>Open a conversation of the customer to erase first.</source>
        <translation>Opnaðu fyrst erindi viðskiptavinarins sem á að þurrka út.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="83"/>
        <location filename="../../ui/customers/dialogs.py" line="257"/>
        <source>Erase customer</source>
        <translation>Þurrka út viðskiptavin</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="84"/>
        <source>Erase {name} and everything they wrote?

Their messages (and the team&apos;s replies to them), attachments, addresses and phone numbers are removed on this device and, at the next sync, on every device of the team. Reports keep anonymous counts. This cannot be undone.</source>
        <translation>Þurrka út viðskiptavininn {name} og allt sem hann skrifaði?

Skilaboð hans (og svör teymisins við þeim), viðhengi, netföng og símanúmer eru fjarlægð á þessu tæki og, við næstu samstillingu, á öllum tækjum teymisins. Skýrslur halda nafnlausum talningum. Þetta er ekki hægt að afturkalla.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/__init__.py" line="110"/>
        <source>Customer erased: {n} conversation(s) and {m} message(s) anonymised.</source>
        <translation>Viðskiptavinur þurrkaður út: {n} erindi og {m} skilaboð gerð nafnlaus.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="39"/>
        <source>same phone</source>
        <translation>sama símanúmer</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="39"/>
        <source>same e-mail</source>
        <translation>sama netfang</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="40"/>
        <source>same name and organisation</source>
        <translation>sama nafn og fyrirtæki</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="41"/>
        <source>chat handle matches a phone</source>
        <translation>notandanafn í spjalli passar við símanúmer</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="85"/>
        <source>Merge customers</source>
        <translation>Sameina viðskiptavini</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="93"/>
        <source>Find customers by name, organisation, address or number</source>
        <translation>Finna viðskiptavini eftir nafni, fyrirtæki, netfangi eða númeri</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="106"/>
        <source>Likely duplicates</source>
        <translation>Líkleg tvítök</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="116"/>
        <source>Merge this pair</source>
        <translation>Sameina þetta par</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="136"/>
        <source>Select two or more customers: they are merged into the first one selected.</source>
        <translation>Veldu tvo eða fleiri viðskiptavini: þeir eru sameinaðir þeim sem fyrst var valinn.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="138"/>
        <source>Merge the selected customers</source>
        <translation>Sameina valda viðskiptavini</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="140"/>
        <source>Customers you select are merged into {name}. Their addresses, phones and conversations stay theirs, so Unmerge can split them again.</source>
        <translation>Viðskiptavinir sem þú velur eru sameinaðir {name}. Netföng, símanúmer og erindi þeirra haldast þeirra, svo Aðskilja getur skipt þeim upp aftur.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="144"/>
        <source>Merge into {name}</source>
        <translation>Sameina við {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="165"/>
        <source>Select at least two customers to merge.</source>
        <translation>Veldu að minnsta kosti tvo viðskiptavini til að sameina.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="203"/>
        <source>Unmerge a customer</source>
        <translation>Aðskilja viðskiptavin</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="213"/>
        <source>Unmerge</source>
        <translation>Aðskilja</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="229"/>
        <source>Customers merged into this one:</source>
        <translation>Viðskiptavinir sameinaðir þessum:</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="230"/>
        <source>No customer is merged into this one.</source>
        <translation>Enginn viðskiptavinur er sameinaður þessum.</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="259"/>
        <source>To confirm, type the customer&apos;s name: {name}</source>
        <translation>Til staðfestingar skaltu slá inn nafn viðskiptavinarins: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/customers/dialogs.py" line="266"/>
        <source>Erase for good</source>
        <translation>Þurrka út endanlega</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_settings.py" line="88"/>
        <source>Only an owner of the team can add a mailbox or change its servers, user name or certificate file.</source>
        <translation>Aðeins eigandi teymisins getur bætt við pósthólfi eða breytt þjónum þess, notandanafni eða vottorðsskrá.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/mailbox_settings.py" line="103"/>
        <source>The servers changed: type the password again to use them.</source>
        <translation>Þjónarnir breyttust: sláðu lykilorðið inn aftur til að nota þá.</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="54"/>
        <source>OAuth2 provider</source>
        <translation>OAuth2-þjónusta</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="70"/>
        <source>Sign in with {0}</source>
        <translation>Skrá inn með {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="73"/>
        <source>SupportDesk signs in to {0} through your browser and keeps only a token, in the system keyring. Your organisation registers SupportDesk as an app once and enters its client id here (the README explains how).</source>
        <translation>SupportDesk skráir sig inn hjá {0} í gegnum vafrann þinn og geymir aðeins tóka, í lyklakippu kerfisins. Fyrirtækið þitt skráir SupportDesk einu sinni sem forrit og slær inn auðkenni biðlara hér (README útskýrir hvernig).</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="82"/>
        <source>Only if the provider gave one (Google does)</source>
        <translation>Aðeins ef þjónustan gaf það upp (Google gerir það)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="84"/>
        <source>Your directory (tenant) id or domain, or &apos;organizations&apos;</source>
        <translation>Auðkenni skráasafnsins (tenant) eða lén, eða &apos;organizations&apos;</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="90"/>
        <source>Client id</source>
        <translation>Auðkenni biðlara</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="91"/>
        <source>Client secret</source>
        <translation>Leyndarmál biðlara</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="93"/>
        <source>Tenant</source>
        <translation>Leigjandi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="95"/>
        <source>Authorization endpoint</source>
        <translation>Heimildarslóð</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="96"/>
        <source>Token endpoint</source>
        <translation>Slóð tóka</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="97"/>
        <source>Device-code endpoint</source>
        <translation>Slóð tækjakóða</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="98"/>
        <source>Scopes</source>
        <translation>Heimildasvið</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="103"/>
        <source>Sign in with the browser</source>
        <translation>Skrá inn í vafranum</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="106"/>
        <source>Use a code on another device</source>
        <translation>Nota kóða á öðru tæki</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="144"/>
        <source>Waiting for the sign-in…</source>
        <translation>Bíð eftir innskráningu…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="158"/>
        <source>Open {0} on any device and enter the code {1}</source>
        <translation>Opnaðu {0} á hvaða tæki sem er og sláðu inn kóðann {1}</translation>
    </message>
    <message>
        <location filename="../../ui/mail/signin.py" line="237"/>
        <source>Signed in with {0}.</source>
        <translation>Innskráð(ur) með {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/rules/__init__.py" line="22"/>
        <source>Rules…</source>
        <translation>Reglur…</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="68"/>
        <source>Draft</source>
        <extracomment>how long typing must pause before the draft is written conversations with a draft on this device (the list marks them) the dialogs asking Keep / Discard, while one is open (tests answer it)</extracomment>
        <translation>Drög</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="187"/>
        <source>Your draft from {0} is back.</source>
        <translation>Drögin þín frá {0} eru komin aftur.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="230"/>
        <source>Draft kept; it comes back when you write again.</source>
        <translation>Drögin geymd; þau koma aftur þegar þú skrifar næst.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="242"/>
        <source>Keep the draft?</source>
        <translation>Geyma drögin?</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="243"/>
        <source>You have written something that was not sent.</source>
        <translation>Þú skrifaðir eitthvað sem var ekki sent.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="245"/>
        <source>Keep it as a draft to finish later, or discard it for good.</source>
        <translation>Geymdu það sem drög til að klára síðar eða hentu því endanlega.</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="246"/>
        <source>Keep draft</source>
        <translation>Geyma drög</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="247"/>
        <source>Discard</source>
        <translation>Henda</translation>
    </message>
    <message>
        <location filename="../../ui/drafts.py" line="248"/>
        <source>Keep writing</source>
        <translation>Halda áfram að skrifa</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="81"/>
        <source>Address (https://…)</source>
        <translation>Slóð (https://…)</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="119"/>
        <source>B</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="119"/>
        <source>Bold</source>
        <translation>Feitletrað</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="120"/>
        <source>I</source>
        <translation>S</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="120"/>
        <source>Italic</source>
        <translation>Skáletrað</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="121"/>
        <source>• List</source>
        <translation>• Listi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="121"/>
        <source>Bulleted list</source>
        <translation>Punktalisti</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="122"/>
        <source>1. List</source>
        <translation>1. Listi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="122"/>
        <source>Numbered list</source>
        <translation>Númeraður listi</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="123"/>
        <source>Link…</source>
        <translation>Tengill…</translation>
    </message>
    <message>
        <location filename="../../ui/mail/richtext.py" line="123"/>
        <source>Insert a link</source>
        <translation>Setja inn tengil</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="51"/>
        <source>New workspace</source>
        <translation>Nýtt vinnusvæði</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="52"/>
        <source>There is no workspace in {0} yet.</source>
        <translation>Ekkert vinnusvæði er enn í {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="54"/>
        <source>Try SupportDesk with a demo workspace full of made-up conversations, or start an empty workspace for real work.</source>
        <translation>Prófaðu SupportDesk með sýnivinnusvæði fullu af tilbúnum erindum, eða byrjaðu tómt vinnusvæði fyrir raunveruleg verkefni.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="56"/>
        <source>Demo workspace</source>
        <translation>Sýnivinnusvæði</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="57"/>
        <source>Empty workspace</source>
        <translation>Tómt vinnusvæði</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="103"/>
        <source>New workspace…</source>
        <extracomment>starts a window on a profile (a test may watch what is asked) asks for a folder (a test may answer)</extracomment>
        <translation>Nýtt vinnusvæði…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="105"/>
        <source>Open workspace…</source>
        <translation>Opna vinnusvæði…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="129"/>
        <source>Choose an empty folder for the new workspace</source>
        <translation>Veldu tóma möppu fyrir nýja vinnusvæðið</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="135"/>
        <source>{0} already holds a workspace; it is opened.</source>
        <translation>{0} geymir þegar vinnusvæði; það er opnað.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="141"/>
        <source>No workspace could be made in {0}: {1}</source>
        <translation>Ekki tókst að búa til vinnusvæði í {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="148"/>
        <source>Choose the folder of a workspace</source>
        <translation>Veldu möppu vinnusvæðis</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="154"/>
        <source>{0} holds no workspace. Use File → New workspace… to make one.</source>
        <translation>{0} geymir ekkert vinnusvæði. Notaðu Skrá → Nýtt vinnusvæði… til að búa það til.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="184"/>
        <source>Your inbox is empty. What to do first:</source>
        <translation>Innhólfið er tómt. Hvað skal gera fyrst:</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="186"/>
        <source>1. Add your support mailbox, so mail arrives here.
2. Import chat exports (WhatsApp, Telegram, Slack, …) you already have.
3. Log a phone call with C.
4. Working in a team? Sign in to your team&apos;s server.</source>
        <translation>1. Bættu við pósthólfi þjónustunnar svo pósturinn berist hingað.
2. Fluttu inn útflutning spjalla (WhatsApp, Telegram, Slack, …) sem þú átt nú þegar.
3. Skráðu símtal með C.
4. Vinnur þú í teymi? Skráðu þig inn á teymisþjóninn.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="196"/>
        <source>No conversations in this view.</source>
        <translation>Engin erindi í þessu yfirliti.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="197"/>
        <source>Pick another view on the left, or clear the search.</source>
        <translation>Veldu annað yfirlit til vinstri eða hreinsaðu leitina.</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="206"/>
        <source>Add a mailbox…</source>
        <translation>Bæta við pósthólfi…</translation>
    </message>
    <message>
        <location filename="../../ui/workspace.py" line="209"/>
        <source>Import chats…</source>
        <translation>Flytja inn spjöll…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app.py" line="356"/>
        <source>Updating the search index…</source>
        <extracomment>how long a busy background thread (the store&apos;s writer, a sync) may keep the interpreter lock while the GUI thread waits for it (seconds; Python&apos;s default is 5 ms). The GUI thread takes the lock for every call from Qt into Python (a slot, a model&apos;s ``data``, a delegate&apos;s ``paint``), so one repaint may wait this long dozens of times while a sync or an SLA refresh runs. how long a second copy waits for a first one that is still starting (seconds)</extracomment>
        <translation>Uppfæri leitarvísi…</translation>
    </message>
</context>
</TS>
