package org.nqpfkg.server.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.server.store.KnowledgeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run a SPARQL query (text or a file) against the store and print the result.")
final class QueryCommand implements Callable<Integer> {
    enum Format { table, json, csv, tsv }

    @Mixin StoreOption storeOption;

    @Parameters(paramLabel = "QUERY-OR-FILE", description = "a SPARQL query, or a file holding one; the project's prefixes (nqpf:, nif:, skos: ...) are predefined")
    String queryOrFile;

    @Option(names = "--format", defaultValue = "table", description = "table, json, csv or tsv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "query timeout (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter out = spec.commandLine().getOut();
        Path file = Path.of(queryOrFile.length() < 4096 ? queryOrFile : ".");
        String text = !file.toString().equals(".") && Files.isRegularFile(file)
                ? Files.readString(file, StandardCharsets.UTF_8) : queryOrFile;
        Query query;
        try {
            // The project's prefixes are predefined (a query may redeclare them); errors keep the user's line numbers.
            query = new Query();
            query.setPrefixMapping(QueryFactory.create(Vocab.PREFIXES + "ASK {}").getPrefixMapping());
            QueryFactory.parse(query, text, null, org.apache.jena.query.Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            spec.commandLine().getErr().println("error: the query does not parse: " + e.getMessage());
            return 2;
        }
        try (KnowledgeStore store = storeOption.openExisting()) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            Txn.executeRead(store.datasetGraph(), () -> {
                try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(query)
                        .timeout(timeoutSeconds * 1000).build()) {
                    if (query.isSelectType()) printRows(qe.select(), query, bytes);
                    else if (query.isAskType()) bytes.writeBytes((qe.ask() ? "yes\n" : "no\n").getBytes(StandardCharsets.UTF_8));
                    else RDFDataMgr.write(bytes, qe.construct(), RDFFormat.TURTLE_PRETTY);
                }
            });
            out.print(bytes.toString(StandardCharsets.UTF_8));
            out.flush();
        }
        return 0;
    }

    private void printRows(RowSet rowSet, Query query, java.io.OutputStream out) {
        org.apache.jena.query.ResultSet rows = org.apache.jena.query.ResultSet.adapt(rowSet);
        switch (format) {
            case table -> ResultSetFormatter.out(out, rows, query.getPrologue());
            case json -> ResultSetMgr.write(out, rows, ResultSetLang.RS_JSON);
            case csv -> ResultSetMgr.write(out, rows, ResultSetLang.RS_CSV);
            case tsv -> ResultSetMgr.write(out, rows, ResultSetLang.RS_TSV);
        }
    }
}
