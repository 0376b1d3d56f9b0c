<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="is_IS">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Í lagi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Vista</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Vista allt</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Opna</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Já</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Já við &amp;öllu</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei við öllu</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hætta</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reyna aftur</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Hunsa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Loka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hætta við</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Henda</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjálp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Endurstilla</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Sjálfgefin gildi</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Afturkalla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Endurgera</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Klippa</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Afrita</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Líma</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eyða</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Velja allt</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Afturkalla</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Endurgera</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Klippa</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Afrita</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Afrita &amp;slóð tengils</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Líma</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eyða</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Velja allt</translation>
    </message>
</context>
</TS>
