package org.nqpfkg.server.api;

import io.javalin.http.Context;

/**
 * Points every JSON answer of the facade at the JSON-LD context (JSON-LD 1.1 §6.1), so a JSON-LD processor can
 * read the facade's keys as the ontology's IRIs. The target is relative: it resolves on whichever host serves
 * the facade, which is where the context IRI ({@code https://w3id.org/nqpf-kg/context.jsonld}) leads.
 */
final class JsonLdContextLink {
    static final String HEADER = "</context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";

    private JsonLdContextLink() {}

    static void add(Context ctx) {
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith("application/json")) ctx.header("Link", HEADER);
    }
}
