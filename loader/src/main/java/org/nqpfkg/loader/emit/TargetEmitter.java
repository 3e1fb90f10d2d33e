package org.nqpfkg.loader.emit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.extract.Extraction.Evidence;
import org.nqpfkg.loader.extract.Extraction.Target;
import org.nqpfkg.loader.text.NormalisedText;

/**
 * Writes a document's dated targets. A target belongs to the document that sets it, so its IRI is minted
 * per document (id/target/DOC-YEAR-K, the K-th target for that year in text order: readable, and stable
 * when targets for other years are added or removed). Its horizon is an extracted link, so it gets a
 * statement with evidence like every other link.
 */
final class TargetEmitter {
    /** Writes a triple together with the nqpf:Statement that carries its evidence. */
    interface Statements { void add(Node s, Node p, Node o, Evidence e); }

    private final Graph g;
    private final String base;
    private final String docSlug;
    private final Node doc;
    private final NormalisedText text;
    private final Function<Evidence, Node> evidence;
    private final Statements statements;

    TargetEmitter(Graph g, String base, String docSlug, Node doc, NormalisedText text,
                  Function<Evidence, Node> evidence, Statements statements) {
        this.g = g;
        this.base = base;
        this.docSlug = docSlug;
        this.doc = doc;
        this.text = text;
        this.evidence = evidence;
        this.statements = statements;
    }

    void emit(List<Target> targets) {
        Map<Integer, Integer> perYear = new HashMap<>();
        for (Target t : targets) {
            String slug = docSlug + "-" + t.year() + "-" + perYear.merge(t.year(), 1, Integer::sum);
            Node n = NodeFactory.createURI(base + "id/target/" + slug);
            g.add(n, RDF.type.asNode(), Vocab.nqpf("Target"));
            g.add(n, RDFS.label.asNode(), NodeFactory.createLiteralLang(text.slice(t.evidence().start(), t.evidence().end()), "zh"));
            g.add(n, Vocab.nqpf("slug"), NodeFactory.createLiteralString(slug));
            g.add(n, Vocab.nqpf("targetYear"), NodeFactory.createLiteralDT(String.format("%04d", t.year()), XSDDatatype.XSDgYear));
            if (t.value() != null) g.add(n, Vocab.nqpf("targetValue"), NodeFactory.createLiteralString(t.value()));
            g.add(n, Vocab.prov("wasDerivedFrom"), doc);
            g.add(n, Vocab.nqpf("evidence"), evidence.apply(t.evidence()));
            if (t.horizon() != null) {
                Evidence e = t.evidence();
                statements.add(n, Vocab.nqpf("horizon"), NodeFactory.createURI(t.horizon().iri),
                        new Evidence(e.start(), e.end(), e.section(), "target-horizon"));
            }
        }
    }
}
