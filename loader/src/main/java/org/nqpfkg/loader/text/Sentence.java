package org.nqpfkg.loader.text;

/** A sentence (or a heading, caption or table row) of the normalised text, with the innermost section it stands in. */
public record Sentence(int index, int start, int end, String text, Section section, Block.Kind blockKind, int paragraph) {}
