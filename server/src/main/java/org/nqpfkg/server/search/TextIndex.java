package org.nqpfkg.server.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextDocProducerTriples;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.nqpfkg.loader.emit.GraphEmitter;
import org.nqpfkg.loader.link.Mentions;
import org.apache.jena.query.text.TextIndexDB;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.nqpfkg.loader.Vocab;

/**
 * The Lucene full-text index over the {@code nif:anchorOf} literals of sentences (and of any other span a
 * user writes), kept in step with the TDB2 store by jena-text. The loader's evidence quotes and mentions also
 * have a {@code nif:anchorOf}, but each is part of a sentence, and search, the report and the linker look for
 * sentences: indexing them too would more than double the index, and the time a load spends writing it, for
 * nothing. They are known by their IRIs ({@link GraphEmitter#EVIDENCE_PATH}, {@link Mentions#MENTION_PATH}),
 * so the choice is made per triple, without a lookup.
 *
 * <p>The index lives <b>inside the store folder</b>, in {@code <store>/text-index}: TDB2 only looks at its
 * own {@code Data-NNNN} folders, and keeping both in one folder means that deleting, copying or backing up
 * the store takes the index with it (a store folder that is deleted cannot leave a stale index behind).
 *
 * <p>{@link #datasetGraph()} is the TDB2 dataset wrapped by {@link TextDatasetFactory#create(DatasetGraph,
 * org.apache.jena.query.text.TextIndex, boolean)}: every add and delete through it (loads, SPARQL Update,
 * Graph Store writes) is mirrored in the index, and jena-text registers the index as a component of TDB2's
 * transaction coordinator, so index changes commit and abort with the TDB2 write transaction. Each
 * indexed triple carries a uid (hash of graph, subject, predicate, value, language) so that deleting a
 * triple, including by {@code removeGraph} when a document is reloaded, deletes its index entry; and the
 * graph name, so a {@code text:query} inside {@code GRAPH <g>} is limited to that graph.
 *
 * <p>Text is segmented with Lucene's {@link SmartChineseAnalyzer} for indexing and querying (the standard
 * analyzer makes one token per Han character and gives false hits). Values are stored, for highlighting.
 *
 * <p>At open time the index is checked against the store: if the number of indexed entries differs from
 * the number of indexed {@code nif:anchorOf} quads (a new or empty index folder beside a loaded store, or a
 * store written around the index, e.g. by plain TDB2 tools), the index is rebuilt from the store. (A count
 * check: a write around the index that changes text without changing the count is not noticed.)
 *
 * <p>One jena-text behaviour is corrected here: its TDB2 transaction component rolls the Lucene writer back
 * on any abort, a failed read's included, which would drop a concurrent write's index changes; see
 * {@link WriterScopedLucene}.
 */
public final class TextIndex implements AutoCloseable {
    /** Folder of the index inside the store folder. */
    public static final String FOLDER = "text-index";

    /** Lucene field names. */
    public static final String FIELD_ENTITY = "uri";
    public static final String FIELD_TEXT = "text";
    public static final String FIELD_GRAPH = "graph";
    public static final String FIELD_UID = "uid";
    public static final String FIELD_LANG = "lang";

    /** The one indexed predicate. */
    public static final Node ANCHOR_OF = Vocab.nif("anchorOf");

    private final Path folder;
    private final Directory directory;
    private final WriterScopedLucene lucene;
    /** The text-indexed dataset; for a detached index, the dataset it serves text:query for. */
    private final DatasetGraph dataset;
    private final long rebuilt;

    private TextIndex(Path folder, Directory directory, WriterScopedLucene lucene, DatasetGraph dataset, long rebuilt) {
        this.folder = folder;
        this.directory = directory;
        this.lucene = lucene;
        this.dataset = dataset;
        this.rebuilt = rebuilt;
    }

    /** The analyzer used for the index and for queries. */
    public static Analyzer analyzer() { return new SmartChineseAnalyzer(); }

    /** The jena-text entity definition: nif:anchorOf into field "text", with uid, graph and language fields. */
    public static EntityDefinition entityDefinition() {
        EntityDefinition def = new EntityDefinition(FIELD_ENTITY, FIELD_TEXT, FIELD_GRAPH, ANCHOR_OF);
        def.setUidField(FIELD_UID);
        def.setLangField(FIELD_LANG);
        return def;
    }

