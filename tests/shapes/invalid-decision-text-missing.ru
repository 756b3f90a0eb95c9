# Broken fixture for tests/test_shapes.py, a patch to valid-minimal.ttl: the decision has no text.
# shape: <https://w3id.org/acuerdos/shapes/Decision-text>
# severity: Violation

BASE <https://w3id.org/acuerdos/>
PREFIX acu: <https://w3id.org/acuerdos/ontology#>

DELETE DATA {
    <decision/2017-06-08-mexico/agreement-1> acu:text "Enviar los insumos a más tardar el 12 de junio."@es .
}
