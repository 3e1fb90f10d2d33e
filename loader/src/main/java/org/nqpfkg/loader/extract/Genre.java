package org.nqpfkg.loader.extract;

import java.util.regex.Pattern;
import org.nqpfkg.loader.text.Section;

/**
 * Whether a document is a study of paths and mechanisms: its headings announce them as their subject
 * ("…涌现的路径和机制", "…变革的机制:"). In that genre organisations and sectors matter as the cases and
 * examples the text gives of its paths and mechanisms, which the case rules type; a university named in
 * passing is not one of its findings. Other genres (policy opinions, proposals, news, op-eds) name the
 * organisations and sectors they are about anywhere, and the recognisers read them all.
 */
final class Genre {
    private Genre() {}

    /** "…的路径", "…的机制", "…的路径和机制" closing a heading, a colon allowed after it. */
    private static final Pattern STUDY_HEADING = Pattern.compile("的(?:路径|机制)(?:(?:和|与|及)(?:路径|机制))?[::]?$");

    static boolean studiesPathsAndMechanisms(Context ctx) {
        for (Section h : ctx.structure.sections())
            if (!h.runIn && "body".equals(h.kind) && h.title != null && STUDY_HEADING.matcher(h.title.strip()).find()) return true;
        return false;
    }
}
