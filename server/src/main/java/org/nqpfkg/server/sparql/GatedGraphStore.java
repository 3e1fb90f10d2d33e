package org.nqpfkg.server.sparql;

import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;

/** Fuseki's Graph Store Protocol, answering a write the SHACL gate refused with its status and report. */
final class GatedGraphStore extends GSP_RW {
    @Override protected void doPut(HttpAction action) { ShapeCheckedDataset.answer(() -> super.doPut(action)); }
    @Override protected void doPost(HttpAction action) { ShapeCheckedDataset.answer(() -> super.doPost(action)); }
    @Override protected void doDelete(HttpAction action) { ShapeCheckedDataset.answer(() -> super.doDelete(action)); }
}
