package org.nqpfkg.server.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nqpfkg.server.TestSupport;
import picocli.CommandLine.TypeConversionException;

class ByteSizeTest {
    @Test
    void readsPlainNumbersAndBinarySuffixes() {
        assertEquals(0, ByteSize.parse("0"));
        assertEquals(262_144, ByteSize.parse("262144"));
        assertEquals(256 * 1024, ByteSize.parse("256k"));
        assertEquals(64L << 20, ByteSize.parse("64m"));
        assertEquals(64L << 20, ByteSize.parse("64MiB"));
        assertEquals(64L << 20, ByteSize.parse("64MB"));
        assertEquals(1L << 30, ByteSize.parse("1G"));
        assertEquals(100, ByteSize.parse("100b"));
    }

    @Test
    void refusesWhatIsNoSize() {
        for (String bad : new String[] {"", "-1", "lots", "1.5m", "64t", "99999999999999999999", "9999999999999g"})
            assertThrows(TypeConversionException.class, () -> ByteSize.parse(bad), bad);
    }

    @Test
    void serveSaysWhatIsWrongWithTheSize() {
        TestSupport.Run run = TestSupport.kg("serve", "--cache-bytes", "lots");
        assertNotEquals(0, run.exit());
        assertTrue(run.err().contains("no size in bytes"), run.err());
    }
}
