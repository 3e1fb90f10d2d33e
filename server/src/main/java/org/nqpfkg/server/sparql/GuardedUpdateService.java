package org.nqpfkg.server.sparql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_Update;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.update.Update;
import org.apache.jena.update.UpdateFactory;
import org.apache.jena.update.UpdateRequest;

/**
 * Fuseki's SPARQL Update with a door on {@code LOAD}: it reads only from the operator's allow-list of http(s)
 * prefixes (empty by default: no LOAD at all), never a {@code file:} or any other scheme, so an update cannot
 * read the server's disk or make it fetch an arbitrary URL. The request is read once, checked, and handed on.
 */
final class GuardedUpdateService extends SPARQL_Update {
    /** Longest update request read: updates are statements, not data (data goes through the Graph Store or a load). */
    static final int MAX_BYTES = 1 << 20;

    private final List<String> loadAllowList;

    GuardedUpdateService(List<String> loadAllowList) { this.loadAllowList = List.copyOf(loadAllowList); }

    @Override
    protected void execute(HttpAction action, InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BYTES) ServletOps.error(413, "an update request may be at most " + MAX_BYTES + " bytes");
        UpdateRequest request;
        try {
            request = UpdateFactory.create(new String(bytes, StandardCharsets.UTF_8), "http://server/unset-base/", Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            // Fuseki reports the parse error in its own words.
            super.execute(action, new ByteArrayInputStream(bytes));
            return;
        }
        for (Update u : request.getOperations())
            if (u instanceof UpdateLoad load) {
                String source = load.getSource();
                if (!allowed(source))
                    ServletOps.error(403, loadAllowList.isEmpty()
                            ? "LOAD is turned off on this server (it would read <" + source + ">); load documents with kg load or POST /api/documents"
                            : "LOAD may read only from " + loadAllowList + ", not <" + source + ">");
            }
        ShapeCheckedDataset.answer(() -> super.execute(action, new ByteArrayInputStream(bytes)));
    }

    private boolean allowed(String source) {
        if (source == null || !(source.startsWith("http://") || source.startsWith("https://"))) return false;
        return loadAllowList.stream().anyMatch(source::startsWith);
    }
}
