package org.nqpfkg.server.remote;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * Plain Fuseki as the remote store of the tests, run in a process of its own (never the facade's JVM): an in-memory
 * TDB2 dataset at /kg whose default graph is the union of its named graphs, with query, update and Graph Store
 * Protocol, on loopback. Arguments: the port, then optionally a password file (Jetty's {@code user: password} format),
 * which puts every request behind HTTP basic authentication, or {@code -} for none; {@code --no-union} keeps the
 * default graph a graph of its own (a store the facade must refuse).
 */
public final class StandaloneFuseki {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        if (!java.util.List.of(args).contains("--no-union")) dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        FusekiServer.Builder b = FusekiServer.create().port(port).loopback(true).enablePing(true).add("/kg", dsg, true);
        if (args.length > 1 && !args[1].equals("-")) b.passwordFile(args[1]).auth(AuthScheme.BASIC).serverAuthPolicy(Auth.ANY_USER);
        FusekiServer server = b.build().start();
        System.out.println("fuseki ready on " + server.getHttpPort());
        server.join();
    }
}
