# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: a theme assignment's IRI names another theme than the one it assigns.
# shape: <https://w3id.org/acuerdos/shapes/ThemeAssignment-iri-form>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE {
    <decision/2017-06-08-mexico/agreement-2/theme/regional-inter-regional-cooperation> ?p ?o .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment <decision/2017-06-08-mexico/agreement-2/theme/regional-inter-regional-cooperation> .
}
INSERT {
    <decision/2017-06-08-mexico/agreement-2/theme/gcm-objective-23> ?p ?o .
    <decision/2017-06-08-mexico/agreement-2> acu:themeAssignment <decision/2017-06-08-mexico/agreement-2/theme/gcm-objective-23> .
}
WHERE {
    <decision/2017-06-08-mexico/agreement-2/theme/regional-inter-regional-cooperation> ?p ?o .
}
