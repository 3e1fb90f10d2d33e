package org.nqpfkg.loader.text;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nqpfkg.loader.LoadException;

class TextDecoderTest {
    private static final long LIMIT = 1 << 20;

    /** About 200 Chinese characters: the detector needs a realistic amount of text to recognise GBK. */
    private static final String PARAGRAPH =
            "人工智能正在深刻改变生产方式和经济结构，成为推动新质生产力发展的核心引擎。"
            + "新质生产力以科技创新为主导，摆脱了传统经济增长方式和生产力发展路径，"
            + "具有高科技、高效能、高质量的特征。人工智能通过赋能劳动者、劳动资料和劳动对象，"
            + "提高全要素生产率，催生新产业、新模式和新动能。在制造业中，智能工厂和工业互联网"
            + "让生产过程更加精准高效；在农业中，智能农机和遥感监测帮助农民科学种植；"
            + "在服务业中，大模型和智能客服提升了服务质量。发展新质生产力，"
            + "需要加强基础研究，培养创新人才，完善数据要素市场，推动人工智能与实体经济深度融合。";

    @TempDir Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) out[i] = (byte) values[i];
        return out;
    }

    private LoadException refused(Path file, long limit, String... reasonWords) {
        LoadException e = assertThrows(LoadException.class, () -> TextDecoder.decode(file, limit));
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        for (String word : reasonWords) assertTrue(e.getMessage().contains(word), e.getMessage());
        return e;
    }

    // --- text that is accepted ---

    @Test
    void utf8Chinese() throws Exception {
        Path file = write("utf8.txt", PARAGRAPH.getBytes(StandardCharsets.UTF_8));
        assertEquals(PARAGRAPH, TextDecoder.decode(file, LIMIT));
    }

    @Test
    void utf8BomIsRemoved() throws Exception {
        Path file = write("bom.txt", concat(bytes(0xEF, 0xBB, 0xBF), "新质生产力\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("新质生产力\n", TextDecoder.decode(file, LIMIT));
    }

    @Test
    void utf16LittleEndianWithBom() throws Exception {
        Path file = write("le.txt", concat(bytes(0xFF, 0xFE), PARAGRAPH.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(PARAGRAPH, TextDecoder.decode(file, LIMIT));
    }

    @Test
    void utf16BigEndianWithBom() throws Exception {
        Path file = write("be.txt", concat(bytes(0xFE, 0xFF), PARAGRAPH.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(PARAGRAPH, TextDecoder.decode(file, LIMIT));
    }

    @Test
    void utf32LittleEndianWithBom() throws Exception {
        // FF FE 00 00 must be read as UTF-32LE, not as UTF-16LE followed by a NUL character.
        Path file = write("le32.txt", concat(bytes(0xFF, 0xFE, 0, 0), "人工智能".getBytes(Charset.forName("UTF-32LE"))));
        assertEquals("人工智能", TextDecoder.decode(file, LIMIT));
    }

    @Test
    void gbkChinese() throws Exception {
        Path file = write("gbk.txt", PARAGRAPH.getBytes(Charset.forName("GBK")));
        assertEquals(PARAGRAPH, TextDecoder.decode(file, LIMIT));
    }

    @Test
    void gb18030Chinese() throws Exception {
        // 𠀀 (U+20000) is outside GBK: GB18030 writes it as a four-byte sequence.
        String text = PARAGRAPH + "𠀀";
        Path file = write("gb18030.txt", text.getBytes(Charset.forName("GB18030")));
        assertEquals(text, TextDecoder.decode(file, LIMIT));
    }

    @Test
    void textIsNotNormalised() throws Exception {
        String text = "e\u0301 \r\n\tＡＩ\u3000";
        Path file = write("raw.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, TextDecoder.decode(file, LIMIT));
    }

    // --- refusals ---

    @Test
    void missingFile() {
        refused(dir.resolve("nowhere.txt"), LIMIT, "cannot read");
    }

    @Test
    void emptyFile() throws Exception {
        refused(write("empty.txt", new byte[0]), LIMIT, "is empty");
    }

    @Test
    void onlyABom() throws Exception {
        refused(write("onlybom.txt", bytes(0xEF, 0xBB, 0xBF)), LIMIT, "is empty");
    }

    @Test
    void whitespaceOnly() throws Exception {
        refused(write("blank.txt", " \n\t\r\n\u3000 ".getBytes(StandardCharsets.UTF_8)), LIMIT, "is empty");
    }

    @Test
    void overTheSizeLimit() throws Exception {
        Path file = write("big.txt", PARAGRAPH.getBytes(StandardCharsets.UTF_8));
        long size = Files.size(file);
        refused(file, 100, "is " + size + " bytes", "size limit of 100 bytes", "--max-size");
    }

    @Test
    void binaryWithNulBytes() throws Exception {
        byte[] data = new byte[512];
        new Random(7).nextBytes(data);
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
        System.arraycopy(png, 0, data, 0, png.length);
        refused(write("image.txt", data), LIMIT, "binary", "NUL");
    }

    @Test
    void binaryThatDecodesAsUtf8() throws Exception {
        // Valid UTF-8 (ASCII), no NULs, but full of control characters: binary, not text.
        byte[] data = new byte[400];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i % 2 == 0 ? 'a' : 0x01 + i % 8);
        refused(write("ctrl.txt", data), LIMIT, "binary", "control characters");
    }

    @Test
    void aFewControlCharactersAreAllowed() throws Exception {
        String text = PARAGRAPH + "\u000B"; // one vertical tab in ~200 characters: under 1%
        Path file = write("vt.txt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(text, TextDecoder.decode(file, LIMIT));
    }

    @Test
    void undecodableLatin1() throws Exception {
        // Latin-1 text with a 0x81 byte: not UTF-8, and the detector gives no guess
        // (0x81 is undefined in windows-1252), so nothing fits.
        byte[] data = "Le caf\u00e9 est tr\u00e8s bon, \u00e0 c\u00f4t\u00e9 de la rivi\u00e8re. \u0081 fin"
                .getBytes(StandardCharsets.ISO_8859_1);
        refused(write("latin1.txt", data), LIMIT, "cannot be decoded as text", "not valid UTF-8", "detected: nothing");
    }

    @Test
    void gbkWithBrokenTail() throws Exception {
        // Detected as GB18030, but the last byte is a lead byte with no trail byte: strict decoding refuses it.
        byte[] data = concat(PARAGRAPH.getBytes(Charset.forName("GBK")), bytes(0x81));
        refused(write("truncated.txt", data), LIMIT, "cannot be decoded as text", "detected: GB18030");
    }

    @Test
    void brokenUtf16AfterBom() throws Exception {
        // A UTF-16LE BOM followed by an odd number of bytes (a lone half code unit).
        byte[] data = concat(bytes(0xFF, 0xFE), concat("人工".getBytes(StandardCharsets.UTF_16LE), bytes('x')));
        refused(write("odd16.txt", data), LIMIT, "cannot be decoded as text", "UTF-16LE");
    }
}
