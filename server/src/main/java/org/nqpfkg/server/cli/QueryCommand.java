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

    @Override
    public Integer call() throws Exception {
        Path file = Path.of(queryOrFile.length() < 4096 ? queryOrFile : ".");
        String text = !file.toString().equals(".") && Files.isRegularFile(file)
                ? Files.readString(file, StandardCharsets.UTF_8) : queryOrFile;
        Query query;
        try {
            // SPARQL lets a query redeclare a prefix, so the predefined ones never get in its way.
            query = QueryFactory.create(Vocab.PREFIXES + text);
        } catch (QueryParseException e) {
            System.err.println("error: the query does not parse: " + e.getMessage());
            return 2;
        }
        try (KnowledgeStore store = storeOption.open()) {
            Txn.executeRead(store.datasetGraph(), () -> {
                try (QueryExec qe = QueryExec.dataset(store.datasetGraph()).query(query)
                        .timeout(timeoutSeconds * 1000).build()) {
                    if (query.isSelectType()) printRows(qe.select(), query);
                    else if (query.isAskType()) System.out.println(qe.ask() ? "yes" : "no");
                    else RDFDataMgr.write(System.out, qe.construct(), RDFFormat.TURTLE_PRETTY);
                }
            });
        }
        return 0;
    }

    private void printRows(RowSet rowSet, Query query) {
        org.apache.jena.query.ResultSet rows = org.apache.jena.query.ResultSet.adapt(rowSet);
        switch (format) {
            case table -> ResultSetFormatter.out(System.out, rows, query.getPrologue());
            case json -> ResultSetMgr.write(System.out, rows, ResultSetLang.RS_JSON);
            case csv -> ResultSetMgr.write(System.out, rows, ResultSetLang.RS_CSV);
            case tsv -> ResultSetMgr.write(System.out, rows, ResultSetLang.RS_TSV);
        }
        System.out.flush();
    }
}
