package org.nqpfkg.server.api;

import io.javalin.http.Context;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.nqpfkg.server.lod.RdfMedia;
import org.nqpfkg.server.lod.Representations;

/** Content negotiation for linked-data routes: the chosen representation, or a 406 problem naming those there are. */
final class Negotiation {
    private Negotiation() {}

    static RdfMedia choose(Context ctx, List<RdfMedia> offered) {
        return RdfMedia.choose(ctx.header("Accept"), offered).orElseThrow(() -> new Problem(406, "Not acceptable",
                "this resource is available as " + RdfMedia.offeredList(offered) + "; the Accept header asks for none of them"));
    }

    static ResponseCache.Entry entry(Graph g, RdfMedia media, String title, List<Node> focus) {
        return Responses.entry(200, media.contentType, Representations.render(g, media, title, focus));
    }
}
