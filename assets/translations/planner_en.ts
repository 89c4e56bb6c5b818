<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>EditOps</name>
        <message numerus="yes">
            <source>Cut %n items</source>
            <translation>
                <numerusform>Cut %n item</numerusform>
                <numerusform>Cut %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Paste %n items</source>
            <translation>
                <numerusform>Paste %n item</numerusform>
                <numerusform>Paste %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Duplicate %n items</source>
            <translation>
                <numerusform>Duplicate %n item</numerusform>
                <numerusform>Duplicate %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n items</source>
            <translation>
                <numerusform>Delete %n item</numerusform>
                <numerusform>Delete %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Add %n suggested signs</source>
            <translation>
                <numerusform>Add %n suggested sign</numerusform>
                <numerusform>Add %n suggested signs</numerusform>
            </translation>
        </message>
    </context>
</TS>
