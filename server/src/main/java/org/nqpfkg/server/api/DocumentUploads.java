package org.nqpfkg.server.api;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.nqpfkg.loader.LoadException;
import org.nqpfkg.loader.LoadOptions;
import org.nqpfkg.loader.LoadUnit;
import org.nqpfkg.loader.Sources;
import org.nqpfkg.loader.Vocab;
import org.nqpfkg.loader.link.Mentions;
import org.nqpfkg.server.store.KnowledgeStore;
import org.nqpfkg.server.store.SourceLoad;

/**
 * Adding documents to a running service: {@code POST /api/documents} adds one, {@code PUT} replaces one on
 * purpose. The body is the file — {@code text/plain} (or any RDF type) with its name in {@code ?name=}, or a
 * multipart form with {@code file} and an optional {@code sidecar} — and it goes through exactly what
 * {@code kg load} does: read, extract, link, the SHACL gate, one transaction. A POST that would replace a
 * stored document answers 409 and changes nothing.
 */
final class DocumentUploads {
    private final KnowledgeStore store;
    private final AdminCheck admin;

    DocumentUploads(KnowledgeStore store, AdminCheck admin) {
        this.store = store;
        this.admin = admin;
    }

    void post(Context ctx) { accept(ctx, false); }

    void put(Context ctx) { accept(ctx, true); }

    private void accept(Context ctx, boolean replace) {
        admin.require(ctx);
        Path folder = null;
        try {
            folder = Files.createTempDirectory("nqpf-kg-upload");
            Path file = receive(ctx, folder);
            SourceLoad load = new SourceLoad(LoadOptions.defaults().withOntology(store.ontology()), new PrintWriter(new StringWriter()));
            List<LoadUnit> units;
            try {
                units = load.read(List.of(file));
            } catch (LoadException e) {
                throw Problem.badRequest(e.getMessage().replace(folder.toString() + "/", ""));
            }
            boolean existed = store.holdsAny(units);
            try {
                if (replace) store.replace(units);
                else store.add(units);
            } catch (KnowledgeStore.AlreadyStored e) {
                throw new Problem(409, "Conflict", "a document from " + file.getFileName() + " is already in the store; PUT replaces it on purpose");
            } catch (LoadException e) {
                throw new Problem(422, "Unprocessable content", e.getMessage().replace(folder.toString() + "/", ""));
            }
            Map<String, Object> body = summary(units.get(0), file.getFileName().toString(), existed);
            ctx.status(existed ? 200 : 201);
            if (body.get("id") != null) ctx.header("Location", "/api/documents/" + body.get("id"));
            ctx.json(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (folder != null) deleteQuietly(folder);
        }
    }

    /** Writes the upload (and its sidecar) into {@code folder} under the client's file name; returns the document file. */
    private static Path receive(Context ctx, Path folder) throws IOException {
        String type = String.valueOf(ctx.contentType());
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) throw Problem.badRequest("the form has no 'file' field: send the document as 'file' (and its metadata as 'sidecar')");
            Path document = folder.resolve(fileName(file.filename()));
            copy(file.content(), document);
            UploadedFile sidecar = ctx.uploadedFile("sidecar");
            if (sidecar != null) {
                String stem = document.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                String ext = sidecar.filename() != null && sidecar.filename().endsWith(".json") ? ".meta.json" : ".meta.ttl";
                copy(sidecar.content(), folder.resolve(stem + ext));
            }
            return document;
        }
        String name = ctx.queryParam("name");
        if (name == null) throw Problem.badRequest("name the document with ?name=FILE.txt (its extension says how to read it)");
        Path document = folder.resolve(fileName(name));
        copy(ctx.bodyInputStream(), document);
        return document;
    }

    /** A bare file name the loader accepts; never a path. */
    private static String fileName(String given) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".") || name.length() > 200)
            throw Problem.badRequest("a document name is a plain file name such as report.txt, not " + Params.abbreviate(String.valueOf(given)));
        if (Sources.isSidecar(Path.of(name)))
            throw Problem.badRequest(name + " is a metadata sidecar: send it as the 'sidecar' field beside its document");
        return name;
    }

    private static void copy(InputStream in, Path to) throws IOException {
        long limit = LoadOptions.DEFAULT_MAX_BYTES;
        byte[] buffer = new byte[64 * 1024];
        long n = 0;
        try (InputStream body = in; var out = Files.newOutputStream(to)) {
            for (int r; (r = body.read(buffer)) > 0; ) {
                n += r;
                // Counted while copying: the limit holds for chunked bodies too, whose length is not declared.
                if (n > limit) throw new Problem(413, "Content too large", "a document may be at most " + limit + " bytes");
                out.write(buffer, 0, r);
            }
        }
    }

    private static Map<String, Object> summary(LoadUnit unit, String name, boolean replaced) {
        Map<String, Object> body = new LinkedHashMap<>();
        String documentIri = null;
        long mentions = 0;
        for (Graph g : unit.graphs().values()) {
            var docs = g.find(Node.ANY, org.apache.jena.vocabulary.RDF.type.asNode(), Vocab.nqpf("Document"));
            if (documentIri == null && docs.hasNext()) documentIri = docs.next().getSubject().getURI();
            mentions += g.find(Node.ANY, Mentions.TA_IDENT_REF, Node.ANY).toList().size();
        }
        body.put("id", documentIri == null ? null : Sparql.id(documentIri));
        body.put("iri", documentIri);
        body.put("source", name);
        body.put("graphs", new ArrayList<>(unit.graphs().keySet()));
        body.put("triples", unit.tripleCount());
        body.put("mentions", mentions);
        body.put("summary", unit.summary());
        body.put("replaced", replaced);
        return body;
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
