<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <source>%n zones</source>
            <translation>
                <numerusform>%n zone</numerusform>
                <numerusform>%n zones</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n walls</source>
            <translation>
                <numerusform>%n wall</numerusform>
                <numerusform>%n walls</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n openings</source>
            <translation>
                <numerusform>%n opening</numerusform>
                <numerusform>%n openings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n cameras</source>
            <translation>
                <numerusform>%n camera</numerusform>
                <numerusform>%n cameras</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n signs</source>
            <translation>
                <numerusform>%n sign</numerusform>
                <numerusform>%n signs</numerusform>
            </translation>
        </message>
    </context>
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
    <context>
        <name>FindingsPanel</name>
        <message numerus="yes">
            <source>Findings (%n)</source>
            <translation>
                <numerusform>Findings (%n)</numerusform>
                <numerusform>Findings (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n errors</source>
            <translation>
                <numerusform>%n error</numerusform>
                <numerusform>%n errors</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warnings</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PropertiesPanel</name>
        <message numerus="yes">
            <source>%n items selected</source>
            <translation>
                <numerusform>%n item selected</numerusform>
                <numerusform>%n items selected</numerusform>
            </translation>
        </message>
    </context>
</TS>
