package dev.ranks.mpj;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ranks.comm.ElementType;
import java.lang.reflect.Array;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The mpj device's frame header and the sections of the MPJ buffers frames travel in. */
class FrameTest {
    @Test
    void headerFieldsReadBackAsWritten() {
        byte[] frame = new byte[Frame.HEADER];
        Frame.header(frame, Frame.RTS, 12, Integer.MAX_VALUE, ElementType.DOUBLE, 1 << 20, 77);

        assertEquals(Frame.RTS, Frame.kind(frame));
        assertEquals(12, Frame.context(frame));
        assertEquals(Integer.MAX_VALUE, Frame.tag(frame));
        assertEquals(ElementType.DOUBLE, Frame.type(frame));
        assertEquals(1 << 20, Frame.count(frame));
        assertEquals(77, Frame.seq(frame));
    }

    @ParameterizedTest
    @EnumSource(ElementType.class)
    void aSliceSurvivesAFrameBufferIntoAnotherOffset(ElementType type) throws Exception {
        ElementType stored = type == ElementType.OBJECT ? ElementType.BYTE : type;
        Object source = sample(stored, 9);
        byte[] header = new byte[Frame.HEADER];
        Frame.header(header, Frame.EAGER, 4, 3, type, 5, 0);
        mpjbuf.Buffer frame = new mpjbuf.Buffer(new mpjbuf.Buffer(Frame.OVERHEAD + 64).getStaticBuffer(), 0,
                Frame.OVERHEAD + 5 * stored.bytes());
        Frame.write(frame, ElementType.BYTE, header, 0, Frame.HEADER);
        Frame.write(frame, type, source, 2, 5);
        frame.commit();

        byte[] headerBack = new byte[Frame.HEADER];
        Frame.read(frame, ElementType.BYTE, headerBack, 0, Frame.HEADER);
        Object target = Array.newInstance(stored.arrayClass().getComponentType(), 8);
        Frame.read(frame, type, target, 3, 5);

        assertArrayEquals(header, headerBack);
        for (int i = 0; i < 5; i++) {
            assertEquals(Array.get(source, 2 + i), Array.get(target, 3 + i), type + " element " + i);
        }
        assertEquals(Array.get(Array.newInstance(stored.arrayClass().getComponentType(), 1), 0), Array.get(target, 2),
                "elements before the offset stay untouched");
    }

    @Test
    void aFullInlinePayloadFitsTheOverhead() throws Exception {
        int payload = MpjEndpoint.MAX_INLINE;
        mpjbuf.Buffer frame = new mpjbuf.Buffer(new mpjbuf.Buffer(Frame.OVERHEAD + payload).getStaticBuffer(), 0,
                Frame.OVERHEAD + payload);
        Frame.write(frame, ElementType.BYTE, new byte[Frame.HEADER], 0, Frame.HEADER);
        Frame.write(frame, ElementType.BOOLEAN, new boolean[payload], 0, payload);
        frame.commit();

        assertEquals(true, frame.getSize() <= Frame.OVERHEAD + payload, "frame of " + frame.getSize() + " bytes");
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
