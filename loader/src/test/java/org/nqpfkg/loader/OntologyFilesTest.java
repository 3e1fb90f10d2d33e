package org.nqpfkg.loader;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

class OntologyFilesTest {
    private final OntologyFiles files = OntologyFiles.bundled();

    @Test
    void everyFileParses() {
        for (String file : OntologyFiles.GRAPHS.keySet()) assertFalse(files.graph(file).isEmpty(), file);
        Graph ctx = GraphFactory.createDefaultGraph();
        // The JSON-LD context must be usable: a document written with it parses to triples.
        var doc = org.apache.jena.atlas.json.JSON.parse(new String(files.bytes("context.jsonld"), java.nio.charset.StandardCharsets.UTF_8));
        doc.put("id", "https://w3id.org/nqpf-kg/id/x");
        var label = new org.apache.jena.atlas.json.JsonObject();
        label.put("zh", "机制");
        doc.put("label", label);
        RDFParser.fromString(doc.toString(), org.apache.jena.riot.Lang.JSONLD).parse(ctx);
        assertEquals(1, ctx.size());
    }

    @Test
    void everyOwnTermHasChineseAndEnglishLabelsAndOneComment() {
        Graph g = files.graph("nqpf.ttl");
        List<Node> terms = new ArrayList<>();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode()))
            g.find(Node.ANY, RDF.type.asNode(), type).mapWith(Triple::getSubject)
                    .filterKeep(n -> n.isURI() && n.getURI().startsWith(Vocab.NQPF)).forEach(terms::add);
        assertTrue(terms.size() > 40, "ontology declares its terms: " + terms.size());
        for (Node t : terms) {
            assertTrue(hasLabel(g, t, "zh"), t + " lacks a @zh label");
            assertTrue(hasLabel(g, t, "en"), t + " lacks a @en label");
            assertEquals(1, g.find(t, RDFS.comment.asNode(), Node.ANY).toList().size(), t + " needs exactly one comment");
        }
    }

    @Test
    void everyTermUsedInTheShapesIsDeclaredInTheOntology() {
        Graph onto = files.graph("nqpf.ttl");
        Graph shapes = files.graph("shapes.ttl");
        shapes.find().forEach(t -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject()))
                if (n.isURI() && n.getURI().startsWith(Vocab.NQPF))
                    assertTrue(onto.contains(n, RDF.type.asNode(), Node.ANY), "shapes use undeclared " + n);
        });
    }

    @Test
    void vocabularyTypesOnlyTheFixedReferenceTerms() {
        Graph vocab = files.graph("vocabulary.ttl");
        List<String> allowed = List.of("Level", "Lens", "Horizon", "ManifestationKind");
        vocab.find(Node.ANY, RDF.type.asNode(), Node.ANY).forEach(t -> {
            Node type = t.getObject();
            if (type.isURI() && type.getURI().startsWith(Vocab.NQPF))
                assertTrue(allowed.contains(type.getLocalName()), "vocabulary creates an individual of " + type + ": " + t.getSubject());
        });
    }

    private static boolean hasLabel(Graph g, Node term, String lang) {
        return g.find(term, RDFS.label.asNode(), Node.ANY)
                .filterKeep(tr -> tr.getObject().isLiteral() && lang.equals(tr.getObject().getLiteralLanguage())).hasNext();
    }
}
