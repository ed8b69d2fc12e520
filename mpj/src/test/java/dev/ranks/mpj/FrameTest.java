package dev.ranks.mpj;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ranks.comm.ElementType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mpj device's frame header and the packing of primitive slices into frames. */
class FrameTest {
    @Test
    void headerFieldsReadBackAsWritten() {
        byte[] frame = new byte[Frame.HEADER];
        ByteBuffer rest = Frame.header(frame, Frame.RTS, 12, Integer.MAX_VALUE, ElementType.DOUBLE, 1 << 20, 77);

        assertEquals(Frame.HEADER, rest.position());
        assertEquals(Frame.RTS, Frame.kind(frame));
        assertEquals(12, Frame.context(frame));
        assertEquals(Integer.MAX_VALUE, Frame.tag(frame));
        assertEquals(ElementType.DOUBLE, Frame.type(frame));
        assertEquals(1 << 20, Frame.count(frame));
        assertEquals(77, Frame.seq(frame));
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = "OBJECT", mode = EnumSource.Mode.EXCLUDE)
    void aSliceSurvivesPackAndUnpackIntoAnotherOffset(ElementType type) {
        Object source = sample(type, 9);
        byte[] frame = new byte[Frame.HEADER + 5 * type.bytes()];
        ByteBuffer out = Frame.header(frame, Frame.EAGER, 0, 3, type, 5, 0);
        Frame.pack(out, type, source, 2, 5);

        Object target = Array.newInstance(type.arrayClass().getComponentType(), 8);
        Frame.unpack(frame, type, target, 3, 5);

        for (int i = 0; i < 5; i++) {
            assertEquals(Array.get(source, 2 + i), Array.get(target, 3 + i), type + " element " + i);
        }
        assertEquals(Array.get(Array.newInstance(type.arrayClass().getComponentType(), 1), 0), Array.get(target, 2),
                "elements before the offset stay untouched");
    }

    @Test
    void packingIsBigEndianSoThatHostsOfEitherByteOrderAgree() {
        byte[] frame = new byte[Frame.HEADER + 4];
        Frame.pack(Frame.header(frame, Frame.EAGER, 0, 0, ElementType.INT, 1, 0), ElementType.INT, new int[] {0x01020304},
                0, 1);

        assertArrayEquals(new byte[] {1, 2, 3, 4}, java.util.Arrays.copyOfRange(frame, Frame.HEADER, Frame.HEADER + 4));
    }

    @Test
    void dataTagsAreNeverTheFramesTagAndWrapWithinMpjsRange() {
        assertEquals(1, MpjEndpoint.dataTag(1));
        assertEquals(1000, MpjEndpoint.dataTag(1000));
        assertNotEquals(MpjEndpoint.INLINE_TAG, MpjEndpoint.dataTag(0x4000_0001));
        assertEquals(1, MpjEndpoint.dataTag(0x4000_0001));
        for (int seq : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0}) {
            int tag = MpjEndpoint.dataTag(seq);
            assertEquals(true, tag >= 1 && tag <= 0x4000_0000, "seq " + seq + " gave tag " + tag);
        }
    }

    private static Object sample(ElementType type, int length) {
        Object array = Array.newInstance(type.arrayClass().getComponentType(), length);
        for (int i = 0; i < length; i++) {
            Object value = switch (type) {
                case BYTE -> (byte) (i * 37 - 100);
                case SHORT -> (short) (i * 3001 - 9000);
                case INT -> i * 1_000_003 - 4_000_000;
                case LONG -> i * 1_000_000_000_007L - 3;
                case FLOAT -> i * 1.5f - 3.25f;
                case DOUBLE -> i * Math.PI - 7;
                case CHAR -> (char) ('a' + i * 1000);
                case BOOLEAN -> i % 3 == 1;
                case OBJECT -> throw new IllegalArgumentException("no primitive sample for objects");
            };
            Array.set(array, i, value);
        }
        return array;
    }
}
