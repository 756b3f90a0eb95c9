# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the conference's IRI is not <conference/{slug}>.
# shape: <https://w3id.org/acuerdos/shapes/Conference>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

DELETE DATA {
    <body/crm/ppt> org:unitOf <conference/crm> .
    <conference/crm> a acu:Conference .
    <conference/crm> rdfs:label "Conferencia Regional sobre Migración"@es .
    <conference/crm> rdfs:label "Regional Conference on Migration"@en .
    <conference/crm> acu:acronym "CRM"@es .
    <conference/crm> acu:acronym "RCM"@en .
    <conference/crm> acu:foundingYear "1996"^^xsd:gYear .
    <meeting/2017-06-08-mexico> acu:conference <conference/crm> .
} ;
INSERT DATA {
    <body/crm/ppt> org:unitOf <conference/CRM_> .
    <conference/CRM_> a acu:Conference .
    <conference/CRM_> rdfs:label "Conferencia Regional sobre Migración"@es .
    <conference/CRM_> rdfs:label "Regional Conference on Migration"@en .
    <conference/CRM_> acu:acronym "CRM"@es .
    <conference/CRM_> acu:acronym "RCM"@en .
    <conference/CRM_> acu:foundingYear "1996"^^xsd:gYear .
    <meeting/2017-06-08-mexico> acu:conference <conference/CRM_> .
}