    /**
     * Wraps the TDB2 dataset of the store in {@code storeDir} with the text index in
     * {@code storeDir/text-index}, creating or rebuilding the index if needed. Call with no
     * transaction active, before anything else uses the dataset.
     */
    public static TextIndex open(DatasetGraph tdb2, Path storeDir) {
        Path folder = storeDir.resolve(FOLDER);
        Directory directory = null;
        WriterScopedLucene lucene = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            lucene = lucene(directory, folder, "the store is in use (is `kg serve` running on it?)");
            // Also registers the index with TDB2's transaction coordinator and puts it in the dataset's context
            // (shared with the TDB2 dataset), where text:query finds it.
            DatasetGraphText text = (DatasetGraphText) TextDatasetFactory.create(tdb2, lucene, true, new WithoutQuotes(lucene));
            try {
                long rebuilt = syncWithStore(tdb2, lucene, directory);
                return new TextIndex(folder, directory, lucene, text, rebuilt);
            } catch (IOException | RuntimeException e) {
                unregister(tdb2);
                throw e;
            }
        } catch (IOException e) {
            closeQuietly(lucene, directory);
            throw new UncheckedIOException("cannot open the text index in " + folder + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lucene, directory);
            throw e;
        }
    }

    /**
     * An index of its own in {@code folder} for a store it cannot wrap (a remote one, whose writes this process does
     * not all see): nothing mirrors writes into it; its owner keeps it in step graph by graph ({@link #replaceGraphs}).
     * It is put in {@code dsg}'s context, where {@code text:query} finds it.
     */
    public static TextIndex openDetached(DatasetGraph dsg, Path folder) {
        Directory directory = null;
        WriterScopedLucene lucene = null;
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            lucene = lucene(directory, folder, "another facade uses it (give each its own --index folder)");
            dsg.getContext().set(TextQuery.textIndex, lucene);
            return new TextIndex(folder, directory, lucene, dsg, 0);
        } catch (IOException e) {
            closeQuietly(lucene, directory);
            throw new UncheckedIOException("cannot open the text index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Detached index only: makes the entries of each of these graphs exactly the given {@code nif:anchorOf} quads
     * (none: the graph is gone) and commits, recording {@code commitData} with the commit; {@code all} clears every
     * graph first (a rebuild). One thread at a time (the owner serialises).
     */
    public synchronized void replaceGraphs(java.util.Map<Node, java.util.List<Quad>> anchors, boolean all, java.util.Map<String, String> commitData) {
        EntityDefinition def = lucene.getDocDef();
        try {
            var writer = lucene.getIndexWriter();
            if (all) writer.deleteAll();
            else for (Node g : anchors.keySet())
                writer.deleteDocuments(new org.apache.lucene.index.Term(FIELD_GRAPH, TextQueryFuncs.graphNodeToString(g)));
            for (java.util.List<Quad> quads : anchors.values())
                for (Quad quad : quads) {
                    Entity entity = entry(def, quad);
                    if (entity != null) lucene.addEntity(entity);
                }
            writer.setLiveCommitData(commitData.entrySet());
            lucene.commit();
        } catch (IOException | RuntimeException e) {
            lucene.rollbackAny();
            throw e instanceof IOException io ? new UncheckedIOException("cannot update the text index: " + io.getMessage(), io) : (RuntimeException) e;
        }
    }

    /** What the last commit of the index recorded (empty for a new index). */
    public java.util.Map<String, String> commitData() {
        try {
            if (!DirectoryReader.indexExists(directory)) return java.util.Map.of();
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index writer over {@code directory}; a folder another process holds is refused, saying {@code whoHoldsIt}. */
    private static WriterScopedLucene lucene(Directory directory, Path folder, String whoHoldsIt) {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        // The default analyzer, for indexing and queries; jena-text keeps keyword analysis for the uri,
        // graph and lang fields (a separate query analyzer would replace that and break graph filters).
        config.setAnalyzer(analyzer());
        config.setValueStored(true);
        try {
            return new WriterScopedLucene(directory, config);
        } catch (TextIndexException e) {
            if (e.getCause() instanceof LockObtainFailedException)
                throw new IllegalStateException("the text index " + folder + " is locked: " + whoHoldsIt, e);
            throw e;
        }
    }

    /** Takes the index out of TDB2's transactions again, so a failed open leaves no closed index behind in them. */
    private static void unregister(DatasetGraph tdb2) {
        try {
            TransactionCoordinator coord = TDBInternal.getTransactionCoordinator(tdb2);
            coord.modifyConfig(() -> coord.listExternals().stream().filter(c -> c instanceof TextIndexDB).toList()
                    .forEach(coord::removeExternal));
            tdb2.getContext().remove(TextQuery.textIndex);
        } catch (RuntimeException ignored) {
            // best effort on the way out of a failure
        }
    }

    /** The text-enabled dataset: use it for everything, reads and writes. */
    public DatasetGraph datasetGraph() { return dataset; }

    /**
     * Adds a quad inside a write transaction of {@link #datasetGraph()} without indexing it: for a graph whose
     * text {@link #indexFor} indexes, on another thread, in the same transaction.
     */
    public void addUnindexed(Quad quad) {
        if (dataset instanceof DatasetGraphText text) text.getWrapped().add(quad);
        else dataset.add(quad);
    }

    /**
     * Indexes the sentences of {@code graph}, stored as graph {@code graphName} by the write transaction of
     * {@code writer}, from any thread: the entries commit or roll back with that transaction. The graph must
     * not be in the store before the transaction (remove it first, through {@link #datasetGraph()}). A detached
     * index is kept in step by its owner: nothing to do.
     */
    public void indexFor(Thread writer, Node graphName, org.apache.jena.graph.Graph graph) {
        if (!(dataset instanceof DatasetGraphText)) return;
        EntityDefinition def = lucene.getDocDef();
        graph.find(Node.ANY, ANCHOR_OF, Node.ANY).forEach(t -> {
            Entity entity = entry(def, new Quad(graphName, t));
            if (entity != null) lucene.addEntityFor(writer, entity);
        });
    }

    /** The jena-text index object (for {@code text:query} and direct index access). */
    public TextIndexLucene luceneIndex() { return lucene; }

    public Path folder() { return folder; }

    /** Entries written by the rebuild at open time; 0 if the index was already in step with the store. */
    public long rebuiltAtOpen() { return rebuilt; }

    /** Committed entries in the index. */
    public long size() {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A reader over the committed index, to find the indexed spans (sentences, quotes) that contain all the
     * words of a phrase: the candidates a new concept name may be mentioned in, found at the cost of the hits.
     */
    public Candidates candidates() {
        try {
            return new Candidates(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text index: " + e.getMessage(), e);
        }
    }

    /** See {@link #candidates()}; close it when done. */
    public static final class Candidates implements AutoCloseable {
        /** The index's analyzer, made once: analyzers are thread-safe and a new one per phrase costs for nothing. */
        private static final Analyzer ANALYZER = analyzer();
        private final DirectoryReader reader;
        private final org.apache.lucene.search.IndexSearcher searcher;

        Candidates(DirectoryReader reader) {
            this.reader = reader;
            this.searcher = new org.apache.lucene.search.IndexSearcher(reader);
        }

        /** IRIs of the indexed subjects whose text has every word of {@code phrase} (as the analyzer cuts it). */
        public java.util.Set<String> containingAll(String phrase) {
            java.util.List<String> words = new java.util.ArrayList<>();
            try (var ts = ANALYZER.tokenStream(FIELD_TEXT, phrase)) {
                var term = ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) words.add(term.toString());
                ts.end();
                if (words.isEmpty()) return java.util.Set.of();
                var query = new org.apache.lucene.search.BooleanQuery.Builder();
                for (String w : words)
                    query.add(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(FIELD_TEXT, w)),
                            org.apache.lucene.search.BooleanClause.Occur.FILTER);
                var q = query.build();
                int hits = searcher.count(q);
                java.util.Set<String> out = new java.util.LinkedHashSet<>();
                if (hits == 0) return out;
                var stored = reader.storedFields();
                for (var sd : searcher.search(q, hits).scoreDocs) out.add(stored.document(sd.doc).get(FIELD_ENTITY));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot search the text index: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // a reader holds no lock; nothing to undo
            }
        }
    }

    /**
     * Rebuilds the index from the store's nif:anchorOf quads in a write transaction of its own (waiting for
     * any other writer); returns the number of entries. The calling thread must not be in a transaction.
     */
    public long rebuild() {
        return rebuild(baseOf(dataset), lucene);
    }

    private static DatasetGraph baseOf(DatasetGraph text) {
        if (!(text instanceof DatasetGraphText t)) throw new IllegalStateException("a detached index is rebuilt by its owner");
        return t.getWrapped();
    }

    private static long syncWithStore(DatasetGraph tdb2, WriterScopedLucene lucene, Directory directory) throws IOException {
        long quads = Txn.calculateRead(tdb2, () -> {
            long n = 0;
            for (Iterator<Quad> it = tdb2.find(Node.ANY, Node.ANY, ANCHOR_OF, Node.ANY); it.hasNext(); )
                if (indexes(it.next().getSubject())) n++;
            return n;
        });
        long indexed;
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            indexed = reader.numDocs();
        }
        return quads == indexed ? 0 : rebuild(tdb2, lucene);
    }

    /**
     * Rebuilds in a TDB2 write transaction: it keeps other writers out, and the index, registered with the
     * transaction coordinator, commits (or rolls back) with it.
     */
    private static long rebuild(DatasetGraph tdb2, WriterScopedLucene lucene) {
        EntityDefinition def = lucene.getDocDef();
        return Txn.calculateWrite(tdb2, () -> {
            lucene.deleteAllEntries();
            long count = 0;
            for (Iterator<Quad> it = tdb2.find(Node.ANY, Node.ANY, ANCHOR_OF, Node.ANY); it.hasNext(); ) {
                Entity entity = entry(def, it.next());
                if (entity == null) continue;
                lucene.addEntity(entity);
                count++;
            }
            return count;
        });
    }

    /** The index entry of a quad, or null where the index does not take it (not sentence text). */
    private static Entity entry(EntityDefinition def, Quad quad) {
        return indexes(quad.getSubject()) ? TextQueryFuncs.entityFromQuad(def, quad) : null;
    }

    /** Whether the {@code nif:anchorOf} of this subject is indexed: not if it is an evidence quote or a mention. */
    public static boolean indexes(Node subject) {
        if (!subject.isURI()) return true;
        String iri = subject.getURI();
        return !iri.contains(GraphEmitter.EVIDENCE_PATH) && !iri.contains(Mentions.MENTION_PATH);
    }

    /** jena-text's producer, passed only the triples of indexed subjects. */
    private static final class WithoutQuotes extends TextDocProducerTriples {
        WithoutQuotes(org.apache.jena.query.text.TextIndex index) { super(index); }

        @Override
        public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
            if (indexes(s)) super.change(action, g, s, p, o);
        }
    }

    /**
     * jena-text registers the index with TDB2's transaction coordinator, which calls its abort for every
     * aborted transaction, reads included, and that calls {@link TextIndexLucene#rollback()}, which discards
     * all uncommitted index changes. A read that fails (Jena's {@code Txn} aborts on an exception, and so does
     * Fuseki on a failed or timed-out query) would silently throw away the index changes of a write in
     * progress on another thread, leaving triples in TDB2 that the index does not have. TDB2 has one
     * writer at a time, so the pending changes belong to the thread that made them: only that thread's
     * abort rolls the index back.
     */
    static final class WriterScopedLucene extends TextIndexLucene {
        /** The thread whose index changes are not yet committed; null when there are none. */
        private volatile Thread writer;

        WriterScopedLucene(Directory directory, TextIndexConfig config) { super(directory, config); }

        @Override public void addEntity(Entity entity) { writer = Thread.currentThread(); super.addEntity(entity); }

        /** Adds an entry on behalf of {@code transactionThread}, whose transaction commits or rolls it back. */
        void addEntityFor(Thread transactionThread, Entity entity) {
            writer = transactionThread;
            super.addEntity(entity);
        }

        @Override public void updateEntity(Entity entity) { writer = Thread.currentThread(); super.updateEntity(entity); }
        @Override public void deleteEntity(Entity entity) { writer = Thread.currentThread(); super.deleteEntity(entity); }

        @Override
        public void commit() {
            super.commit();
            writer = null;
        }

        @Override
        public void rollback() {
            if (writer != Thread.currentThread()) return;   // another transaction's abort: not ours to undo
            writer = null;
            super.rollback();
        }

        /** Undoes uncommitted changes whichever thread made them (the detached index has one writer, its owner). */
        void rollbackAny() {
            writer = null;
            super.rollback();
        }

        void deleteAllEntries() {
            writer = Thread.currentThread();
            try {
                getIndexWriter().deleteAll();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clear the text index: " + e.getMessage(), e);
            }
        }
    }

    /** Closes the Lucene index (releasing its write lock); the TDB2 dataset is left to its owner. */
    @Override
    public void close() {
        closeQuietly(lucene, directory);
    }

    private static void closeQuietly(TextIndexLucene lucene, Directory directory) {
        try {
            if (lucene != null) lucene.close();
        } catch (RuntimeException ignored) {
            // already closed
        }
        try {
            if (directory != null) directory.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing more to release
        }
    }
}
