# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the meeting is mentioned in a meeting.
# shape: <https://w3id.org/acuerdos/shapes/Meeting-mentionedIn>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <meeting/2017-09-brussels> acu:mentionedIn <document/2017-06-08-final-act> .
} ;
INSERT DATA {
    <meeting/2017-09-brussels> acu:mentionedIn <meeting/2017-06-08-mexico> .
}
