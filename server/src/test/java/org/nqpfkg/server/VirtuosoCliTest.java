package org.nqpfkg.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nqpfkg.server.remote.VirtuosoProcess;

/**
 * kg load, query and validate over Virtuoso, its query, update and Graph Store endpoints behind credentials, as
 * over Fuseki ({@link RemoteCliTest}). Skipped, saying why, where Virtuoso is not installed, unless
 * {@code NQPF_VIRTUOSO=required} (as {@code .ci/run} sets it).
 */
class VirtuosoCliTest extends RemoteStoreFixture {
    @Override
    RemoteStores.Started startStore(Path dir) throws Exception { return RemoteStores.virtuoso(dir); }

    TestSupport.Run kg(String verb, String... rest) {
        VirtuosoProcess v = (VirtuosoProcess) store.process();
        List<String> args = new ArrayList<>(List.of(verb, "--endpoint", v.queryUrl(), "--update-endpoint", v.updateUrl(),
                "--gsp-endpoint", v.gspUrl(), "--endpoint-credentials-file", v.credentialsFile().toString()));
        args.addAll(List.of(rest));
        return TestSupport.kg(args.toArray(String[]::new));
    }

    @Test
    void loadQueryAndValidateSpeakSparqlToTheStore() throws Exception {
        RemoteCliTest.loadQueryAndValidate(dir, this::kg);
    }
}
