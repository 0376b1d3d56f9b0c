<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message numerus="yes">
        <location filename="../../ui/window/refresh.py" line="60"/>
        <source>%Ln changes kept locally</source>
        <translation>
            <numerusform>%Ln change kept locally</numerusform>
            <numerusform>%Ln changes kept locally</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/refresh.py" line="69"/>
        <location filename="../../ui/sync/controller.py" line="346"/>
        <source>%Ln changes waiting</source>
        <translation>
            <numerusform>%Ln change waiting</numerusform>
            <numerusform>%Ln changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigation.py" line="49"/>
        <location filename="../../ui/workflow/controller.py" line="548"/>
        <location filename="../../ui/models.py" line="136"/>
        <source>{0}: %Ln conversations</source>
        <translation>
            <numerusform>{0}: %Ln conversation</numerusform>
            <numerusform>{0}: %Ln conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/window/navigation.py" line="215"/>
        <source>%n conversations match “{0}”</source>
        <translation>
            <numerusform>%n conversation matches “{0}”</numerusform>
            <numerusform>%n conversations match “{0}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/controller.py" line="338"/>
        <source>%n mails sent.</source>
        <translation>
            <numerusform>%n mail sent.</numerusform>
            <numerusform>%n mails sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/controller.py" line="352"/>
        <source>%n mails were being sent when SupportDesk stopped; see the outbox.</source>
        <translation>
            <numerusform>%n mail was being sent when SupportDesk stopped; see the outbox.</numerusform>
            <numerusform>%n mails were being sent when SupportDesk stopped; see the outbox.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/importing.py" line="43"/>
        <source>%Ln messages added, {0} already there.</source>
        <translation>
            <numerusform>%Ln message added, {0} already there.</numerusform>
            <numerusform>%Ln messages added, {0} already there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/view.py" line="53"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/mail/view.py" line="131"/>
        <source>%n remote images were blocked to protect your privacy.</source>
        <translation>
            <numerusform>%n remote image was blocked to protect your privacy.</numerusform>
            <numerusform>%n remote images were blocked to protect your privacy.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="357"/>
        <source>%n sync conflicts to look at</source>
        <translation>
            <numerusform>%n sync conflict to look at</numerusform>
            <numerusform>%n sync conflicts to look at</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="386"/>
        <source>Fetching the team&apos;s inbox… %Ln items</source>
        <translation>
            <numerusform>Fetching the team&apos;s inbox… %Ln item</numerusform>
            <numerusform>Fetching the team&apos;s inbox… %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/sync/controller.py" line="389"/>
        <source>Syncing… %Ln changes received</source>
        <translation>
            <numerusform>Syncing… %Ln change received</numerusform>
            <numerusform>Syncing… %Ln changes received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/canned_dialog.py" line="336"/>
        <location filename="../../ui/workflow/dialogs.py" line="316"/>
        <source>Used %n times</source>
        <translation>
            <numerusform>Used %n time</numerusform>
            <numerusform>Used %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/notifier.py" line="124"/>
        <source>SupportDesk · %n alerts</source>
        <translation>
            <numerusform>SupportDesk · %n alert</numerusform>
            <numerusform>SupportDesk · %n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/send_guard.py" line="34"/>
        <source>%n new messages arrived since you started this reply:</source>
        <translation>
            <numerusform>%n new message arrived since you started this reply:</numerusform>
            <numerusform>%n new messages arrived since you started this reply:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/workflow/contracts_dialog.py" line="658"/>
        <source>%n incidents billed: {0} {1}</source>
        <translation>
            <numerusform>%n incident billed: {0} {1}</numerusform>
            <numerusform>%n incidents billed: {0} {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="598"/>
        <source>%n resolutions timed</source>
        <translation>
            <numerusform>%n resolution timed</numerusform>
            <numerusform>%n resolutions timed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="606"/>
        <source>p90 {0} · %n replies</source>
        <translation>
            <numerusform>p90 {0} · %n reply</numerusform>
            <numerusform>p90 {0} · %n replies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="610"/>
        <source>p90 {0} · %n solved</source>
        <translation>
            <numerusform>p90 {0} · %n solved</numerusform>
            <numerusform>p90 {0} · %n solved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="646"/>
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/window.py" line="747"/>
        <source>Wrote %n CSV files to {0}</source>
        <translation>
            <numerusform>Wrote %n CSV file to {0}</numerusform>
            <numerusform>Wrote %n CSV files to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/reports/charts.py" line="244"/>
        <source>Darker is busier. Busiest: {0} {1:02d}:00, %n customer messages.</source>
        <translation>
            <numerusform>Darker is busier. Busiest: {0} {1:02d}:00, %n customer message.</numerusform>
            <numerusform>Darker is busier. Busiest: {0} {1:02d}:00, %n customer messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/timeline.py" line="288"/>
        <source>%Ln earlier entries are not shown.</source>
        <translation>
            <numerusform>%Ln earlier entry is not shown.</numerusform>
            <numerusform>%Ln earlier entries are not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="104"/>
        <source>Import cancelled. %Ln messages were saved; import the file again to finish.</source>
        <translation>
            <numerusform>Import cancelled. %Ln message was saved; import the file again to finish.</numerusform>
            <numerusform>Import cancelled. %Ln messages were saved; import the file again to finish.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="110"/>
        <source>%Ln messages added from the {0} export, {1} were already here.</source>
        <translation>
            <numerusform>%Ln message added from the {0} export, {1} were already here.</numerusform>
            <numerusform>%Ln messages added from the {0} export, {1} were already here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="113"/>
        <source>%Ln messages imported before now show who wrote them.</source>
        <translation>
            <numerusform>%Ln message imported before now shows who wrote it.</numerusform>
            <numerusform>%Ln messages imported before now show who wrote them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="493"/>
        <source>%Ln messages ready to import.</source>
        <translation>
            <numerusform>%Ln message ready to import.</numerusform>
            <numerusform>%Ln messages ready to import.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="506"/>
        <source>“{0}”: %Ln messages, {1}</source>
        <translation>
            <numerusform>“{0}”: %Ln message, {1}</numerusform>
            <numerusform>“{0}”: %Ln messages, {1}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="509"/>
        <source>{0} chats, %Ln messages; {1} of them already have a conversation</source>
        <translation>
            <numerusform>{0} chats, %Ln message; {1} of them already have a conversation</numerusform>
            <numerusform>{0} chats, %Ln messages; {1} of them already have a conversation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/chatimport_dialog.py" line="674"/>
        <source>Importing… {0} of %Ln messages</source>
        <translation>
            <numerusform>Importing… {0} of %Ln message</numerusform>
            <numerusform>Importing… {0} of %Ln messages</numerusform>
        </translation>
    </message>
</context>
</TS>
