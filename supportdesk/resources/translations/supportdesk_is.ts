<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="is_IS">
<context>
    <name></name>
    <message>
        <location filename="../../ui/conversation.py" line="65"/>
        <source>Open</source>
        <extracomment>Extra safe HTML per timeline entry (a capability&apos;s rendering of its messages). Bytes or an image for a resource the timeline refers to; None: nothing (no network).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="47"/>
        <location filename="../../ui/conversation.py" line="65"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="74"/>
        <location filename="../../ui/reports/window.py" line="81"/>
        <source>{0} min</source>
        <extracomment>The folder the last export went to (this computer only). Weeks offered in the week list.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="75"/>
        <source>{0:.1f} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="81"/>
        <source>{0} h {1:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="129"/>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="132"/>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="174"/>
        <source>Reports — SupportDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="196"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="197"/>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="224"/>
        <source>ISO week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="225"/>
        <source>Date range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="235"/>
        <source>Previous week (Alt+Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="244"/>
        <source>Next week (Alt+Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="262"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="279"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="284"/>
        <source>PDF, A4 pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="285"/>
        <source>PDF, Letter pages…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="286"/>
        <source>CSV files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="287"/>
        <source>CSV files for Excel (UTF-8 with BOM)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="288"/>
        <source>HTML page…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="295"/>
        <source>Schedule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="296"/>
        <source>Write last week&apos;s summary to a folder every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="333"/>
        <location filename="../../ui/reports/window.py" line="611"/>
        <location filename="../../ui/models.py" line="48"/>
        <location filename="../../ui/conversation.py" line="66"/>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="333"/>
        <location filename="../../ui/reports/window.py" line="610"/>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="333"/>
        <location filename="../../ui/reports/window.py" line="612"/>
        <source>Reopened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="334"/>
        <source>Backlog start → end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="334"/>
        <source>SLA first response met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="335"/>
        <source>First response (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="336"/>
        <source>Resolution (median)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="336"/>
        <source>Escalations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="337"/>
        <source>On-call pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="337"/>
        <source>Auto-ack ETAs met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="345"/>
        <source>This week against the previous four</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="346"/>
        <source>conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <source>Median business hours by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="347"/>
        <location filename="../../ui/reports/window.py" line="400"/>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="353"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="358"/>
        <source>Still waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="358"/>
        <source>By channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="359"/>
        <source>By agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="359"/>
        <source>By customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="360"/>
        <source>SLA by channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="360"/>
        <source>Previous weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="368"/>
        <source>Double-click a conversation to open it in the main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="392"/>
        <source>Billable work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="392"/>
        <location filename="../../ui/reports/window.py" line="648"/>
        <source>Not billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="393"/>
        <source>Vendor support (apart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="393"/>
        <source>Incidents used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="394"/>
        <source>Expired unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="400"/>
        <source>Time by customer (top 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="403"/>
        <source>No time was logged in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="407"/>
        <source>Time by customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="408"/>
        <source>Contracts and balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="464"/>
        <source>(so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="542"/>
        <source>Writing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="543"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="563"/>
        <source>The report could not be computed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="576"/>
        <source>Week {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="577"/>
        <source>{0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="581"/>
        <source>times in business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="583"/>
        <source>new conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="584"/>
        <source>{0} resolutions timed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="586"/>
        <source>solved, then opened again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="588"/>
        <source>open or pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="590"/>
        <source>{0} of {1} on time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="593"/>
        <source>p90 {0} · {1} replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="597"/>
        <source>p90 {0} · {1} solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="599"/>
        <source>raised in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="600"/>
        <source>urgent, out of hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="602"/>
        <source>no acknowledgements sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="606"/>
        <source>{0} missed · {1} not yet due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="629"/>
        <source>Time and billing, {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="633"/>
        <source>{0} customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="635"/>
        <source>work not billed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="637"/>
        <source>with suppliers, for customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="639"/>
        <source>from incident contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="642"/>
        <source>contracts ended with a balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="643"/>
        <source>nothing lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="649"/>
        <source>Vendor support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="684"/>
        <source>Folder for the CSV files (a folder named {0} is made in it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="691"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="691"/>
        <source>Web pages (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="693"/>
        <source>Export the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="731"/>
        <source>Wrote {0} CSV files to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="732"/>
        <source>Wrote {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/window.py" line="741"/>
        <source>The report could not be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="91"/>
        <source>Conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="112"/>
        <source>No customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="54"/>
        <location filename="../../ui/models.py" line="508"/>
        <location filename="../../ui/conversation.py" line="119"/>
        <source>Email</source>
        <extracomment>grows with every reset, so a page read on a worker can tell it came too late rows before this one have their items (see ``_fill_later``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="54"/>
        <location filename="../../ui/models.py" line="508"/>
        <location filename="../../ui/conversation.py" line="119"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="159"/>
        <location filename="../../ui/models.py" line="54"/>
        <location filename="../../ui/models.py" line="508"/>
        <location filename="../../ui/conversation.py" line="119"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="122"/>
        <source>Language: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="164"/>
        <source>Status (S). Pending means waiting on the customer.</source>
        <extracomment>agent id -&gt; name, for the timeline&apos;s escalation items</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="168"/>
        <source>Priority (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="170"/>
        <source>Assignee (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="188"/>
        <source>+ Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="189"/>
        <source>Add a tag (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="51"/>
        <source>Team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="54"/>
        <source>Share this inbox with your team: your work syncs in the background with the server your team runs. Everything keeps working offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="66"/>
        <source>your user name on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="69"/>
        <source>not stored; only used to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="72"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="73"/>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="83"/>
        <location filename="../../ui/sync/dialogs.py" line="140"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="86"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="87"/>
        <source>Forget this device&apos;s sign-in; local work is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="113"/>
        <source>This profile holds a generated demo workspace, which never syncs with a team server (its made-up data would mix with real work). Start SupportDesk with a new, empty profile (--profile FOLDER) to connect to your team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="127"/>
        <source>Not connected to a team server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="129"/>
        <source>Signed in to {0} as {1} (team {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="132"/>
        <source>Signed out of {0}. Sign in again to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="140"/>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="159"/>
        <source>Enter the server address, your user name and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="167"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="178"/>
        <source>Signing in failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="186"/>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="204"/>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="205"/>
        <location filename="../../ui/chatimport_dialog.py" line="165"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="206"/>
        <source>Customer contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="206"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="207"/>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="207"/>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="214"/>
        <source>Whole change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="216"/>
        <source>Tag #{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="218"/>
        <location filename="../../ui/conversation.py" line="195"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="218"/>
        <location filename="../../ui/models.py" line="163"/>
        <location filename="../../ui/conversation.py" line="198"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="218"/>
        <location filename="../../ui/models.py" line="163"/>
        <location filename="../../ui/conversation.py" line="201"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="220"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="525"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="220"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="118"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="200"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="220"/>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="221"/>
        <location filename="../../ui/chatimport_dialog.py" line="283"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="229"/>
        <source>your change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="231"/>
        <source>refused by the server: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="233"/>
        <source>tag on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="233"/>
        <source>tag off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="235"/>
        <source>deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="237"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="239"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="256"/>
        <location filename="../../ui/sync/dialogs.py" line="257"/>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="256"/>
        <location filename="../../ui/sync/dialogs.py" line="257"/>
        <source>another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="258"/>
        <source>lost: {0}, {1}; kept: {2}, {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="270"/>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="273"/>
        <source>When two people changed the same thing, the later change was kept. The changes that lost are listed here; restore one to make it the current value again (it then syncs to everyone), or dismiss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="281"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="281"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="346"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="281"/>
        <source>Lost value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="281"/>
        <source>Kept value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="281"/>
        <source>Who and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="295"/>
        <source>No conflicts: nothing anyone typed was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="301"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="302"/>
        <source>Make the lost value the current one again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="304"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="305"/>
        <source>Keep the current value and remove this line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="365"/>
        <source>This one cannot be put back with one click; copy what you need from it, then dismiss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="377"/>
        <source>Restored; it syncs to the team with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="386"/>
        <source>Dismissed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="219"/>
        <source>Write an internal note for the team (N). Ctrl+Enter saves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="222"/>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="694"/>
        <location filename="../../ui/models.py" line="45"/>
        <location filename="../../ui/conversation.py" line="265"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="279"/>
        <source>No conversation selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="283"/>
        <source>Pick a conversation on the left, or press J and K to move through them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="291"/>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conversation.py" line="325"/>
        <source>Remove the tag {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="46"/>
        <source>Resolved on the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47"/>
        <source>Follow-up needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>Left a voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="49"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="50"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="51"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="72"/>
        <source>Log a phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="81"/>
        <source>+44 20 7946 0958</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="86"/>
        <source>Caller&apos;s name (filled in for known numbers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="88"/>
        <source>Inbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="89"/>
        <source>Outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="99"/>
        <source>Start timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="283"/>
        <source>Save the note, or send the mail being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="285"/>
        <source>Insert a canned answer into the mail being written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="286"/>
        <source>Leave the search and go back to the view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="90"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="109"/>
        <source>SLA policy and business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="110"/>
        <source>SLA policy for contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="114"/>
        <source>Signs automatic acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="126"/>
        <source>For example: mon-fri 09:00-17:00; or mon-fri 08:00-12:00, 13:00-17:00; sat 10:00-14:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="133"/>
        <source>One date per line, e.g. 2026-12-25</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="137"/>
        <location filename="../../ui/workflow/editors.py" line="141"/>
        <location filename="../../ui/workflow/dialogs.py" line="190"/>
        <location filename="../../ui/workflow/dialogs.py" line="202"/>
        <location filename="../../ui/dialogs.py" line="106"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="145"/>
        <source>all active agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="152"/>
        <source>Team and business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="154"/>
        <source>Team name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="155"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="156"/>
        <location filename="../../ui/workflow/editors.py" line="194"/>
        <source>Business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="158"/>
        <source>Holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="160"/>
        <source>Due soon, ETAs and timers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="162"/>
        <source>“Due soon” before the due time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="163"/>
        <source>Handling time per conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="164"/>
        <source>Agents answering at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="165"/>
        <source>Warn about a timer running for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <source>Next response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="183"/>
        <source>Targets in business hours (0 = no target)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="186"/>
        <source>Policy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="190"/>
        <source>empty: the team&apos;s hours ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="192"/>
        <source>For example: mon-sun 00:00-24:00 for round the clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="212"/>
        <source>Times count in the team&apos;s zone, {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="241"/>
        <source>Read as: {0} ({1} h a week)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="246"/>
        <location filename="../../ui/workflow/editors.py" line="255"/>
        <source>Business hours: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="250"/>
        <source>Give the policy a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="265"/>
        <source>Holidays: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="317"/>
        <source>On-call rota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="323"/>
        <source>On call now: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="323"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="325"/>
        <source>Times are in the team&apos;s zone, {0}. A shift that ends at or before its start runs overnight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="337"/>
        <source>Add shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="340"/>
        <source>Remove shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="354"/>
        <source>Add override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="356"/>
        <source>Remove override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="370"/>
        <source>Every week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="378"/>
        <source>Overrides (swaps, holidays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="457"/>
        <source>Row {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/editors.py" line="473"/>
        <source>Override {0} ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="109"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="114"/>
        <source>or type it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="128"/>
        <source>What was said, what was agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="131"/>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="142"/>
        <source>A new phone conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="144"/>
        <source>This conversation: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="155"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="156"/>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="157"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="158"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="221"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="316"/>
        <location filename="../../ui/dialogs.py" line="159"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="161"/>
        <source>Add to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="179"/>
        <source>Not a complete number yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="183"/>
        <source>{0} · known customer: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="188"/>
        <source>{0} · new customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="194"/>
        <source>Stop timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="200"/>
        <source>Resume timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="250"/>
        <source>Add a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="252"/>
        <source>e.g. billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="262"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="289"/>
        <location filename="../../ui/dialogs.py" line="280"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="289"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="122"/>
        <source>Demo workspace · not synced</source>
        <extracomment>changes are shown this long after they arrive (more changes ride along) changes waiting to be shown that touch more rows than this (a sync&apos;s pages) are shown with one reload, read on a worker thread, instead of moving rows one by one</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="123"/>
        <source>This profile holds generated demo data; it is never sent to a team server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="126"/>
        <source>Offline · not connected to a team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="128"/>
        <source>{0} changes kept locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="129"/>
        <source>Everything works offline. Connect a team server to share this inbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="131"/>
        <location filename="../../ui/sync/controller.py" line="353"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="133"/>
        <location filename="../../ui/sync/controller.py" line="366"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="133"/>
        <location filename="../../ui/sync/controller.py" line="370"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="133"/>
        <location filename="../../ui/sync/controller.py" line="366"/>
        <location filename="../../ui/sync/controller.py" line="368"/>
        <location filename="../../ui/sync/controller.py" line="370"/>
        <source>synced {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="137"/>
        <location filename="../../ui/sync/controller.py" line="344"/>
        <source>{0} changes waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="138"/>
        <location filename="../../ui/sync/controller.py" line="345"/>
        <source>Team server: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="238"/>
        <source>Search conversations, customers, phone numbers (/)</source>
        <extracomment>tables touched by waiting changes once they are too many to follow one by one what capabilities stop before the window (and then the store) closes; run last-added first (a hook, not an event filter: a filter on the window would be called from Qt for every event the window gets) who takes files dropped on the window: each returns what to do, or None</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="277"/>
        <source>Next conversation</source>
        <extracomment>words for the sync state; the sync capability replaces it with live ones</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="278"/>
        <source>Previous conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="279"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="280"/>
        <source>Write a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="281"/>
        <source>Log a call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="283"/>
        <source>Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="284"/>
        <source>Assign to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="285"/>
        <source>Set status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="286"/>
        <source>Set priority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="287"/>
        <source>Add a tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="288"/>
        <source>Mark as unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="291"/>
        <source>Toggle dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="292"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="300"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="305"/>
        <source>&amp;Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="310"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="316"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="318"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="318"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="319"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="327"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="328"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="330"/>
        <location filename="../../ui/mainwindow.py" line="796"/>
        <source>About SupportDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="334"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="378"/>
        <location filename="../../ui/workflow/controller.py" line="545"/>
        <location filename="../../ui/models.py" line="120"/>
        <source>{0}: {1} conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="592"/>
        <location filename="../../ui/mail/controller.py" line="649"/>
        <location filename="../../ui/workflow/controller.py" line="251"/>
        <source>Select a conversation first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="599"/>
        <source>Status set to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="674"/>
        <source>Call logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="682"/>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="736"/>
        <source>{0} conversations match “{1}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="797"/>
        <source>SupportDesk {0}
One offline-first inbox for email, chat and phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="805"/>
        <source>SupportDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="44"/>
        <source>My open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="46"/>
        <source>All open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="51"/>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="128"/>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="132"/>
        <source>Channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="135"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="164"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="205"/>
        <location filename="../../ui/sync/dialogs.py" line="219"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="525"/>
        <location filename="../../ui/models.py" line="163"/>
        <location filename="../../ui/chatimport_dialog.py" line="312"/>
        <source>Customer</source>
        <extracomment>rows whose items a reset builds at once (more than a window shows); the rest follow ``FILL_SLICE`` at a time in later turns of the event loop</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="51"/>
        <location filename="../../ui/mail/controller.py" line="237"/>
        <location filename="../../ui/mail/view.py" line="108"/>
        <location filename="../../ui/workflow/panel.py" line="82"/>
        <source>Reply</source>
        <extracomment>Opens the canned-answer picker for the composer&apos;s body (Ctrl+Shift+K).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="52"/>
        <location filename="../../ui/mail/controller.py" line="239"/>
        <source>Reply to all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="53"/>
        <location filename="../../ui/mail/controller.py" line="241"/>
        <location filename="../../ui/mail/view.py" line="110"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="54"/>
        <source>New mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="98"/>
        <source>name@example.com, another@example.org</source>
        <extracomment>``(draft) -&gt; may it be sent?``; it shows its own reason when not</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="107"/>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <location filename="../../ui/reports/window.py" line="260"/>
        <location filename="../../ui/chatimport_dialog.py" line="165"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="108"/>
        <location filename="../../ui/mail/outbox.py" line="64"/>
        <location filename="../../ui/workflow/editors.py" line="332"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="109"/>
        <source>Cc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="111"/>
        <source>Bcc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="112"/>
        <location filename="../../ui/mail/outbox.py" line="64"/>
        <location filename="../../ui/sync/dialogs.py" line="219"/>
        <location filename="../../ui/models.py" line="163"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="117"/>
        <source>Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="119"/>
        <source>Remove file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="123"/>
        <source>Canned answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="126"/>
        <source>Insert a canned answer at the cursor ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="135"/>
        <source>Saved in the conversation when you press Send; it waits in the outbox until the mail server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="140"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="142"/>
        <source>Send (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="144"/>
        <location filename="../../ui/chatimport_dialog.py" line="361"/>
        <location filename="../../ui/chatimport_dialog.py" line="424"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="192"/>
        <source>{0} is larger than {1}; most mail servers refuse that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="197"/>
        <source>{0} could not be read ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="205"/>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="243"/>
        <source>Add at least one recipient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/composer.py" line="246"/>
        <source>Give the mail a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/dialogs.py" line="205"/>
        <location filename="../../ui/models.py" line="163"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="183"/>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="183"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="183"/>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/models.py" line="184"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="125"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="129"/>
        <source>Attached:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="142"/>
        <source>Inbound call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="142"/>
        <source>Outbound call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="200"/>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="204"/>
        <source>billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="204"/>
        <source>not billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="206"/>
        <source>a vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="211"/>
        <source>({0} on the phone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="232"/>
        <source>Handed back to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="232"/>
        <source>De-escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="270"/>
        <source>{0} earlier entries are not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport.py" line="101"/>
        <source>Import chat export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport.py" line="103"/>
        <source>Import a WhatsApp, Telegram, Slack, Discord, Messenger, website-chat or CSV export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="138"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="139"/>
        <source>Stop fetching; what was fetched stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="143"/>
        <source>Enter password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="208"/>
        <location filename="../../ui/mail/controller.py" line="441"/>
        <source>Mail: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="235"/>
        <source>New mail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="242"/>
        <source>Mailboxes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="243"/>
        <source>Outbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="244"/>
        <source>Fetch mail now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="245"/>
        <source>Import mail from files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="332"/>
        <source>{0} mail(s) sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="346"/>
        <source>{0} mail(s) were being sent when SupportDesk stopped; see the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="419"/>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="421"/>
        <source>fetching {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="425"/>
        <source>password needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="431"/>
        <source>fetching paused (Fetch mail now resumes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="433"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="438"/>
        <source>{0} waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="440"/>
        <source>{0} not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="577"/>
        <source>That file is not on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="590"/>
        <source>Open a program?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="591"/>
        <source>{0} can run code on this computer. Open it only if you expected it from this sender.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="612"/>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="627"/>
        <source>This message has no original to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="632"/>
        <source>Save original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="633"/>
        <source>Mail files (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="655"/>
        <source>Add a support mailbox first (Tools → Mailboxes…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="684"/>
        <source>Saved in the conversation; it goes out as soon as the server can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="707"/>
        <source>Split the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="708"/>
        <source>Start a new conversation with this message? Later replies to it will go there too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="842"/>
        <source>Import mail (.eml or mbox)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="843"/>
        <source>Mail files (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="857"/>
        <source>{0} messages added, {1} already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="860"/>
        <source>Not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/controller.py" line="865"/>
        <location filename="../../ui/chatimport_dialog.py" line="358"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="39"/>
        <source>Server name not found (DNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="40"/>
        <source>Connection refused or unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="41"/>
        <source>No answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="42"/>
        <source>Secure connection failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="43"/>
        <source>Certificate not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="44"/>
        <source>STARTTLS not offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="45"/>
        <source>Sign-in refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="46"/>
        <source>The server refused a request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="47"/>
        <location filename="../../ui/mail/outbox.py" line="36"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="79"/>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="88"/>
        <source>Add mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="90"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="100"/>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="104"/>
        <source>Acme Support (shown as the sender)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="106"/>
        <source>Usually the email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="109"/>
        <source>Remember the password in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="116"/>
        <location filename="../../ui/sync/dialogs.py" line="219"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="309"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="117"/>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="118"/>
        <source>Sender name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="119"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="120"/>
        <location filename="../../ui/sync/dialogs.py" line="74"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="144"/>
        <source>Incoming (IMAP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="146"/>
        <source>Outgoing (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="150"/>
        <source>Found automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="152"/>
        <source>The system&apos;s certificate authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="153"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="161"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="162"/>
        <source>Fetch and send mail for this mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="165"/>
        <source>Acknowledge new conversations automatically with an expected answer time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="168"/>
        <source>Each new customer conversation gets one reply, in the customer&apos;s language, saying when a person will answer: worked out from the SLA, business hours and the queue. Auto-replies, mailing lists and mail from before this is switched on never get one.

Check the promise first: supportdesk sla preview --priority normal --received 2026-11-20T16:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="175"/>
        <source>Sent folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="176"/>
        <source>Trusted certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="177"/>
        <source>First fetch reaches back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="181"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="183"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="191"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="186"/>
        <location filename="../../ui/mail/outbox.py" line="84"/>
        <location filename="../../ui/sync/dialogs.py" line="89"/>
        <location filename="../../ui/chatimport_dialog.py" line="424"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="199"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="199"/>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="200"/>
        <source>More</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="230"/>
        <source>port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="242"/>
        <source>Certificate authority (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="242"/>
        <source>Certificates (*.pem *.crt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="272"/>
        <location filename="../../ui/mail/settings.py" line="373"/>
        <source>Stored; type to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="273"/>
        <source>Needed to fetch and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="332"/>
        <source>Type the password first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="335"/>
        <source>Testing… signing in to {0} and {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/settings.py" line="374"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="45"/>
        <source>The original of this message has not reached this computer yet; it arrives with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="52"/>
        <source>{0} bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="54"/>
        <source>{0} KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="55"/>
        <source>{0:.1f} MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="65"/>
        <source>Sent {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="69"/>
        <source>the copy for the Sent folder is not filed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="72"/>
        <source>Not sent: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="72"/>
        <source>unknown reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="73"/>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="75"/>
        <source>Not sent: deleted from the outbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="77"/>
        <source>Sending now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="78"/>
        <source>Waiting in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="80"/>
        <source>try {0} failed, next try at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="86"/>
        <source>goes out as soon as the server can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="87"/>
        <source>Send now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="93"/>
        <source>To: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="95"/>
        <source>Cc: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="97"/>
        <location filename="../../ui/timeline.py" line="110"/>
        <source>(and {0} more)</source>
        <extracomment>Activity kinds drawn in the timeline as items of their own (the rest stay in the history). replaces the escaped plain-text body (e.g. sanitised HTML mail) action links after the header line (Reply, Forward, Split ...) after the body (files, blocked images, send state); replaces the file list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="109"/>
        <source>Reply all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="111"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="112"/>
        <source>Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="116"/>
        <source>Show formatted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="118"/>
        <source>Show as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="130"/>
        <source>{0} remote images were blocked to protect your privacy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="132"/>
        <source>Show images from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="138"/>
        <source>Images from {0} are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="139"/>
        <source>Block them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="159"/>
        <source>Original message:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/view.py" line="160"/>
        <source>Save as .eml…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="32"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="32"/>
        <source>Waiting to retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="34"/>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="35"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="44"/>
        <source>next try {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="57"/>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="64"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="64"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="346"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="64"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="78"/>
        <source>Send again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="80"/>
        <source>Delete from outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="82"/>
        <location filename="../../ui/sync/dialogs.py" line="307"/>
        <source>Open conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="121"/>
        <source>Nothing waits to be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/outbox.py" line="124"/>
        <source>{0} waiting, {1} failed. Waiting mail goes out by itself when the server can be reached; failed mail needs you to fix the cause and send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="41"/>
        <source>Mailbox password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="44"/>
        <source>SupportDesk needs the password of {0} ({1}) to fetch and send mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="55"/>
        <source>Password for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="56"/>
        <source>Remember it in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="62"/>
        <source>Without the keyring, SupportDesk asks again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="97"/>
        <source>Move the message to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="102"/>
        <source>Choose the conversation this message belongs to. The customer&apos;s other conversations are listed; type to search all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="107"/>
        <source>Search by subject, customer or ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/mail/dialogs.py" line="115"/>
        <source>Move here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="245"/>
        <location filename="../../ui/sync/controller.py" line="311"/>
        <source>Team server…</source>
        <extracomment>a local change is pushed this long after it was made (more changes ride along) a sync at least this often while signed in, to receive the team&apos;s work pauses before retrying after failures (the last one repeats) the first sync after the window opens presence is renewed this often (the server forgets an entry after 60 s) rows per page in the app: a page of this size is parsed in a few milliseconds, and the window does not reload per page, so bigger pages only cost the garbage collector more while a sync runs, the window shows what it brought at most this often the status bar&apos;s progress words change at most this often (seconds) a request that gets no answer in this long fails (and is retried later) emitted (on the GUI thread) whenever what the status bar says may have changed a sync finished: its result, or None when it failed a sync or sign-in is running on the worker None: not known yet; False: signed out (no tokens); True: tokens in the keyring None until the first attempt; then whether the server answered last time how far the running sync has come (None: not known, or no sync running)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="247"/>
        <location filename="../../ui/sync/controller.py" line="304"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="251"/>
        <source>Sync conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="306"/>
        <source>Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="308"/>
        <source>Conflicts ({0})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="347"/>
        <source>Signed in as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="348"/>
        <source>Signed out (was {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="350"/>
        <source>Signed out of the team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="351"/>
        <source>Sign in again from Tools → Team server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="355"/>
        <source>{0} sync conflicts to look at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="378"/>
        <location filename="../../ui/sync/controller.py" line="390"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="363"/>
        <source>Trying again in {0} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="368"/>
        <source>Sync problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="372"/>
        <source>conflicts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="382"/>
        <source>Fetching the team&apos;s inbox… {0}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="385"/>
        <source>Fetching the team&apos;s inbox… {0} items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="387"/>
        <source>Fetching the team&apos;s inbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="389"/>
        <source>Syncing… {0} changes received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="700"/>
        <source>{0} is replying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="700"/>
        <source>{0} is viewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync/controller.py" line="707"/>
        <source>Other agents with this conversation open right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="143"/>
        <source>Escalate…</source>
        <extracomment>Conversations per background unit of work when catching up at start. Tables whose change may alter what the strip shows. a burst of commits refreshes the strip once, this long after the first asks whether to send although new messages arrived (tests pass a stand-in) refreshes asked for by a burst of commits (a sync) become one</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="144"/>
        <source>De-escalate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="145"/>
        <source>Insert canned answer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="147"/>
        <source>Log time…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="148"/>
        <source>Start or pause the timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="155"/>
        <location filename="../../ui/workflow/controller.py" line="544"/>
        <location filename="../../ui/models.py" line="49"/>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="156"/>
        <location filename="../../ui/workflow/controller.py" line="544"/>
        <location filename="../../ui/models.py" line="50"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="162"/>
        <source>SLA policy and business hours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="164"/>
        <source>On-call rota…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="165"/>
        <source>Check SLA breaches now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="245"/>
        <source>The timer on this conversation has been running for hours. Stop it if you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="288"/>
        <source>Escalated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="298"/>
        <source>This conversation is not escalated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="315"/>
        <source>Handed back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="324"/>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="325"/>
        <source>Escalated to {0} by {1}.

Why: {2}

Tried: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="326"/>
        <location filename="../../ui/workflow/dialogs.py" line="138"/>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="327"/>
        <location filename="../../ui/workflow/panel.py" line="296"/>
        <location filename="../../ui/workflow/dialogs.py" line="139"/>
        <source>(nothing noted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="395"/>
        <source>Fill in {0} before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="430"/>
        <source>Not sent. Your reply is kept: read the new messages, change the reply if needed, and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="455"/>
        <source>Not covered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="455"/>
        <source>Start the timer anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="498"/>
        <location filename="../../ui/workflow/controller.py" line="520"/>
        <source>Time logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="584"/>
        <source>SLA policy saved; due times updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/controller.py" line="614"/>
        <source>On-call rota saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="56"/>
        <source>Customer name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="57"/>
        <source>Ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="58"/>
        <source>Agent (your name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="59"/>
        <source>ETA (when the customer hears back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="60"/>
        <source>Contract balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="66"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="66"/>
        <source>Russian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="66"/>
        <source>Icelandic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="103"/>
        <source>Canned answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="112"/>
        <location filename="../../ui/workflow/dialogs.py" line="272"/>
        <source>Search by title or /shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="118"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="198"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="118"/>
        <location filename="../../ui/workflow/canned_dialog.py" line="199"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="119"/>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="129"/>
        <source>Used: how many replies this answer went into, on every device of the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="131"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="132"/>
        <source>Translate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="134"/>
        <source>A new answer with the same shortcut in another language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="135"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="156"/>
        <source>e.g. Refund issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="159"/>
        <source>e.g. refund (typed as /refund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="168"/>
        <source>Hi {customer_name},

Thanks for writing about {ticket}. You will hear from me {eta}.

{agent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="170"/>
        <source>Insert placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="171"/>
        <source>Filled in for each conversation when the answer is inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="180"/>
        <source>Allow gaps the rep fills in, like {order_number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="182"/>
        <source>SupportDesk fills only the placeholders in the menu. Other words in braces stay in the reply, and it cannot be sent until the rep replaces them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="193"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="256"/>
        <source>All languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="317"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="318"/>
        <source>This answer has changes that are not saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="335"/>
        <location filename="../../ui/workflow/dialogs.py" line="321"/>
        <source>Used {0} times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="336"/>
        <source>Not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="352"/>
        <source>New translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="352"/>
        <source>New canned answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="400"/>
        <source>Give the answer a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="402"/>
        <source>A shortcut is one word, like /refund.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="405"/>
        <source>Choose a language, or type its code (like de).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="408"/>
        <source>Write the text of the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="413"/>
        <source>/{0} in {1} is already “{2}”. Choose another shortcut or language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="417"/>
        <source>{0} is not a placeholder: write one word with underscores in braces, like {{customer_name}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="422"/>
        <source>SupportDesk cannot fill {0}. Use the placeholders it knows ({1}), or tick “Allow gaps” so the rep fills it in before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="453"/>
        <source>Delete canned answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/canned_dialog.py" line="454"/>
        <source>Delete “{0}” ({1})? Replies already sent keep their text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="40"/>
        <source>First response overdue</source>
        <extracomment>Device-local: the newest notification counter already shown here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="41"/>
        <source>Reply overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="42"/>
        <source>Resolution overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="43"/>
        <source>Urgent conversation out of hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="44"/>
        <source>Escalated to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/notifier.py" line="122"/>
        <source>SupportDesk · {0} alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="48"/>
        <source>The change could not be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="65"/>
        <source>Canned answers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="66"/>
        <source>Contracts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="67"/>
        <source>Contract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="70"/>
        <source>This customer&apos;s contract, balance and SLA policy; create one if none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="152"/>
        <source>This conversation has no customer to make a contract with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/manage.py" line="209"/>
        <source>In force today: work is covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="81"/>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <location filename="../../ui/reports/window.py" line="616"/>
        <source>First response</source>
        <extracomment>Chip colours per SLA state (background, text); readable on light and dark themes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="83"/>
        <location filename="../../ui/workflow/editors.py" line="171"/>
        <location filename="../../ui/reports/window.py" line="617"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="84"/>
        <source>SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="90"/>
        <source>SLA paused: waiting on the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="92"/>
        <source>SLA met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="94"/>
        <location filename="../../ui/workflow/panel.py" line="277"/>
        <source>No SLA clock yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="99"/>
        <location filename="../../ui/workflow/panel.py" line="104"/>
        <source>{0} overdue since {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="100"/>
        <source>{0} due {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="106"/>
        <source>{0} overdue by {1} (was due {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="108"/>
        <source>{0} due in {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="118"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="118"/>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="129"/>
        <source>No contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="129"/>
        <source>No support contract for this customer: work is not covered. Agree on payment before you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="132"/>
        <source>The customer&apos;s plan ({0}) includes no support. Agree on payment before you start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="136"/>
        <source>{0} expired on {1}: work is not covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="138"/>
        <source>{0} starts on {1}: work before then is not covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="141"/>
        <source>{0} · billed per incident ({1:.2f} {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="147"/>
        <source>({0} over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="150"/>
        <source>{0} · used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="151"/>
        <source>{0}: the prepaid balance is used up{1}. Work from here is not covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="153"/>
        <source> until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="227"/>
        <location filename="../../ui/workflow/panel.py" line="330"/>
        <source>▶ Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="228"/>
        <source>Start the timer on this conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="230"/>
        <source>⏸ Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="232"/>
        <source>■ Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="233"/>
        <source>Stop the timer and log the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="278"/>
        <source>The clock starts with the customer&apos;s first message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="294"/>
        <source>Escalated to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="296"/>
        <source>Why: {0}
Tried: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="299"/>
        <source>Logged {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="310"/>
        <source>Policy: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="311"/>
        <source>Received: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="312"/>
        <source>First response due: {0}, answered: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="314"/>
        <source>Resolution due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="317"/>
        <source>Reply due: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="319"/>
        <source>Acknowledged {0}, promised {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="329"/>
        <source>▶ Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/panel.py" line="342"/>
        <source>The timer has run for more than {0} h. Still working on this?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="26"/>
        <source>This reply still contains {0}. Fill in or remove every placeholder before sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="32"/>
        <source>{0} new messages arrived since you started this reply:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="37"/>
        <source>Send your reply anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="44"/>
        <source>New messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/send_guard.py" line="55"/>
        <source>Cannot send yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="64"/>
        <source>No support included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="65"/>
        <source>Billed per incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="66"/>
        <source>Prepaid hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="67"/>
        <source>Prepaid incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="75"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="76"/>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="77"/>
        <source>Top-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="78"/>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="136"/>
        <source>Top up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="136"/>
        <source>Adjust the balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="139"/>
        <source>Add what the customer bought.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="140"/>
        <source>A positive amount uses up balance; a negative one gives it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="148"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="555"/>
        <location filename="../../ui/workflow/editors.py" line="89"/>
        <location filename="../../ui/workflow/editors.py" line="149"/>
        <source> h</source>
        <extracomment>the policy edited (None: a new one, or the team&apos;s default) a contract policy&apos;s own week (&quot;&quot; uses the team&apos;s hours)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="151"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="555"/>
        <source> incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="156"/>
        <source>e.g. invoice 2026-114</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="156"/>
        <source>Why (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="160"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="346"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="161"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="346"/>
        <location filename="../../ui/workflow/editors.py" line="345"/>
        <location filename="../../ui/workflow/dialogs.py" line="208"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="183"/>
        <source>Enter an amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="185"/>
        <source>Say why the balance changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="226"/>
        <source>Contracts of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="226"/>
        <source>Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="242"/>
        <source>New contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="252"/>
        <source>e.g. Northwind: 10 h pack 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="257"/>
        <source>Find a customer or organisation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="276"/>
        <source>Price per incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="280"/>
        <source>Prepaid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="285"/>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="298"/>
        <source>New policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="299"/>
        <source>Edit policy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="306"/>
        <source>Anything the team should know (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="310"/>
        <source>Covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="311"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="314"/>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="315"/>
        <source>SLA policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="324"/>
        <location filename="../../ui/workflow/contracts_dialog.py" line="477"/>
        <source>Save contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="326"/>
        <source>Contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="346"/>
        <source>Balance after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="354"/>
        <source>Top up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="355"/>
        <source>Adjust…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="356"/>
        <source>Balance and history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="424"/>
        <source>Not in force today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="436"/>
        <source>The team&apos;s default policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="510"/>
        <source>Create contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="523"/>
        <source>Nobody yet: search on the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="574"/>
        <source>Give the contract a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="576"/>
        <source>Choose the customer or organisation it covers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="580"/>
        <source>A prepaid pack needs hours or incidents to draw on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="588"/>
        <source>The currency is a three-letter code, like EUR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="590"/>
        <source>The contract cannot expire before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="644"/>
        <source>Save the contract to see its balance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="657"/>
        <source>{0} incidents billed: {1} {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/contracts_dialog.py" line="660"/>
        <source>Balance: {0} (prepaid {1}, topped up {2}, used {3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="58"/>
        <source>Escalate conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="60"/>
        <source>Escalate “{0}”. The expert sees why, and what was tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="64"/>
        <source>No one in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="75"/>
        <source>e.g. Tier 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="78"/>
        <source>Why does this need someone else? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="82"/>
        <source>What was tried already: steps, results, links to logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="88"/>
        <source>Expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="89"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="90"/>
        <location filename="../../ui/workflow/dialogs.py" line="157"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="91"/>
        <source>Tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="95"/>
        <source>Escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="121"/>
        <source>Say why: the reason is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="123"/>
        <source>Choose an expert, a tier, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="133"/>
        <source>De-escalate conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="135"/>
        <source>the unassigned pile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="137"/>
        <source>Escalated to {0} by {1}.
Why: {2}
Tried: {3}

It goes back to {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="146"/>
        <source>What was found or done, and why it goes back (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="152"/>
        <source>De-escalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="176"/>
        <source>Stop the timer and log time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="176"/>
        <source>Log time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="182"/>
        <source>Work on the conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="183"/>
        <source>Vendor support (their helpdesk or phone line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="192"/>
        <location filename="../../ui/reports/window.py" line="647"/>
        <source>Billable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="195"/>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="197"/>
        <source>e.g. Contoso Printers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="199"/>
        <source>their case or ticket number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="206"/>
        <location filename="../../ui/chatimport_dialog.py" line="165"/>
        <location filename="../../ui/chatimport_dialog.py" line="282"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="212"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="213"/>
        <source>Their case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="214"/>
        <source>Of which on the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="243"/>
        <source>Name the vendor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="245"/>
        <source>Time on the phone is part of the total time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="265"/>
        <source>Insert a canned answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="295"/>
        <source>Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="326"/>
        <source>No canned answer matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/workflow/dialogs.py" line="343"/>
        <source>Fill in before sending: {0}. A reply with a placeholder left cannot be sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="48"/>
        <source>Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="50"/>
        <source>Weekly summary and billing, with exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/__init__.py" line="52"/>
        <source>Scheduled report export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="206"/>
        <source>Scheduled report for {0} written to {1}</source>
        <extracomment>After a failed run, wait this long before trying again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="213"/>
        <source>The scheduled report was not written: {0} SupportDesk tries again in an hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="223"/>
        <source>Scheduled report export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="235"/>
        <source>Write last week&apos;s summary automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="245"/>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="247"/>
        <source>({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="250"/>
        <source>The folder the reports are written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="251"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="267"/>
        <source>CSV with a byte-order mark (for Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="272"/>
        <source>Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="273"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="274"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="278"/>
        <source>PDF pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="287"/>
        <source>Write last week now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="318"/>
        <source>Last written: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="319"/>
        <source>Nothing written yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="321"/>
        <source>Scheduled export is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="325"/>
        <source>Next run: {0:%a %d %b %Y %H:%M}, writing {1}. If SupportDesk is closed then, it writes the missed weeks (up to {2}) when it next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="331"/>
        <source>Folder for the weekly reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="377"/>
        <source>Wrote {0} to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/schedule.py" line="386"/>
        <source>A report is being written; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="178"/>
        <source>Customer messages by weekday and hour ({0})</source>
        <extracomment>Bar colours that read on light and dark backgrounds.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="203"/>
        <source>Busiest hours ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="204"/>
        <source>Busiest hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="242"/>
        <source>Darker is busier. Busiest: {0} {1:02d}:00, {2} customer messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="244"/>
        <source>No customer messages in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="93"/>
        <source>participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="104"/>
        <source>Import cancelled. {0} messages were saved; import the file again to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="107"/>
        <source>Import cancelled. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="110"/>
        <source>{0} messages added from the {1} export, {2} were already here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="113"/>
        <source>{0} messages imported before now show who wrote them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="116"/>
        <source>new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="116"/>
        <source>added to the existing conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="119"/>
        <source>New customers: {0}. New team members: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="122"/>
        <source>Files stored: {0}. Named in the export but not included: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="125"/>
        <source>Times without a zone were read as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="127"/>
        <source>Not imported: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="129"/>
        <source>…and {0} more not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="177"/>
        <source>(notice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="229"/>
        <location filename="../../ui/chatimport_dialog.py" line="440"/>
        <source>Import a chat export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="253"/>
        <source>Choose an export, or drop it on the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="255"/>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="267"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="270"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="282"/>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="286"/>
        <source>Use these columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="289"/>
        <source>Columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="312"/>
        <source>Participant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="312"/>
        <source>Us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="327"/>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="339"/>
        <source>The export&apos;s times carry no zone (they are the phone&apos;s clock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="377"/>
        <source>Preview (as it will be imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="379"/>
        <source>Who is who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="423"/>
        <source>Cancel import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="441"/>
        <source>Chat exports (*.txt *.zip *.json *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="454"/>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="472"/>
        <source>Could not read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="527"/>
        <source>{0} messages ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="537"/>
        <source>adds to the existing conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="538"/>
        <source>a new conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="540"/>
        <source>“{0}”: {1} messages, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="543"/>
        <source>{0} chats, {1} messages; {2} of them already have a conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="562"/>
        <source>This participant is one of us (the team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="571"/>
        <source>phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="571"/>
        <source>chat handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="572"/>
        <source>email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="572"/>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="574"/>
        <source>{0} (matched by {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="576"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="577"/>
        <source>Keep as a participant only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="605"/>
        <source>Everyone not marked as us is filed as a customer (matched or new).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="606"/>
        <source>Nobody is marked as us: everyone is kept as a participant, to sort out later. Tick who speaks for the team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="675"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="692"/>
        <source>The import failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="704"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="706"/>
        <source>Importing… {0} of {1} messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="718"/>
        <source>Import cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="718"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="725"/>
        <source>The conversation is open in the main window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/chatimport_dialog.py" line="739"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
