package org.nqpfkg.loader.link;

/**
 * One way a concept can be named in text.
 *
 * @param concept IRI of the concept a match links to
 * @param kind    the concept's class local name (Mechanism, Organization ...) or "Term" for a vocabulary term
 * @param surface the exact Chinese words to look for
 * @param match   whether the surface is a label, an alias or a label's head
 */
public record Entry(String concept, String kind, String surface, Match match) {}
