package org.nqpfkg.server.store;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.RDF;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.report.Background;
import org.nqpfkg.server.search.TextIndex;

/**
 * The documents a store already holds, as the background a load's terms are ranked against. How many
 * use a term is found through the text index, so each question costs what its hits cost, not what the
 * corpus costs; a hit counts only where the stored sentence has the term's exact words. Documents
 * that the load replaces are left out: they are the load's own. Close it when done.
 */
public final class StoredDocuments implements Background, AutoCloseable {
    private static final Node DOCUMENT = Vocab.nqpf("Document");

    private final DatasetGraph dsg;
    private final TextIndex.Candidates candidates;
    private final Set<String> excluded;
    private final int documents;

    /** @param excluded names of the graphs being loaded */
    public StoredDocuments(KnowledgeStore store, Set<String> excluded) {
        this.dsg = store.datasetGraph();
        this.excluded = Set.copyOf(excluded);
        this.documents = Txn.calculateRead(dsg, () -> {
            Set<Node> graphs = new HashSet<>();
            for (Iterator<Quad> it = dsg.find(Node.ANY, Node.ANY, RDF.type.asNode(), DOCUMENT); it.hasNext(); ) {
                Node g = it.next().getGraph();
                if (g.isURI() && !this.excluded.contains(g.getURI())) graphs.add(g);
            }
            return graphs.size();
        });
        this.candidates = store.textIndex().candidates();
    }

    @Override
    public int documents() { return documents; }

    @Override
    public int documentsContaining(String term) {
        return Txn.calculateRead(dsg, () -> {
            Set<Node> graphs = new HashSet<>();
            for (String iri : candidates.containingAll(term))
                for (Iterator<Quad> it = dsg.find(Node.ANY, NodeFactory.createURI(iri), TextIndex.ANCHOR_OF, Node.ANY); it.hasNext(); ) {
                    Quad q = it.next();
                    if (q.getGraph().isURI() && !excluded.contains(q.getGraph().getURI()) && q.getObject().isLiteral()
                            && q.getObject().getLiteralLexicalForm().contains(term)) graphs.add(q.getGraph());
                }
            return graphs.size();
        });
    }

    @Override
    public void close() { candidates.close(); }
}
