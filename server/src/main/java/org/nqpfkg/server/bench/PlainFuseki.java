package org.nqpfkg.server.bench;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;

/** The baseline the read benchmarks measure against: plain Fuseki, read-only, over the same store at /ds. */
final class PlainFuseki {
    private PlainFuseki() {}

    /**
     * Started on a free loopback port, with a 10 s query timeout: without one, 32 clients' queries over a large
     * store ran for many minutes and held both cores through the measurements that followed.
     */
    static FusekiServer start(DatasetGraph dsg) {
        Context limits = dsg.getContext().copy();
        limits.set(ARQ.queryTimeout, "10000");
        return FusekiServer.create().port(0).loopback(true).add("/ds", new DatasetGraphWrapper(dsg, limits), false).build().start();
    }
}
