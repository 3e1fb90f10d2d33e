package org.nqpfkg.server.sparql;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.nqpfkg.server.doors.ClientDoor;
import org.nqpfkg.server.doors.DoorSettings;
import org.nqpfkg.server.doors.QueryLanes;
import org.nqpfkg.server.doors.ServiceDoor;
import org.nqpfkg.server.store.KnowledgeStore;

/**
 * The SPARQL 1.1 endpoint: embedded Fuseki serving the store at {@code /kg}. Reads are public;
 * SPARQL Update, Graph Store writes and uploads need HTTP basic credentials, and without a
 * configured password they are not offered at all. Every write passes the SHACL gate
 * ({@link ShapeCheckedDataset}); the doors ({@link DoorSettings}) bound what any client can make it do.
 */
public final class SparqlServer {
    public static final String DATASET = "/kg";
    public static final String ADMIN_USER = "admin";

    private final FusekiServer fuseki;
    private final QueryLanes lanes;

    private SparqlServer(FusekiServer fuseki, QueryLanes lanes) {
        this.fuseki = fuseki;
        this.lanes = lanes;
    }

    public static Builder builder(KnowledgeStore store) { return new Builder(store); }

    public int port() { return fuseki.getHttpPort(); }
    public boolean writable() { return fuseki.getDataAccessPointRegistry().get(DATASET).getDataService()
            .getEndpoints(Operation.Update).size() > 0; }

    public SparqlServer start() { fuseki.start(); return this; }
    public void stop() {
        fuseki.stop();
        lanes.close();
    }

    public static final class Builder {
        private final KnowledgeStore store;
        private int port = 3030;
        private long timeoutMillis = 30_000;
        private long resultCap = 10_000;
        private String adminPassword;
        private DoorSettings doors = DoorSettings.defaults();
        private java.util.List<String> corsOrigins = java.util.List.of("*");
        private java.util.function.IntSupplier homePort;

        private Builder(KnowledgeStore store) { this.store = store; }

        public Builder port(int port) { this.port = port; return this; }
        public Builder timeoutMillis(long ms) { this.timeoutMillis = ms; return this; }
        public Builder resultCap(long cap) { this.resultCap = cap; return this; }
        /** Null or empty keeps the endpoint read-only. */
        public Builder adminPassword(String password) { this.adminPassword = password; return this; }
        /** Where it listens, how fast a client may call, what SERVICE and LOAD may reach. */
        public Builder doors(DoorSettings d) { this.doors = d; return this; }
        /** Origins whose pages may read the endpoint; never with credentials, so a page cannot write with a user's login. */
        public Builder corsOrigins(java.util.List<String> origins) { this.corsOrigins = origins; return this; }

        /** The facade's port: the endpoint's root (/) sends people to the home page there. */
        public Builder homePort(java.util.function.IntSupplier port) { this.homePort = port; return this; }

        public SparqlServer build() {
            // The dataset's context is where Fuseki looks for a server-side timeout; without one a client may run forever.
            store.datasetGraph().getContext().set(ARQ.queryTimeout, Long.toString(timeoutMillis));
            org.nqpfkg.loader.JsonLdContexts.refuseEverywhere();
            ServiceDoor services = new ServiceDoor(doors.serviceAllowList());
            services.install(store.datasetGraph().getContext(), timeoutMillis);
            QueryLanes lanes = new QueryLanes(doors.longQueries(), doors.maxQueries());
            FusekiServer.Builder b = FusekiServer.create()
                    .port(port)
                    .enablePing(true)
                    .enableCors(true, corsFile(corsOrigins).toString())
                    .registerOperation(Operation.Query, new CappedQueryService(resultCap, services, lanes))
                    .registerOperation(Operation.Update, new GuardedUpdateService(doors.loadAllowList()))
                    .registerOperation(Operation.GSP_RW, new GatedGraphStore())
                    .add(DATASET, new ShapeCheckedDataset(store), false);
            if (homePort != null) b.addFilter("/*", rootToHomePage(homePort));
            boolean writable = adminPassword != null && !adminPassword.isEmpty();
            b.addFilter("/*", new ServiceDescriptionFilter(store, DATASET, () -> writable));
            if (writable) {
                AuthPolicy admin = Auth.policyAllowSpecific(ADMIN_USER);
                b.auth(AuthScheme.BASIC)
                        .realm("nqpf-kg")
                        .passwordFile(passwordFile(adminPassword).toString())
                        .addEndpoint(DATASET, "update", Operation.Update, admin)
                        .addEndpoint(DATASET, "data", Operation.GSP_RW, admin)
                        .addEndpoint(DATASET, "upload", Operation.Upload, admin);
            }
            FusekiServer fuseki = b.build();
            Server jetty = fuseki.getJettyServer();
            for (var connector : jetty.getConnectors())
                if (connector instanceof ServerConnector sc) sc.setHost(doors.host());
            ClientDoor door = new ClientDoor(doors, fuseki::getHttpPort);
            door.setHandler(jetty.getHandler());
            jetty.setHandler(door);
            return new SparqlServer(fuseki, lanes);
        }

        private static Path corsFile(java.util.List<String> origins) {
            try {
                Path file = Files.createTempFile("nqpf-kg-cors", ".properties");
                file.toFile().deleteOnExit();
                Files.writeString(file, String.join("\n",
                        "allowedOrigins=" + (origins.contains("*") ? "*" : String.join(",", origins)),
                        "allowCredentials=false",
                        "allowedMethods=GET,POST,HEAD,OPTIONS",
                        "allowedHeaders=X-Requested-With,Content-Type,Accept,Origin",
                        "exposedHeaders=Cache-Control,Content-Length,Content-Type,Content-Language,Expires,Last-Modified,Pragma",
                        ""), StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the CORS settings file", e);
            }
        }

        /** Jetty reads credentials from a properties file; it lives only as long as the process, readable by its owner. */
        private static Path passwordFile(String password) {
            try {
                Path file = Files.createTempFile("nqpf-kg-realm", ".properties",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                file.toFile().deleteOnExit();
                Files.writeString(file, ADMIN_USER + ": " + password + "\n", StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the credentials file", e);
            }
        }

        /** Someone who opens the endpoint's root in a browser is sent (303) to the home page on the facade's port. */
        private static Filter rootToHomePage(java.util.function.IntSupplier homePort) {
            return (request, response, chain) -> {
                HttpServletRequest req = (HttpServletRequest) request;
                if (!req.getRequestURI().equals("/") || !(req.getMethod().equals("GET") || req.getMethod().equals("HEAD"))) {
                    chain.doFilter(request, response);
                    return;
                }
                String home = req.getScheme() + "://" + hostForUrl(req.getServerName()) + ":" + homePort.getAsInt() + "/";
                HttpServletResponse res = (HttpServletResponse) response;
                res.setStatus(303);
                res.setHeader("Location", home);
                res.setContentType("text/html; charset=utf-8");
                res.getWriter().write("<!doctype html><title>nqpf-kg SPARQL endpoint</title><p>This is the SPARQL endpoint of nqpf-kg: query it at "
                        + DATASET + "/sparql. The home page is <a href=\"" + home + "\">" + home + "</a>.</p>\n");
            };
        }

        /** The host the client used, bracketed if IPv6; anything that is not a plain host name becomes localhost. */
        private static String hostForUrl(String host) {
            if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) return "localhost";
            return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        }
    }
}
