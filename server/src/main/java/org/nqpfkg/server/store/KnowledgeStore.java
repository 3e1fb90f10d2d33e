package org.nqpfkg.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.OntologyFiles;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.link.ConceptTable;
import org.nqpfkg.loader.validate.ShaclGate;
import org.nqpfkg.server.remote.IndexFollower;
import org.nqpfkg.server.remote.RemoteDatasetGraph;
import org.nqpfkg.server.remote.RemoteEndpoints;
import org.nqpfkg.server.search.TextIndex;

/**
 * The store: a local TDB2 database, or a remote SPARQL 1.1 store ({@link #openRemote}). The ontology files in graphs of their own, one named graph per loaded source,
 * and the union of all graphs as the default graph for queries. Every write is one transaction.
 * The dataset is wrapped by the full-text index ({@link TextIndex}, in {@code <store>/text-index}):
 * every write through {@link #datasetGraph()} also updates the index, in the same transaction.
 *
 * <p>Over a remote store ({@link RemoteDatasetGraph}) the same code runs: the dataset buffers a write transaction
 * and commits it as one update request; the version is the store's own ({@link org.nqpfkg.server.remote.StoreVersion}),
 * read by every facade; and the text index lives in a local folder, brought up to date by {@link IndexFollower}
 * whenever that version moves, whoever moved it.
 */
public final class KnowledgeStore implements AutoCloseable {
    private static final Node SYSTEM = NodeFactory.createURI(Vocab.SYSTEM_GRAPH);
    private static final Node SHA256 = Vocab.nqpf("sha256");
    private static final Node RDF_TYPE = org.apache.jena.vocabulary.RDF.type.asNode();
    private static final Node DOCUMENT = Vocab.nqpf("Document");

    /** The TDB2 dataset itself; only for connection management. Null over a remote store. */
    private final DatasetGraph tdb2;
    /** The remote store, or null for TDB2. */
    private final RemoteDatasetGraph remote;
    /** Keeps the local text index in step with the remote store; null for TDB2. */
    private final IndexFollower follower;
    /** The remote store version this facade's index and concept table are in step with. */
    private long seenRemote = -1;
    private final TextIndex textIndex;
    /** The text-indexed dataset over {@link #tdb2}: all reads and writes go through it. */
    private final DatasetGraph dsg;
    private final Path dir;
    private final OntologyFiles ontology;
    private final ShaclGate gate;
    /** Keeps every document's mentions in step with the concepts of the whole store. */
    private final CorpusLinker linker;
    /** Bumped on every committed change; caches and ETags key on it. Over a remote store, the store's version is used instead. */
    private final AtomicLong version = new AtomicLong(System.currentTimeMillis());
    /** Quads and documents per version, counted in the background so that asking costs nothing. */
    private final StoreSize size = new StoreSize(this::version, this::countNow);
    /** What VoID and the service description count, once per version. */
    private final DatasetStats stats;
    /** Told what each committed change touched, so that read models keep what it did not. */
    private final List<ChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Hears of every committed change, with the version it made. */
    public interface ChangeListener {
        /**
         * @param touched every IRI that is a subject or object of a quad the change added or removed (the
         *                mentions a load relinks in stored documents point at concepts of the graphs it wrote,
         *                so they are among them); null when that is not known and anything may have changed
         */
        void changed(long version, java.util.Set<String> touched);
    }

    public void addChangeListener(ChangeListener listener) { listeners.add(listener); }

    public void removeChangeListener(ChangeListener listener) { listeners.remove(listener); }

    private void tell(long v, java.util.Set<String> touched) {
        for (ChangeListener l : listeners) {
            try {
                l.changed(v, touched);
            } catch (RuntimeException e) {
                // A listener that cannot keep up must not undo a committed write; it sees the new version and starts over.
                org.slf4j.LoggerFactory.getLogger(KnowledgeStore.class).warn("a change listener failed", e);
            }
        }
    }

