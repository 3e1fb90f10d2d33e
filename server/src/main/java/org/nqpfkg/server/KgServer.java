package org.nqpfkg.server;

import org.nqpfkg.server.api.Facade;
import org.nqpfkg.server.api.FacadeSettings;
import org.nqpfkg.server.queries.NamedQueries;
import org.nqpfkg.server.sparql.SparqlServer;
import org.nqpfkg.server.store.KnowledgeStore;

/** Fuseki and the facade over one store, started and stopped together. */
public final class KgServer {
    private final KnowledgeStore store;
    private final SparqlServer sparql;
    private final Facade facade;

    private KgServer(KnowledgeStore store, SparqlServer sparql, Facade facade) {
        this.store = store;
        this.sparql = sparql;
        this.facade = facade;
    }

    public static Builder builder(KnowledgeStore store) { return new Builder(store); }

    public KgServer start() {
        // Counted once here, while nobody waits on it: from then on /api/health reads the last count and never scans.
        store.size().count();
        sparql.start();
        facade.start();
        return this;
    }

    public int port() { return facade.port(); }
    public int sparqlPort() { return sparql.port(); }
    public org.nqpfkg.server.api.ResponseCache responseCache() { return facade.responseCache(); }

    public void stop() {
        facade.stop();
        sparql.stop();
    }

    public static final class Builder {
        private final KnowledgeStore store;
        private final SparqlServer.Builder sparql;
        private FacadeSettings facade = FacadeSettings.defaults();
        private NamedQueries queries;

        private Builder(KnowledgeStore store) {
            this.store = store;
            this.sparql = SparqlServer.builder(store);
        }

        /** 0 picks a free port (tests). */
        public Builder port(int port) { this.facade = facade.withPort(port); return this; }
        public Builder corsOrigins(java.util.List<String> origins) {
            this.facade = facade.withCorsOrigins(origins);
            sparql.corsOrigins(origins);
            return this;
        }
        /** The named queries the facade serves; the copy bundled in the jar when not set. */
        public Builder queries(NamedQueries q) { this.queries = q; return this; }
        /** Heap the response cache may fill, in bytes; 0 turns it off. */
        public Builder cacheBytes(long bytes) { this.facade = facade.withCacheBytes(bytes); return this; }
        /** Responses rendered at once (at least 1). */
        public Builder renderLimit(int limit) { this.facade = facade.withRenderLimit(limit); return this; }
        public Builder sparqlPort(int port) { sparql.port(port); return this; }
        /** Where both ports listen, the per-client rate and password throttle, what SERVICE and LOAD may reach. */
        public Builder doors(org.nqpfkg.server.doors.DoorSettings doors) {
            sparql.doors(doors);
            this.facade = facade.withDoors(doors);
            return this;
        }
        public Builder queryTimeoutMillis(long ms) { sparql.timeoutMillis(ms); return this; }
        public Builder resultCap(long cap) { sparql.resultCap(cap); return this; }
        public Builder adminPassword(String password) {
            sparql.adminPassword(password);
            this.facade = facade.withAdminPassword(password);
            return this;
        }

        public KgServer build() {
            // Each server links to the other (the query editor to the endpoint, the endpoint's root to the home page),
            // and either may pick its port only when it starts: each reads the other's port when asked.
            java.util.concurrent.atomic.AtomicReference<Facade> facadeRef = new java.util.concurrent.atomic.AtomicReference<>();
            SparqlServer endpoint = sparql.homePort(() -> facadeRef.get().port()).build();
            Facade f = Facade.create(store, queries == null ? NamedQueries.bundled() : queries, facade, endpoint::port);
            facadeRef.set(f);
            return new KgServer(store, endpoint, f);
        }
    }
}
