package org.nqpfkg.loader;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import org.apache.jena.riot.RIOT;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;

/**
 * JSON-LD names its context by URL, and a parser that fetches it makes the machine reading the file call out to
 * wherever the file says: from a server, to its internal network. Neither the loader nor the server ever fetches
 * one; a document must carry its context inline.
 */
public final class JsonLdContexts {
    private JsonLdContexts() {}

    private static final JsonLdOptions OFFLINE = new JsonLdOptions((url, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                "remote JSON-LD contexts are never fetched here (" + url + "); put the context inline");
    });

    /** A parser context that refuses remote JSON-LD contexts. */
    public static Context offline() {
        Context c = new Context();
        c.set(LangJSONLD11.JSONLD_OPTIONS, OFFLINE);
        return c;
    }

    /** Refuses remote contexts for every parse in this process that does not set its own options (uploads too). */
    public static void refuseEverywhere() {
        RIOT.getContext().set(LangJSONLD11.JSONLD_OPTIONS, OFFLINE);
    }
}
