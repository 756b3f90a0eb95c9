# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: an organisation's IRI has an underscore.
# shape: <https://w3id.org/acuerdos/shapes/InternationalOrganisation>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

DELETE DATA {
    <organisation/iom-ro-san-jose> a acu:InternationalOrganisation .
    <organisation/iom-ro-san-jose> rdfs:label "IOM Regional Office in San José"@en .
    <organisation/iom-ro-san-jose> rdfs:label "Oficina Regional de la OIM en San José"@es .
    <organisation/iom-ro-san-jose> org:subOrganizationOf <organisation/iom> .
} ;
INSERT DATA {
    <organisation/iom_ro_san_jose> a acu:InternationalOrganisation .
    <organisation/iom_ro_san_jose> rdfs:label "IOM Regional Office in San José"@en .
    <organisation/iom_ro_san_jose> rdfs:label "Oficina Regional de la OIM en San José"@es .
    <organisation/iom_ro_san_jose> org:subOrganizationOf <organisation/iom> .
}