    private KnowledgeStore(Path dir, OntologyFiles ontology) {
        this.dir = dir;
        this.ontology = ontology;
        this.tdb2 = DatabaseMgr.connectDatasetGraph(dir.toString());
        tdb2.getContext().set(TDB2.symUnionDefaultGraph, true);
        this.textIndex = TextIndex.open(tdb2, dir);
        this.dsg = textIndex.datasetGraph();
        this.remote = null;
        this.follower = null;
        this.gate = new ShaclGate(ontology);
        this.linker = new CorpusLinker(ontology);
        this.stats = new DatasetStats(dsg, this::version);
    }

    private KnowledgeStore(RemoteEndpoints endpoints, Path localDir, OntologyFiles ontology) {
        this.dir = localDir;
        this.ontology = ontology;
        this.tdb2 = null;
        this.remote = new RemoteDatasetGraph(endpoints);
        this.dsg = remote;
        this.textIndex = TextIndex.openDetached(remote, localDir.resolve(TextIndex.FOLDER));
        this.follower = new IndexFollower(endpoints, textIndex);
        this.gate = new ShaclGate(ontology);
        this.linker = new CorpusLinker(ontology);
        this.stats = new DatasetStats(dsg, this::version);
    }

    /**
     * Opens a remote SPARQL 1.1 store (whose default graph must be the union of its named graphs), with this
     * facade's text index, dumps and other local files in {@code localDir}; brings the index and the ontology
     * graphs up to date.
     */
    public static KnowledgeStore openRemote(RemoteEndpoints endpoints, Path localDir, OntologyFiles ontology) {
        try {
            Files.createDirectories(localDir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create the local folder " + localDir + ": " + e.getMessage(), e);
        }
        KnowledgeStore store = new KnowledgeStore(endpoints, localDir, ontology);
        try {
            long v = store.remote.version().current();
            store.follower.open(v);
            store.seenRemote = v;
            // Before writing anything (a store that holds graphs already), and after (one that was empty).
            store.remote.checkUnionDefaultGraph();
            store.syncOntology();
            store.remote.checkUnionDefaultGraph();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Whether the store is a remote one (no TDB2 maintenance then). */
    public boolean isRemote() { return remote != null; }

    /** The remote store's endpoints, or null for TDB2. */
    public RemoteEndpoints remoteEndpoints() { return remote == null ? null : remote.endpoints(); }

    /** Opens (creating if needed) the store in {@code dir} and brings the ontology graphs up to date. */
    public static KnowledgeStore open(Path dir, OntologyFiles ontology) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create store folder " + dir + ": " + e.getMessage(), e);
        }
        KnowledgeStore store = new KnowledgeStore(dir, ontology);
        store.syncOntology();
        return store;
    }

    public DatasetGraph datasetGraph() { return dsg; }
    public Path dir() { return dir; }
    public ShaclGate gate() { return gate; }
    public TextIndex textIndex() { return textIndex; }
    public OntologyFiles ontology() { return ontology; }
    /**
     * The store version caches key on. Over a remote store it is read from the store, so that a write through any
     * facade is seen by the next request here; when it moved, the text index and the concept table catch up first.
     */
    public long version() {
        if (remote == null) return version.get();
        long v = remote.version().current();
        if (v != seenRemote) caughtUpWith(v, true);
        return v;
    }

    /** Brings what this facade keeps per version (text index, concept table) to remote version {@code v}. */
    private synchronized void caughtUpWith(long v, boolean othersMayHaveWritten) {
        if (v == seenRemote) return;
        follower.catchUp(v);
        if (othersMayHaveWritten) linker.invalidate();
        seenRemote = Math.max(seenRemote, v);
    }

    /**
     * After a commit of this facade: a new version, and the listeners told what it touched (null: not known);
     * they hear of it before readers can see the version. Over a remote store, the index follows the store's
     * version; if another facade also wrote in between, what changed is not known.
     */
    private synchronized void committed(java.util.Set<String> touched) {
        if (remote == null) {
            long v = version.get() + 1;
            tell(v, touched);
            version.set(v);
            return;
        }
        long before = seenRemote;
        long v = remote.version().current();
        // Exactly one version later: only this commit happened, and the concept table already has it.
        boolean onlyOurs = v == before + 1;
        tell(v, onlyOurs ? touched : null);
        caughtUpWith(v, !onlyOurs);
    }

    public StoreSize size() { return size; }
    public DatasetStats stats() { return stats; }
    /**
     * Where the last load's time went, in milliseconds (for benchmarks): linking, then writing the quads to TDB2
     * while validation and text indexing ran beside it (their own times, which overlap the write), waiting for
     * them after the write, relinking stored documents, committing.
     */
    public record LoadTimes(double link, double validate, double index, double write, double waited, double relink, double commit) {}

    private static double ms(long from, long to) { return (to - from) / 1e6; }

    private volatile LoadTimes lastLoad = new LoadTimes(0, 0, 0, 0, 0, 0, 0);

    public LoadTimes lastLoadTimes() { return lastLoad; }

    /** What linking cost in the last load (for benchmarks). */
    public CorpusLinker.Stats lastLinkStats() { return linker.last(); }

    /**
     * Every Chinese name of every concept the store holds (labels, aliases, label heads), as the mention
     * linker matches them. Built once and kept until the store changes, so a load right after costs nothing more.
     */
    public ConceptTable.Index conceptIndex() {
        return Txn.calculateRead(dsg, () -> linker.index(dsg));
    }

    /**
     * Reloads each ontology file, and each linkset file ({@code links/}), whose content differs from what the store
     * holds; returns the files reloaded.
     */
    public List<String> syncOntology() {
        List<String> reloaded = new ArrayList<>();
        Txn.executeWrite(dsg, () -> {
            for (Map.Entry<String, String> e : OntologyFiles.GRAPHS.entrySet())
                if (syncGraph(e.getValue(), ontology.bytes(e.getKey()), () -> ontology.graph(e.getKey()))) reloaded.add(e.getKey());
            for (Map.Entry<String, String> e : ontology.linksets().entrySet())
                if (syncGraph(e.getValue(), ontology.linksetBytes(e.getKey()), () -> withSource(ontology.linkset(e.getKey()), e)))
                    reloaded.add("links/" + e.getKey());
        });
        if (!reloaded.isEmpty()) {
            linker.invalidate();
            committed(null);
        }
        return reloaded;
    }

    /** Replaces one data file's graph if the file changed since it was loaded (its hash is kept in the system graph). */
    private boolean syncGraph(String graphIri, byte[] bytes, java.util.function.Supplier<Graph> graph) {
        Node graphName = NodeFactory.createURI(graphIri);
        String hash = org.nqpfkg.loader.Hashes.sha256(bytes);
        Node stored = storedHash(graphName);
        if (stored != null && stored.getLiteralLexicalForm().equals(hash)) return false;
        Graph g = graph.get();
        dsg.removeGraph(graphName);
        g.find().forEach(t -> dsg.add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
        dsg.deleteAny(SYSTEM, graphName, SHA256, Node.ANY);
        dsg.add(SYSTEM, graphName, SHA256, NodeFactory.createLiteralString(hash));
        return true;
    }

    /** A linkset graph says which file it was loaded from; the file itself cites the sources of every link. */
    private static Graph withSource(Graph g, Map.Entry<String, String> file) {
        g.add(NodeFactory.createURI(file.getValue()), Vocab.dct("source"), NodeFactory.createLiteralString("links/" + file.getKey()));
        g.add(NodeFactory.createURI(file.getValue()), RDF_TYPE, Vocab.prov("Entity"));
        return g;
    }

    private Node storedHash(Node graphName) {
        var it = dsg.find(SYSTEM, graphName, SHA256, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /**
     * Links every unit to the concepts the store will hold, validates it, then replaces the units' graphs and
     * brings the mentions of documents already stored up to date, all in one transaction. If any unit fails
     * validation, or anything goes wrong while writing, the store is left exactly as it was.
     */
    public void replace(List<LoadUnit> units) throws LoadException {
        write(units, true);
    }

    /** A document that is already in the store: loading it again replaces it, which must be asked for. */
    public static final class AlreadyStored extends LoadException {
        AlreadyStored(String message) { super(message); }
    }

    /**
     * As {@link #replace}, but only documents the store does not hold yet: if any unit would replace a stored
     * graph, nothing is written and {@link AlreadyStored} names them.
     */
    public void add(List<LoadUnit> units) throws LoadException {
        write(units, false);
    }

    private void write(List<LoadUnit> units, boolean mayReplace) throws LoadException {
        Map<String, Graph> incoming = new java.util.LinkedHashMap<>();
        for (LoadUnit unit : units)
            for (Map.Entry<String, Graph> e : unit.graphs().entrySet()) {
                if (isReserved(e.getKey())) throw new LoadException(unit.source() + ": may not write the reserved graph " + e.getKey());
                incoming.put(e.getKey(), e.getValue());
            }
        if (remote != null) version();  // another facade may have written since: start from what the store holds now
        java.util.Set<String> touched = listeners.isEmpty() ? null : new java.util.HashSet<>();
        dsg.begin(ReadWrite.WRITE);
        try {
            if (!mayReplace) refuseReplacing(units);
            long t0 = System.nanoTime();
            CorpusLinker.Change change = linker.prepare(dsg, incoming);
            long t1 = System.nanoTime();
            Map<Node, Graph> graphs = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Graph> e : incoming.entrySet()) {
                Node graphName = NodeFactory.createURI(e.getKey());
                graphs.put(graphName, e.getValue());
                if (touched != null) {
                    addIris(touched, dsg.getGraph(graphName));
                    addIris(touched, e.getValue());
                }
                // Through the text index, so that the replaced graph's sentences leave it before the new ones go in.
                dsg.removeGraph(graphName);
            }
            // TDB2 takes one writer thread: while it writes the quads, the units are validated and their sentences
            // indexed on the other cores. Nothing is committed before both are done and every unit conforms.
            Thread writer = Thread.currentThread();
            Beside<List<ShaclGate.Verdict>> verdicts = Beside.start("kg-load-validate",
                    () -> units.parallelStream().map(u -> gate.check(new ArrayList<>(u.graphs().values()))).toList());
            Beside<Void> indexing = Beside.start("kg-load-text-index", () -> {
                graphs.forEach((name, g) -> textIndex.indexFor(writer, name, g));
                return null;
            });
            long t2;
            try {
                graphs.forEach((name, g) -> g.find().forEach(t -> textIndex.addUnindexed(new Quad(name, t))));
                t2 = System.nanoTime();
            } finally {
                // Waited for even when the write failed: no index entry may arrive after the abort.
                verdicts.awaitQuietly();
                indexing.awaitQuietly();
            }
            for (int i = 0; i < units.size(); i++) {
                LoadUnit unit = units.get(i);
                ShaclGate.Verdict verdict = verdicts.result().get(i);
                if (!verdict.conforms()) {
                    List<String> problems = verdict.problems();
                    throw new LoadException(unit.source() + ": fails SHACL validation (" + problems.size() + " problem(s)):\n  "
                            + String.join("\n  ", problems.subList(0, Math.min(20, problems.size())))
                            + (problems.size() > 20 ? "\n  ..." : ""));
                }
            }
            indexing.result();
            long t3 = System.nanoTime();
            linker.relink(dsg, textIndex, incoming.keySet(), change);
            long t4 = System.nanoTime();
            dsg.commit();
            long t5 = System.nanoTime();
            lastLoad = new LoadTimes(ms(t0, t1), verdicts.millis(), indexing.millis(), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5));
        } catch (RuntimeException | LoadException e) {
            dsg.abort();
            linker.invalidate();
            throw e;
        } finally {
            dsg.end();
        }
        committed(touched);
    }

    private static void addIris(java.util.Set<String> into, Graph g) {
        g.find().forEachRemaining(t -> {
            if (t.getSubject().isURI()) into.add(t.getSubject().getURI());
            if (t.getObject().isURI()) into.add(t.getObject().getURI());
        });
    }

    private void refuseReplacing(List<LoadUnit> units) throws AlreadyStored {
        List<String> stored = alreadyStored(units);
        if (!stored.isEmpty())
            throw new AlreadyStored("already in the store, and replacing was not asked for: " + String.join(", ", stored));
    }

    /** Whether the store holds a graph of any of these units: writing them would replace it. */
    public boolean holdsAny(List<LoadUnit> units) {
        return Txn.calculateRead(dsg, () -> !alreadyStored(units).isEmpty());
    }

    /** "source (graph)" for each graph of these units the store holds; call inside a transaction. */
    private List<String> alreadyStored(List<LoadUnit> units) {
        List<String> stored = new ArrayList<>();
        for (LoadUnit unit : units)
            for (String graph : unit.graphs().keySet())
                if (dsg.containsGraph(NodeFactory.createURI(graph))) stored.add(unit.source() + " (" + graph + ")");
        return stored;
    }

    /** The ontology and linkset graphs and the store's bookkeeping: written by the store itself, never by a load or an update. */
    public static boolean isReserved(String graph) {
        return OntologyFiles.GRAPHS.containsValue(graph) || graph.equals(Vocab.SYSTEM_GRAPH) || graph.startsWith(OntologyFiles.LINKSET_GRAPHS);
    }

    /**
     * Validates each source graph on its own, with the ontology and vocabulary, as a load does:
     * two documents may legitimately disagree, so the union is not one validation target.
     */
    public Map<String, ShaclGate.Verdict> validate() {
        return Txn.calculateRead(dsg, () -> {
            Map<String, ShaclGate.Verdict> verdicts = new java.util.TreeMap<>();
            dsg.listGraphNodes().forEachRemaining(n -> {
                if (!isReserved(n.getURI())) verdicts.put(n.getURI(), gate.check(List.of(dsg.getGraph(n))));
            });
            return verdicts;
        });
    }

    /** Names of the source graphs (everything but the ontology and linkset files and system bookkeeping). */
    public List<String> sourceGraphs() {
        return Txn.calculateRead(dsg, () -> {
            List<String> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(n -> { if (!isReserved(n.getURI())) names.add(n.getURI()); });
            return names;
        });
    }

    /** Every quad of the store, counted now: as long as the store is large. Readers that must not wait use {@link #size()}. */
    public long quadCount() { return countNow().quads(); }

    private StoreSize.Counts countNow() {
        if (remote != null) return countRemote();
        return Txn.calculateRead(dsg, () -> {
            long quads = 0;
            var it = dsg.find();
            while (it.hasNext()) { it.next(); quads++; }
            // A document may be typed in more than one graph; it is one document.
            java.util.Set<Node> documents = new java.util.HashSet<>();
            dsg.find(Node.ANY, Node.ANY, RDF_TYPE, DOCUMENT).forEachRemaining(q -> documents.add(q.getSubject()));
            return new StoreSize.Counts(quads, documents.size());
        });
    }

    /** Counted by the remote store itself: one query each, not every quad over the wire. */
    private StoreSize.Counts countRemote() {
        return new StoreSize.Counts(countQuery("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"),
                countQuery("SELECT (COUNT(DISTINCT ?d) AS ?n) { GRAPH ?g { ?d a <" + DOCUMENT.getURI() + "> } }"));
    }

    private long countQuery(String query) {
        try (var qe = org.apache.jena.sparql.exec.QueryExec.dataset(dsg).query(query).build()) {
            return Long.parseLong(qe.select().next().get("n").getLiteralLexicalForm());
        }
    }

    /**
     * Rewrites the store's data into a new generation and deletes the old one: TDB2 never reuses the space of
     * replaced or aborted writes (reloads, failed loads), so a store that has seen many grows until compacted.
     * Waits for writers; readers go on. Returns the bytes the store folder held before and after.
     */
    public long[] compact() {
        if (remote != null)
            throw new IllegalStateException("kg compact works on a local TDB2 store; the remote store " + remote.endpoints()
                    + " reclaims space by its own means");
        long before = folderBytes();
        org.apache.jena.tdb2.DatabaseMgr.compact(tdb2, true);
        return new long[] {before, folderBytes()};
    }

    private long folderBytes() {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot measure the store folder " + dir, e);
        }
    }

    /** Called when something outside this class (SPARQL Update, GSP) may have changed the store. */
    public void touched() {
        linker.invalidate();
        committed(null);
    }

    @Override
    public void close() {
        size.close();
        // Lucene holds a write lock on the index folder until its writer is closed.
        textIndex.close();
        // TDB2 caches the connection for the JVM; expelling it releases the folder for a later open.
        if (tdb2 != null) org.apache.jena.tdb2.sys.TDBInternal.expel(tdb2);
    }
}
