package org.nqpfkg.loader.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;
import org.nqpfkg.loader.LoadException;

/**
 * Turns the bytes of a text file into a String, or refuses with a reason the user can act on.
 *
 * <p>Decoding is strict: a byte sequence that is not valid in the chosen encoding is an error, never
 * silently replaced with U+FFFD or dropped. Evidence offsets index into the decoded text, so a text that
 * quietly lost or changed characters would make every quoted span point at the wrong place.
 *
 * <p>Order: a byte-order mark decides the encoding outright; otherwise NUL bytes mean binary, valid UTF-8
 * is taken as UTF-8, and only then is juniversalchardet asked to guess (GB2312/GBK guesses are decoded as
 * GB18030, their superset). Text that decodes but is full of control characters is still refused as binary.
 * The text is returned as decoded, minus any BOM; normalisation happens elsewhere.
 */
public final class TextDecoder {
    private TextDecoder() {}

    /** Above this share of control characters (other than \n \r \t \f), a decoded file is taken to be binary. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    /** Detector guesses that are decoded as GB18030, which is a superset of each of them. */
    private static final Set<String> GB_FAMILY = Set.of("GB2312", "GBK", "GB18030", "HZ-GB-2312", "HZ");

    private record Bom(byte[] bytes, Charset charset) {}

    // UTF-32LE must be tested before UTF-16LE: its BOM (FF FE 00 00) starts with the UTF-16LE one.
    private static final Bom[] BOMS = {
        new Bom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8),
        new Bom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, Charset.forName("UTF-32BE")),
        new Bom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, Charset.forName("UTF-32LE")),
        new Bom(new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE),
        new Bom(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE),
    };

    public static String decode(Path file, long maxBytes) throws LoadException {
        byte[] bytes = readBytes(file, maxBytes);
        String text = decodeBytes(file, bytes);
        if (isBlank(text)) throw fail(file, "is empty");
        long controls = text.chars().filter(TextDecoder::isBinaryControl).count();
        if (controls > text.length() * MAX_CONTROL_SHARE) {
            throw fail(file, "looks like a binary file (" + controls + " control characters), not text");
        }
        return text;
    }

    /** Checks the size before reading, so a huge file is refused without loading it into memory. */
    private static byte[] readBytes(Path file, long maxBytes) throws LoadException {
        try {
            if (Files.isDirectory(file)) throw fail(file, "cannot read: it is a folder, not a file");
            long size = Files.size(file);
            if (size == 0) throw fail(file, "is empty");
            if (size > maxBytes) {
                throw fail(file, "is " + size + " bytes, over the size limit of " + maxBytes
                        + " bytes (raise it with --max-size)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LoadException(file + ": cannot read: no such file", e);
        } catch (AccessDeniedException e) {
            throw new LoadException(file + ": cannot read: permission denied", e);
        } catch (IOException e) {
            throw new LoadException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static String decodeBytes(Path file, byte[] bytes) throws LoadException {
        for (Bom bom : BOMS) {
            if (startsWith(bytes, bom.bytes())) {
                int n = bom.bytes().length;
                String text = strictDecode(bytes, n, bytes.length - n, bom.charset());
                if (text == null) {
                    throw fail(file, "cannot be decoded as text: it starts with a " + bom.charset().name()
                            + " byte-order mark but is not valid " + bom.charset().name());
                }
                return text;
            }
        }
        for (byte b : bytes) {
            if (b == 0) throw fail(file, "looks like a binary file (contains NUL bytes), not text");
        }
        String text = strictDecode(bytes, 0, bytes.length, StandardCharsets.UTF_8);
        if (text != null) return text;

        String detected = detect(bytes);
        Charset charset = toCharset(detected);
        if (charset != null) text = strictDecode(bytes, 0, bytes.length, charset);
        if (text == null) {
            throw fail(file, "cannot be decoded as text: not valid UTF-8, and no other encoding fits (detected: "
                    + (detected == null ? "nothing" : detected) + ")");
        }
        return text;
    }

    private static String detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        return detector.getDetectedCharset();
    }

    /** The Java charset for a detector guess, or null if there is none. */
    private static Charset toCharset(String detected) {
        if (detected == null) return null;
        if (GB_FAMILY.contains(detected.toUpperCase(Locale.ROOT))) return Charset.forName("GB18030");
        try {
            return Charset.isSupported(detected) ? Charset.forName(detected) : null;
        } catch (IllegalArgumentException e) { // illegal charset name
            return null;
        }
    }

    /** Decodes or returns null; malformed or unmappable input is an error, never replaced. */
    private static String strictDecode(byte[] bytes, int offset, int length, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (bytes[i] != prefix[i]) return false;
        return true;
    }

    /** Blank: nothing but whitespace (including ideographic space U+3000, no-break spaces and stray BOMs). */
    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0xFEFF);
    }

    private static boolean isBinaryControl(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }

    private static LoadException fail(Path file, String reason) {
        return new LoadException(file + ": " + reason);
    }
}
